package org.watchfloor.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.model.Json;
import picocli.CommandLine;

/**
 * The replay evaluation: {@code watchfloor replay} over the evaluation feeds (RSS 2.0, Atom, RSS 1.0,
 * written for this test: developments told by several outlets in other words, syndicated copies, an
 * edit, updates adding a figure, and unrelated news sharing words and countries with the topics),
 * scored against {@code evaluation/expected.yaml}. Prints story recall, false alerts, duplicate NEW
 * alerts and UPDATEs without a new fact; fails below recall 0.90, above one false alert per 20
 * unrelated items, or at any duplicate NEW. Alerts are attributed to items by headline (the title of
 * the item that raised them); headlines in the evaluation set are unique per item version.
 */
class ReplayEvaluationIT {
    private static final String[] FEEDS = {"eastern-ledger.rss2.xml", "pacific-dispatch.atom.xml",
            "capital-review.rss1.rdf"};

    @TempDir
    Path tmp;

    /** An expected item: its story (null when unrelated), the story's topics, whether it adds a fact. */
    record Expected(String story, List<String> topics, boolean adds) {
    }

    @Test
    void replayOfTheEvaluationFeedsMeetsTheTargets() throws IOException {
        Path feeds = Files.createDirectories(tmp.resolve("feeds"));
        for (String feed : FEEDS) {
            try (InputStream in = getClass().getResourceAsStream("/evaluation/feeds/" + feed)) {
                Files.copy(in, feeds.resolve(feed));
            }
        }
        Map<String, Expected> expected = expected();
        int itemCount = itemCount();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        // Kept under target/ so the figures can be looked into after the run.
        Path out = Path.of("target", "evaluation-replay");
        int code = cli.execute("replay", "--feeds", feeds.toString(), "--out", out.toString());
        assertThat(code).as(err.toString()).isZero();
        List<JsonNode> enriched = lines(out.resolve("enriched.jsonl"));
        List<JsonNode> alerts = lines(out.resolve("alerts.jsonl"));
        assertThat(enriched).as("every evaluation item is enriched").hasSize(itemCount);

        Set<String> stories = new HashSet<>();
        expected.values().stream().filter(e -> e.story() != null).forEach(e -> stories.add(e.story()));
        long unrelated = expected.values().stream().filter(e -> e.story() == null).count();
        Set<String> recalled = new HashSet<>();
        Map<String, Integer> newPerStoryTopic = new HashMap<>();
        List<String> falseAlerts = new ArrayList<>();
        List<String> offTopic = new ArrayList<>();
        List<String> updatesWithoutFact = new ArrayList<>();
        int updates = 0;
        int surges = 0;
        for (JsonNode alert : alerts) {
            String kind = alert.path("kind").asText();
            String topic = alert.path("topic").asText();
            String headline = alert.path("headline").asText();
            if (kind.equals("SURGE")) {
                surges++;
                continue;
            }
            Expected item = expected.get(headline);
            assertThat(item).as("alert headline is an evaluation item: " + headline).isNotNull();
            if (item.story() == null) {
                falseAlerts.add(kind + " " + topic + ": " + headline);
                continue;
            }
            if (!item.topics().contains(topic)) {
                offTopic.add(kind + " " + topic + ": " + headline);
            }
            if (kind.equals("NEW")) {
                if (item.topics().contains(topic)) {
                    recalled.add(item.story());
                }
                newPerStoryTopic.merge(item.story() + " / " + topic, 1, Integer::sum);
            } else if (kind.equals("UPDATE")) {
                updates++;
                if (!item.adds()) {
                    updatesWithoutFact.add(topic + ": " + headline + " " + alert.path("facts"));
                }
            }
        }
        List<String> duplicates = newPerStoryTopic.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(e -> e.getKey() + " x" + e.getValue()).sorted().toList();
        double recall = (double) recalled.size() / stories.size();
        List<String> missed = stories.stream().filter(s -> !recalled.contains(s)).sorted().toList();

        System.out.printf(Locale.ROOT, "%n=== Replay evaluation: %d items (%d in %d stories, %d unrelated), %d alerts%n"
                        + "story recall          %.3f (%d/%d)%s%n"
                        + "false alerts          %d (limit %d = 1 per 20 unrelated)%s%n"
                        + "duplicate NEW alerts  %d%s%n"
                        + "UPDATEs               %d, without a new fact: %d%s%n"
                        + "NEW on a topic not expected for the story: %d%s%n"
                        + "SURGE alerts          %d%n",
                itemCount, itemCount - unrelated, stories.size(), unrelated, alerts.size(),
                recall, recalled.size(), stories.size(), missed.isEmpty() ? "" : " missed " + missed,
                falseAlerts.size(), unrelated / 20, list(falseAlerts), duplicates.size(), list(duplicates),
                updates, updatesWithoutFact.size(), list(updatesWithoutFact), offTopic.size(), list(offTopic), surges);

        assertThat(recall).as("story recall").isGreaterThanOrEqualTo(0.90);
        assertThat(falseAlerts.size()).as("false alerts").isLessThanOrEqualTo((int) (unrelated / 20));
        assertThat(duplicates).as("duplicate NEW alerts").isEmpty();
    }

    private static String list(List<String> lines) {
        return lines.isEmpty() ? "" : "\n    " + String.join("\n    ", lines);
    }

    private Map<String, Expected> expected() throws IOException {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/evaluation/expected.yaml")) {
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        Map<String, Expected> byTitle = new HashMap<>();
        for (JsonNode story : root.path("stories")) {
            List<String> topics = new ArrayList<>();
            story.path("topics").forEach(t -> topics.add(t.asText()));
            for (JsonNode item : story.path("items")) {
                byTitle.put(item.path("title").asText(), new Expected(story.path("label").asText(), topics,
                        item.path("adds").asBoolean()));
            }
        }
        root.path("unrelated").forEach(t -> byTitle.put(t.asText(), new Expected(null, List.of(), false)));
        return byTitle;
    }

    /** Items in the feeds: syndicated copies repeat a headline, so this counts entries, not titles. */
    private int itemCount() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/evaluation/expected.yaml")) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            int items = root.path("unrelated").size();
            for (JsonNode story : root.path("stories")) {
                items += story.path("items").size();
            }
            return items;
        }
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        ObjectMapper json = Json.mapper();
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            nodes.add(json.readTree(line));
        }
        return nodes;
    }
}
