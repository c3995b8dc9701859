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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 *
 * <p>One bad entry (not a URI, an unsupported scheme, no host, a bad port) costs only that entry:
 * it is skipped and reported with the file and its line or outline. A list that cannot be read at
 * all (missing, not UTF-8, an OPML file that is not XML) is an error naming the file.
 */
public final class FeedList {
    private static final Logger log = LoggerFactory.getLogger(FeedList.class);
    private static final Set<String> FEED_EXTENSIONS = Set.of("xml", "rss", "atom", "rdf");
    private static final Set<String> SCHEMES = Set.of("http", "https", "file");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:");
    private static final int SNIFF_BYTES = 4096;
    private static final int MAX_PORT = 65535;

    private FeedList() {
    }

    /** The feeds a list names, and one line per entry skipped: file, line or outline, and why. */
    public record Entries(List<URI> feeds, List<String> skipped) {
        public Entries {
            feeds = List.copyOf(feeds);
            skipped = List.copyOf(skipped);
        }
    }

    /** The feeds named by {@code path}, entries skipped logged as warnings; every error names the path. */
    public static List<URI> read(Path path) throws IOException {
        Entries entries = readEntries(path);
        entries.skipped().forEach(problem -> log.warn("{}: entry skipped", problem));
        return entries.feeds();
    }

    /** The feeds named by {@code path} and the entries skipped, for callers that report them themselves. */
    public static Entries readEntries(Path path) throws IOException {
        Objects.requireNonNull(path, "path");
        Path absolute = path.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            return new Entries(directory(absolute), List.of());
        }
        if (!Files.isRegularFile(absolute)) {
            throw new IOException("feed list " + path + " does not exist or is not a file or folder");
        }
        String head = sniff(absolute);
        if (head.contains("<opml")) {
            return opml(absolute);
        }
        if (head.startsWith("<")) {
            return new Entries(List.of(absolute.toUri()), List.of()); // a feed document itself
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

    private static Entries opml(Path file) throws IOException {
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
        List<String> skipped = new ArrayList<>();
        NodeList outlines = document.getElementsByTagName("outline");
        for (int i = 0; i < outlines.getLength(); i++) {
            String url = ((Element) outlines.item(i)).getAttribute("xmlUrl");
            if (!url.isBlank()) {
                add(file, url, "outline " + (i + 1), feeds, skipped);
            }
        }
        return new Entries(List.copyOf(feeds), skipped);
    }

    private static Entries lines(Path file) throws IOException {
        List<String> lines = Utf8Lines.read(file);
        Set<URI> feeds = new LinkedHashSet<>();
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                add(file, line, "line " + (i + 1), feeds, skipped);
            }
        }
        return new Entries(List.copyOf(feeds), skipped);
    }

    private static void add(Path file, String reference, String where, Set<URI> feeds, List<String> skipped) {
        try {
            feeds.add(resolve(file, reference, where));
        } catch (IOException e) {
            skipped.add(e.getMessage());
        }
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
            throw new IOException(listFile + " " + where + ": not a URI: " + ref + " (" + e.getReason() + ")", e);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            throw new IOException(listFile + " " + where + ": unsupported scheme '" + scheme + "' in " + ref);
        }
        if (scheme.equals("file") && uri.isOpaque()) {
            return listFile.getParent().resolve(uri.getSchemeSpecificPart()).normalize().toUri();
        }
        if (!scheme.equals("file") && (uri.getHost() == null || uri.getHost().isEmpty())) {
            throw new IOException(listFile + " " + where + ": no host (or a bad port) in " + ref);
        }
        if (uri.getPort() > MAX_PORT) {
            throw new IOException(listFile + " " + where + ": port " + uri.getPort() + " out of range in " + ref);
        }
        return uri;
    }
}
