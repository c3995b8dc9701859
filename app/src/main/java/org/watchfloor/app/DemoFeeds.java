package org.watchfloor.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The demo feeds bundled in the application jar (copied from the repository's {@code demo/feeds}
 * at build time), written out to a folder so that ingest reads them like any other feed files.
 */
final class DemoFeeds {
    private static final String INDEX = "/demo/feeds.txt";

    private DemoFeeds() {
    }

    /** Copies every bundled demo feed into {@code dir} and returns that folder. */
    static Path extractTo(Path dir) {
        try {
            Files.createDirectories(dir);
            for (String name : names()) {
                try (InputStream in = DemoFeeds.class.getResourceAsStream("/demo/feeds/" + name)) {
                    if (in == null) {
                        throw new IllegalStateException("demo feed " + name + " is listed in " + INDEX + " but not bundled");
                    }
                    Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write demo feeds to " + dir, e);
        }
    }

    static List<String> names() throws IOException {
        try (InputStream in = DemoFeeds.class.getResourceAsStream(INDEX)) {
            if (in == null) {
                throw new IllegalStateException("no demo feed index " + INDEX + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        }
    }
}
