package org.watchfloor.ingest.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.watchfloor.ingest.FeedRegistration;
import org.xml.sax.SAXException;

/** Reads and writes OPML subscription lists: {@code xmlUrl} and {@code text}/{@code title}; enclosing outlines' texts become tags. */
public final class Opml {
    private Opml() {
    }

    public static List<FeedRegistration> read(Path file) throws IOException {
        List<FeedRegistration> feeds = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true); // no DTD, no XXE
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            NodeList outlines = factory.newDocumentBuilder().parse(in).getElementsByTagName("outline");
            for (int i = 0; i < outlines.getLength(); i++) {
                Element outline = (Element) outlines.item(i);
                String url = outline.getAttribute("xmlUrl").strip();
                if (!url.isEmpty()) {
                    String title = outline.hasAttribute("title") ? outline.getAttribute("title") : outline.getAttribute("text");
                    feeds.add(new FeedRegistration(url, title.isBlank() ? null : title.strip(), tags(outline), null));
                }
            }
        } catch (ParserConfigurationException | SAXException | IllegalArgumentException e) {
            throw new IOException("cannot read OPML " + file + ": " + e.getMessage(), e);
        }
        return feeds;
    }

    private static List<String> tags(Element outline) {
        List<String> tags = new ArrayList<>();
        for (Node n = outline.getParentNode(); n instanceof Element parent && parent.getTagName().equals("outline");
             n = n.getParentNode()) {
            String text = parent.getAttribute("text").strip();
            if (!text.isEmpty()) {
                tags.add(0, text);
            }
        }
        return tags;
    }

    public static String write(List<FeedRegistration> feeds) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n")
                .append("  <head><title>Watchfloor feeds</title></head>\n  <body>\n");
        for (FeedRegistration feed : feeds) {
            String title = feed.title() == null ? feed.url() : feed.title();
            out.append("    <outline type=\"rss\" text=\"").append(escape(title)).append("\" xmlUrl=\"")
                    .append(escape(feed.url())).append("\"");
            if (!feed.tags().isEmpty()) {
                out.append(" category=\"").append(escape(String.join(",", feed.tags()))).append('"');
            }
            out.append("/>\n");
        }
        return out.append("  </body>\n</opml>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
