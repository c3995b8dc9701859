package org.watchfloor.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.watchfloor.model.NewsItem;

/** One labelled item of the quality set in {@code src/test/resources/quality/} (see its README). */
record QualityItem(NewsItem item, List<String> actors, List<String> troops, List<String> casualties) {
    static final List<String> FILES =
            List.of("/quality/items-1.jsonl", "/quality/items-2.jsonl", "/quality/items-3.jsonl",
                    "/quality/items-4.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<QualityItem> loadAll() {
        List<QualityItem> items = new ArrayList<>();
        for (String file : FILES) {
            try (InputStream in = QualityItem.class.getResourceAsStream(file);
                 BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (!line.isBlank()) {
                        items.add(parse(JSON.readTree(line)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return items;
    }

    private static QualityItem parse(JsonNode n) {
        String id = n.get("id").asText();
        NewsItem item = new NewsItem(id, TestItems.FEED, n.get("source").asText(),
                "https://" + n.get("source").asText() + "/" + id, n.get("title").asText(), n.get("summary").asText(),
                TestItems.PUBLISHED, TestItems.PUBLISHED, n.has("language") ? n.get("language").asText() : "en",
                "hash-" + id);
        List<String> actors = new ArrayList<>();
        n.get("actors").forEach(a -> actors.add(a.asText()));
        List<String> troops = new ArrayList<>();
        n.get("troops").forEach(t -> troops.add(troopKey(t.get("count").asLong(), text(t.get("actor")))));
        List<String> casualties = new ArrayList<>();
        if (n.has("casualties")) {
            n.get("casualties").forEach(c -> casualties.add(c.get("kind").asText() + " " + c.get("count").asLong()));
        }
        return new QualityItem(item, actors, troops, casualties);
    }

    static String troopKey(long count, String actor) {
        return count + " " + actor;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
