package org.watchfloor.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads the feeds to ingest from a path, which is one of: a directory of feed files (searched
 * recursively for {@code .xml .rss .atom .rdf}, hidden files and folders skipped, sorted by path so
 * a replay reads them in the same order everywhere); an OPML file (the {@code xmlUrl} of every
 * outline); a single feed file; or a text file with one URL or path per line ({@code #} comments).
 * Relative paths resolve against the list file's folder. The result has no duplicates.
 */
public final class FeedList {
    private static final Set<String> FEED_EXTENSIONS = Set.of("xml", "rss", "atom", "rdf");
    private static final Set<String> SCHEMES = Set.of("http", "https", "file");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:");
    private static final int SNIFF_BYTES = 4096;

    private FeedList() {
    }

    /** The feeds named by {@code path}; every error message names the path. */
    public static List<URI> read(Path path) throws IOException {
        Objects.requireNonNull(path, "path");
        Path absolute = path.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            return directory(absolute);
        }
        if (!Files.isRegularFile(absolute)) {
            throw new IOException("feed list " + path + " does not exist or is not a file or folder");
        }
        String head = sniff(absolute);
        if (head.contains("<opml")) {
            return opml(absolute);
        }
        if (head.startsWith("<")) {
            return List.of(absolute.toUri()); // a feed document itself
        }
        return lines(absolute);
    }

    private static List<URI> directory(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !hidden(dir.relativize(file)) && FEED_EXTENSIONS.contains(extension(file)))
                    .sorted()
                    .map(Path::toUri)
                    .toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new IOException("cannot list feed folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The start of the file, BOM and leading whitespace removed; ISO-8859-1 is enough to spot markup. */
    private static String sniff(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(SNIFF_BYTES), StandardCharsets.ISO_8859_1);
            if (head.startsWith("\u00EF\u00BB\u00BF")) {
                head = head.substring(3);
            }
            return head.stripLeading();
        }
    }

    private static List<URI> opml(Path file) throws IOException {
        Document document;
        try (InputStream in = Files.newInputStream(file)) {
            // The JDK's own parser, whatever else is on the classpath, with DTDs refused: an OPML
            // file from elsewhere must not make us read external entities.
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            document = factory.newDocumentBuilder().parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot read OPML feed list " + file + ": " + e.getMessage(), e);
        }
        Set<URI> feeds = new LinkedHashSet<>();
        NodeList outlines = document.getElementsByTagName("outline");
        for (int i = 0; i < outlines.getLength(); i++) {
            String url = ((Element) outlines.item(i)).getAttribute("xmlUrl");
            if (!url.isBlank()) {
                feeds.add(resolve(file, url, "outline " + (i + 1)));
            }
        }
        return List.copyOf(feeds);
    }

    private static List<URI> lines(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Set<URI> feeds = new LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                feeds.add(resolve(file, line, "line " + (i + 1)));
            }
        }
        return new ArrayList<>(feeds);
    }

    /** A URL as given, or a path (or relative {@code file:} URI) resolved against the list's folder. */
    static URI resolve(Path listFile, String reference, String where) throws IOException {
        String ref = reference.strip();
        if (!SCHEME.matcher(ref).find()) {
            return listFile.getParent().resolve(ref).normalize().toUri();
        }
        URI uri;
        try {
            uri = new URI(ref);
        } catch (java.net.URISyntaxException e) {
            throw new IOException(listFile + " " + where + ": not a URI: " + ref, e);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            throw new IOException(listFile + " " + where + ": unsupported scheme '" + scheme + "' in " + ref);
        }
        if (scheme.equals("file") && uri.isOpaque()) {
            return listFile.getParent().resolve(uri.getSchemeSpecificPart()).normalize().toUri();
        }
        return uri;
    }
}
