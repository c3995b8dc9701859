package org.watchfloor.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One half of the replay evaluation ({@code evaluation/<half>/}): its feed files and its
 * {@code expected.yaml}, which gives every item by its title, the story it belongs to (none for
 * unrelated items), the topics that story must alert on, whether it adds a fact, and every personnel
 * count it states with its actor.
 */
record EvaluationSet(String name, Path folder, List<Path> feeds, Map<String, Expected> byTitle, int items,
                     boolean figuresLabelled) {

    /** An expected item: its story (null when unrelated), the story's topics, whether it adds a fact, its figures. */
    record Expected(String story, List<String> topics, boolean adds, List<String> troops) {
    }

    static EvaluationSet load(String half) {
        try {
            Path folder = Path.of(Objects.requireNonNull(EvaluationSet.class.getResource("/evaluation/" + half),
                    "no evaluation half " + half).toURI());
            List<Path> feeds;
            try (Stream<Path> files = Files.list(folder)) {
                feeds = files.filter(p -> !p.getFileName().toString().endsWith(".yaml")).sorted().toList();
            }
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(folder.resolve("expected.yaml").toFile());
            Map<String, Expected> byTitle = new HashMap<>();
            int items = 0;
            boolean labelled = false;
            for (JsonNode story : root.path("stories")) {
                List<String> topics = new ArrayList<>();
                story.path("topics").forEach(t -> topics.add(t.asText()));
                for (JsonNode item : story.path("items")) {
                    put(byTitle, item.path("title").asText(), new Expected(story.path("label").asText(), topics,
                            item.path("adds").asBoolean(), troops(item)));
                    labelled |= item.has("troops");
                    items++;
                }
            }
            for (JsonNode item : root.path("unrelated")) {
                String title = item.isTextual() ? item.asText() : item.path("title").asText();
                put(byTitle, title, new Expected(null, List.of(), false, troops(item)));
                items++;
            }
            return new EvaluationSet(half, folder, feeds, byTitle, items, labelled);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A title listed twice must say the same both times: it is a syndicated copy. */
    private static void put(Map<String, Expected> byTitle, String title, Expected expected) {
        Expected before = byTitle.put(title, expected);
        if (before != null && !before.equals(expected)) {
            throw new IllegalStateException("expected.yaml: '" + title + "' is listed twice with different labels");
        }
    }

    private static List<String> troops(JsonNode item) {
        List<String> troops = new ArrayList<>();
        item.path("troops").forEach(t -> troops.add(figure(t.path("count").asLong(),
                t.path("actor").isMissingNode() || t.path("actor").isNull() ? null : t.path("actor").asText())));
        return troops;
    }

    static String figure(long count, String actor) {
        return count + " " + actor;
    }

    long unrelated() {
        return byTitle.values().stream().filter(e -> e.story() == null).count();
    }
}
