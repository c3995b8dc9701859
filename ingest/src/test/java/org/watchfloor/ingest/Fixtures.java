package org.watchfloor.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/** The feed files under {@code src/test/resources/feeds}, read from the test classpath. */
final class Fixtures {
    private Fixtures() {
    }

    static Path dir() {
        URL url = Fixtures.class.getResource("/feeds");
        if (url == null) {
            throw new IllegalStateException("no /feeds on the test classpath");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path path(String name) {
        Path path = dir().resolve(name);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("no fixture " + path);
        }
        return path;
    }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
