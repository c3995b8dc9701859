package org.watchfloor.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The feed files under {@code src/test/resources/feeds}, read from the test classpath. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path dir() {
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

    public static Path path(String name) {
        Path path = dir().resolve(name);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("no fixture " + path);
        }
        return path;
    }

    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small RSS 2.0 feed whose items have ids unique to {@code name}. */
    public static byte[] rss(String name, int items) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>")
                .append(name).append("</title><link>https://").append(name).append(".example/</link><description>d</description>");
        for (int i = 1; i <= items; i++) {
            xml.append("<item><guid>").append(name).append("-item-").append(i).append("</guid><title>Story ").append(i)
                    .append(" of ").append(name).append("</title><link>https://").append(name).append(".example/").append(i)
                    .append("</link><pubDate>Mon, 04 Nov 2024 09:3").append(i % 10).append(":00 GMT</pubDate></item>");
        }
        return xml.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }
}
