package org.watchfloor.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.model.Json;
import org.watchfloor.model.SchemaValidator;
import org.watchfloor.model.Topics;
import picocli.CommandLine;

/**
 * End to end through the real entry point: {@code watchfloor replay} over the bundled demo feeds
 * (RSS 2.0, Atom, RSS 1.0) plus one broken file, on its own embedded broker with real CoreNLP.
 */
class ReplayIT {
    private static final ObjectMapper JSON = Json.mapper();

    @TempDir
    static Path tmp;
    static Path feeds;
    static Run first;

    record Run(int exitCode, String out, String err, List<JsonNode> enriched, List<JsonNode> alerts) {
    }

    @BeforeAll
    static void replayOnce() throws IOException {
        feeds = DemoFeeds.extractTo(tmp.resolve("feeds"));
        try (InputStream broken = ReplayIT.class.getResourceAsStream("/feeds/broken-truncated.rss2.xml")) {
            Files.copy(broken, feeds.resolve("broken-truncated.rss2.xml"));
        }
        first = replay(tmp.resolve("out-1"));
    }

    @Test
    void everyEntryOfTheThreeFeedsIsEnrichedOnceAndMatchesTheSchema() {
        // 3: every item read was delivered, but one feed could not be read.
        assertThat(first.exitCode()).as(first.err()).isEqualTo(ReplayCommand.FEEDS_FAILED);
        List<String> links = first.enriched().stream().map(n -> n.path("item").path("link").asText()).toList();
        assertThat(links).hasSize(20).doesNotHaveDuplicates()
                .contains("https://wire.example.org/2024/10/23/north-korean-soldiers-inside-russia",
                        "https://monitor.example.net/articles/captured-north-korean-soldiers",
                        "https://brief.example.com/2024/10/24/dprk-rewards");
        SchemaValidator schema = SchemaValidator.forSerde(Topics.ENRICHED_ITEM);
        first.enriched().forEach(n -> assertThat(schema.violations(n.toString())).as(n.toString()).isEmpty());
    }

    @Test
    void theBrokenFeedIsReportedByPathAndReasonWhileTheOthersAreProcessed() {
        assertThat(first.err()).contains("broken-truncated.rss2.xml").contains("feed failed");
        assertThat(first.out()).contains("3 feeds ok, 1 failed");
    }

    @Test
    void alertsNameTheRightTopicsOncePerStoryAndNothingForUnrelatedNews() {
        SchemaValidator schema = SchemaValidator.forSerde(Topics.ALERT);
        first.alerts().forEach(a -> assertThat(schema.violations(a.toString())).as(a.toString()).isEmpty());
        Map<String, List<String>> topicsByHeadline = first.alerts().stream().collect(Collectors.groupingBy(
                a -> a.path("headline").asText(), Collectors.mapping(a -> a.path("topic").asText(), Collectors.toList())));

        assertThat(topicsByHeadline.get("At least 3,000 North Korean soldiers now inside Russia, Pentagon says"))
                .as("the syndicated copy in the Atom feed raises no second alert")
                .contains("dprk-troops-russia").doesNotHaveDuplicates();
        assertThat(topicsByHeadline.get("Ukraine says it captured North Korean soldiers in Kursk region"))
                .contains("dprk-casualties-pows");
        assertThat(topicsByHeadline.get("Putin and Kim sign mutual defence treaty in Pyongyang"))
                .contains("russia-dprk-pact");
        assertThat(topicsByHeadline.get("South Korea summons Russian ambassador over North Korean deployment"))
                .contains("rok-response");
        assertThat(topicsByHeadline.get("UN Security Council meets over North Korea's deployment to Russia"))
                .contains("international-response");
        assertThat(topicsByHeadline.get("EU adopts sanctions over North Korean arms and troops for Russia"))
                .contains("international-response");
        assertThat(first.alerts()).extracting(a -> a.path("topic").asText()).containsAll(List.of(
                "dprk-troops-russia", "dprk-casualties-pows", "russia-dprk-pact", "dprk-arms-to-russia",
                "rok-response", "russia-manpower", "axis-alignment", "dprk-rewards", "international-response"));
        assertThat(topicsByHeadline).doesNotContainKeys(
                "Wheat prices slip as Black Sea shipments pick up",
                "Seoul film festival opens with record ticket sales",
                "Typhoon grounds flights across East Asia",
                "Central bank holds interest rates steady",
                "Kyiv runners raise funds for children's hospital");
        List<String> newPerStoryAndTopic = first.alerts().stream()
                .filter(a -> a.path("kind").asText().equals("NEW"))
                .map(a -> a.path("storyId").asText() + " " + a.path("topic").asText())
                .toList();
        assertThat(newPerStoryAndTopic).as("one NEW alert per story and topic").doesNotHaveDuplicates();
        first.alerts().forEach(a -> {
            assertThat(a.path("reason").asText()).isNotBlank();
            assertThat(a.path("evidence")).isNotEmpty();
        });
    }

    @Test
    void aSecondReplayOfTheSameFeedsGivesTheSameAlerts() throws IOException {
        Run second = replay(tmp.resolve("out-2"));
        assertThat(second.exitCode()).as(second.err()).isEqualTo(ReplayCommand.FEEDS_FAILED);
        assertThat(withoutVolatileFields(second.alerts())).isEqualTo(withoutVolatileFields(first.alerts()));
        assertThat(first.alerts()).isNotEmpty();
    }

    /** Alerts without the fields that differ between two replays of the same feeds. */
    static List<JsonNode> withoutVolatileFields(List<JsonNode> alerts) {
        List<JsonNode> stable = new ArrayList<>();
        for (JsonNode alert : alerts) {
            ObjectNode copy = alert.deepCopy();
            copy.remove(List.of("emittedAt", "id"));
            stable.add(copy);
        }
        return stable;
    }

    private static Run replay(Path out) throws IOException {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(stdout, true));
        cli.setErr(new PrintWriter(stderr, true));
        int code = cli.execute("replay", "--feeds", feeds.toString(), "--out", out.toString());
        return new Run(code, stdout.toString(), stderr.toString(), lines(out.resolve("enriched.jsonl")),
                lines(out.resolve("alerts.jsonl")));
    }

    /** Each line of a .jsonl file as JSON; none when the file is not there. */
    static List<JsonNode> lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }
}
