package org.watchfloor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.watchfloor.console.ConsoleSettings;
import org.watchfloor.console.ConsoleStage;
import org.watchfloor.ingest.FeedState;
import org.watchfloor.ingest.fetch.Validators;
import org.watchfloor.ingest.registry.FeedTopics;
import org.watchfloor.model.Actor;
import org.watchfloor.model.Alert;
import org.watchfloor.model.AlertItem;
import org.watchfloor.model.AlertKind;
import org.watchfloor.model.EnrichedItem;
import org.watchfloor.model.FeedRef;
import org.watchfloor.model.NewsItem;
import org.watchfloor.model.Pipeline;
import org.watchfloor.model.Severity;
import org.watchfloor.model.Topics;
import org.watchfloor.model.TroopFigure;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.stage.TopicTable;
import org.watchfloor.testkit.KafkaCluster;
import org.watchfloor.testkit.KafkaExtension;

/**
 * The console in real headless Chromium against a real broker, alerts and enriched items produced straight
 * to their topics: live updates without reload, an acknowledgement seen in a second window within 2 s,
 * hostile feed text shown as text, a topic's timeline with one series per claimant, the feeds page, the
 * token, and a restart. Screenshots go to {@code target/screenshots/}.
 */
@Tag("integration")
@ExtendWith(KafkaExtension.class)
class ConsoleBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TOKEN = "browser-test-token-0123456789";
    private static ChromeDriver first;
    private static ChromeDriver second;

    @BeforeAll
    static void browsers() throws Exception {
        first = HeadlessChromium.start();
        second = HeadlessChromium.start();
    }

    @AfterAll
    static void quit() {
        for (ChromeDriver driver : new ChromeDriver[] {first, second}) {
            if (driver != null) {
                driver.quit();
            }
        }
    }

    @Test
    void anAlertRaisedAfterThePageOpenedAppearsWithoutAReload(KafkaCluster cluster) throws Exception {
        KafkaSetup setup = setup(cluster, "live");
        produce(setup, alert("a0", "story-0", "dprk-troops-russia", AlertKind.NEW, Severity.URGENT,
                "Seoul: North Korea ships shells to Russia", 0, List.of()));
        try (ConsoleStage console = start(setup, "")) {
            open(first, console.url());
            waitForRow(first, "story-0");

            produce(setup, alert("a1", "story-1", "dprk-troops-russia", AlertKind.NEW, Severity.FLASH,
                    "Zelensky: 10,000 North Korean troops preparing to fight for Russia", 1, List.of()));
            produce(setup, alert("a2", "story-1", "casualties", AlertKind.NEW, Severity.URGENT,
                    "Zelensky: 10,000 North Korean troops preparing to fight for Russia", 1, List.of()));
            produce(setup, alert("a3", "story-0", "dprk-troops-russia", AlertKind.UPDATE, Severity.URGENT,
                    "Seoul: North Korea ships shells to Russia", 2, List.of("shells 8,000,000 (PRK)")));

            waitForRow(first, "story-1");
            new WebDriverWait(first, WAIT).until(ExpectedConditions.numberOfElementsToBe(
                    By.cssSelector("li[data-story='story-1'] .topic"), 2));
            assertThat(row(first, "story-1").getAttribute("class")).contains("sev-FLASH");
            new WebDriverWait(first, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("li[data-story='story-0'] .whatsnew"), "shells 8,000,000 (PRK)"));
            assertThat(first.findElements(By.cssSelector("#board > li"))).hasSize(2);
            assertThat(first.executeScript("return performance.getEntriesByType('navigation').length")).isEqualTo(1L);
            HeadlessChromium.screenshot(first, "live-board");
        }
    }

    @Test
    void anAcknowledgementInOneWindowShowsInASecondWithinTwoSeconds(KafkaCluster cluster) throws Exception {
        KafkaSetup setup = setup(cluster, "ack");
        produce(setup, alert("b1", "story-b", "dprk-troops-russia", AlertKind.NEW, Severity.URGENT,
                "North Korean troops reach Kursk", 0, List.of()));
        try (ConsoleStage console = start(setup, "")) {
            open(first, console.url());
            open(second, console.url());
            waitForRow(first, "story-b");
            waitForRow(second, "story-b");
            first.findElement(By.id("who")).sendKeys("Duty officer Ana");

            row(first, "story-b").findElement(By.className("ack-button")).click();
            Instant clicked = Instant.now();

            new WebDriverWait(second, Duration.ofSeconds(2)).pollingEvery(Duration.ofMillis(50)).until(
                    ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("li[data-story='story-b'] .acked-by"),
                            "Acknowledged by Duty officer Ana"));
            System.out.println("acknowledgement shown in the second window after "
                    + Duration.between(clicked, Instant.now()).toMillis() + " ms");
            HeadlessChromium.screenshot(second, "acknowledged-second-window");
        }
    }

    @Test
    void aHeadlineHoldingMarkupShowsAsTextAndRunsNothing(KafkaCluster cluster) throws Exception {
        KafkaSetup setup = setup(cluster, "xss");
        String hostile = "Troops <img src=x onerror=\"window.__xss=1\"> <script>window.__xss=2</script> in Kursk";
        try (ConsoleStage console = start(setup, "")) {
            open(first, console.url());
            produce(setup, alert("c1", "story-c", "dprk-troops-russia", AlertKind.NEW, Severity.FLASH, hostile, 0, List.of()));

            assertThat(waitFor(first, "li[data-story='story-c'] .headline").getText()).isEqualTo(hostile);
            assertThat(first.findElements(By.cssSelector("#board img, #board script"))).isEmpty();
            assertThat(first.executeScript("return typeof window.__xss")).isEqualTo("undefined");
            HeadlessChromium.screenshot(first, "hostile-headline-as-text");
        }
    }

    @Test
    void aStoryViewShowsItsDevelopmentsActorsAndFiguresAndOnlyWebAddressesAsLinks(KafkaCluster cluster) throws Exception {
        KafkaSetup setup = setup(cluster, "story");
        Alert arrival = alert("f1", "story-f", "dprk-troops-russia", AlertKind.NEW, Severity.URGENT,
                "North Korean engineers arrive in Donetsk", 0, List.of());
        Alert update = new Alert("f2", "dprk-troops-russia", "North Korean troops in Russia", AlertKind.UPDATE,
                Severity.URGENT, "story-f", "North Korean engineers arrive in Donetsk", "Matched again with a figure",
                List.of("Kyiv says 1,000 North Korean engineers are in Donetsk."),
                List.of(new AlertItem("item-f2", "javascript:window.__xss=4", "hostile.example", Instant.now())),
                List.of("troops 1,000 (PRK)"), Instant.parse("2024-10-17T14:20:00Z"), Instant.now().plusSeconds(60), 2);
        produce(setup, enriched(arrival.items().get(0), "UKR", 1000));
        produce(setup, arrival);
        produce(setup, update);
        try (ConsoleStage console = start(setup, "")) {
            open(first, console.url());
            waitFor(first, "li[data-story='story-f'] .whatsnew");

            first.findElement(By.cssSelector("li[data-story='story-f'] .headline a")).click();

            waitFor(first, "#story[data-story='story-f'] .development");
            List<String> developments = first.findElements(By.cssSelector("#story .development .when")).stream()
                    .map(WebElement::getText).toList();
            assertThat(developments).hasSize(2);
            assertThat(developments.get(0)).contains("NEW");
            assertThat(developments.get(1)).contains("UPDATE");
            assertThat(first.findElement(By.id("story")).getText()).contains("New: troops 1,000 (PRK)",
                    "Kyiv says 1,000 North Korean engineers are in Donetsk.", "hostile.example",
                    "1,000 troops (PRK) in Kursk · claimed by UKR");
            assertThat(first.findElements(By.cssSelector("#story .actors a"))).singleElement()
                    .satisfies(a -> assertThat(a.getAttribute("href")).isEqualTo("https://www.wikidata.org/wiki/Q423"));
            assertThat(first.findElements(By.cssSelector("#story .sources a"))).singleElement()
                    .satisfies(a -> assertThat(a.getAttribute("href")).isEqualTo("https://wire.example.org/f1"));
            HeadlessChromium.screenshot(first, "story-view");

            first.findElement(By.cssSelector("#story .back")).click();
            new WebDriverWait(first, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("board")));
        }
    }

    @Test
    void aTopicTimelineChartsOneSeriesPerClaimantAndSearchFindsItsStories(KafkaCluster cluster) throws Exception {
        KafkaSetup setup = setup(cluster, "timeline");
        String[][] reports = {{"g1", "UKR", "3000"}, {"g2", "KOR", "10000"}, {"g3", "UKR", "11000"}, {"g4", "KOR", "12000"}};
        for (int i = 0; i < reports.length; i++) {
            Alert alert = alert(reports[i][0], "story-" + reports[i][0], "dprk-troops-russia", AlertKind.NEW,
                    Severity.URGENT, "Report " + (i + 1) + " of North Korean troops", i - reports.length, List.of());
            produce(setup, enriched(alert.items().get(0), reports[i][1], Long.parseLong(reports[i][2])));
            produce(setup, alert);
        }
        try (ConsoleStage console = start(setup, "")) {
            open(first, console.url());
            waitForRow(first, "story-g4");

            row(first, "story-g4").findElement(By.cssSelector(".topic")).click();

            waitFor(first, "#timeline[data-topic='dprk-troops-russia'] .chart g.series");
            List<String> claimants = first.findElements(By.cssSelector("#timeline .chart g.series")).stream()
                    .map(g -> g.getAttribute("data-claimant")).toList();
            assertThat(claimants).containsExactly("KOR", "UKR");
            assertThat(first.findElements(By.cssSelector("#timeline .chart polyline"))).hasSize(2);
            assertThat(first.findElements(By.cssSelector("#timeline .legend li"))).hasSize(2);
            assertThat(first.findElements(By.cssSelector("#timeline .developments li"))).hasSize(4);
            HeadlessChromium.screenshot(first, "topic-timeline");

            first.findElement(By.id("search-q")).sendKeys("report 3");
            first.findElement(By.id("search-actor")).sendKeys("north korea");
            first.findElement(By.cssSelector("#search-form button")).click();
            waitFor(first, "#results li[data-story='story-g3']");
            assertThat(first.findElements(By.cssSelector("#results li.row"))).hasSize(1);
        }
    }

    @Test
    void theFeedsPageShowsEveryFeedsHealthUnhealthyFirst(KafkaCluster cluster) throws Exception {
        KafkaSetup setup = setup(cluster, "feeds");
        Instant now = Instant.now();
        produce(setup, new FeedState("https://wire.example.org/rss", Validators.NONE, 0, false, null, null, now, now,
                now.plusSeconds(300), Map.of()));
        produce(setup, new FeedState("https://down.example.org/rss", Validators.NONE, 5, true,
                "HTTP 503 <script>window.__xss=5</script>", "TRANSIENT", now, now.minusSeconds(7200), now.plusSeconds(900),
                Map.of()));
        try (ConsoleStage console = start(setup, "")) {
            open(first, console.url());
            first.findElement(By.id("feeds-link")).click();

            waitFor(first, "#feeds tr.feed[data-url='https://wire.example.org/rss']");
            List<WebElement> feeds = first.findElements(By.cssSelector("#feeds tr.feed"));
            assertThat(feeds).extracting(tr -> tr.getAttribute("data-url"))
                    .containsExactly("https://down.example.org/rss", "https://wire.example.org/rss");
            assertThat(feeds.get(0).getText()).contains("unhealthy", "TRANSIENT: HTTP 503 <script>");
            assertThat(feeds.get(1).getText()).contains("healthy");
            assertThat(first.executeScript("return typeof window.__xss")).isEqualTo("undefined");
            HeadlessChromium.screenshot(first, "feeds");
        }
    }

    @Test
    void withATokenSetARequestWithoutItIsRefused(KafkaCluster cluster) throws Exception {
        KafkaSetup setup = setup(cluster, "token");
        produce(setup, alert("d1", "story-d", "dprk-troops-russia", AlertKind.NEW, Severity.URGENT, "Behind a token", 0,
                List.of()));
        try (ConsoleStage console = start(setup, TOKEN)) {
            HttpResponse<String> refused = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(console.url().resolve("/api/alerts")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(401);

            first.manage().deleteAllCookies();
            first.get(console.url().toString());
            assertThat(first.findElement(By.tagName("body")).getText()).contains("token is required");

            first.get(console.url() + "?token=" + TOKEN);
            waitForRow(first, "story-d");
            assertThat(first.getCurrentUrl()).doesNotContain(TOKEN);
        }
    }

    @Test
    void aRestartedConsoleShowsTheSameAlertsAndAcknowledgements(KafkaCluster cluster) throws Exception {
        KafkaSetup setup = setup(cluster, "restart");
        produce(setup, alert("e1", "story-e1", "dprk-troops-russia", AlertKind.NEW, Severity.URGENT, "First story", 0, List.of()));
        produce(setup, alert("e2", "story-e2", "dprk-troops-russia", AlertKind.NEW, Severity.ROUTINE, "Second story", 1, List.of()));
        List<String> before;
        try (ConsoleStage console = start(setup, "")) {
            open(first, console.url());
            waitForRow(first, "story-e2");
            first.findElement(By.id("who")).sendKeys("Kim");
            row(first, "story-e1").findElement(By.className("ack-button")).click();
            waitFor(first, "li[data-story='story-e1'] .acked-by");
            before = boardText(first);
        }
        try (ConsoleStage restarted = start(setup, "")) {
            open(first, restarted.url());
            waitForRow(first, "story-e2");
            waitFor(first, "li[data-story='story-e1'] .acked-by");

            assertThat(boardText(first)).isEqualTo(before);
            HeadlessChromium.screenshot(first, "after-restart");
        }
    }

    private static List<String> boardText(ChromeDriver driver) {
        return driver.findElements(By.cssSelector("#board > li")).stream().map(WebElement::getText).toList();
    }

    private static void open(ChromeDriver driver, URI url) {
        driver.get(url.toString());
        new WebDriverWait(driver, WAIT).until(d -> "live".equals(d.findElement(By.tagName("body")).getAttribute("data-state")));
    }

    private static WebElement waitForRow(ChromeDriver driver, String story) {
        return waitFor(driver, "li[data-story='" + story + "']");
    }

    /** The page redraws its rows on every change, so elements are looked up anew rather than held. */
    private static WebElement waitFor(ChromeDriver driver, String css) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    private static WebElement row(org.openqa.selenium.WebDriver driver, String story) {
        return driver.findElement(By.cssSelector("li[data-story='" + story + "']"));
    }

    private static ConsoleStage start(KafkaSetup setup, String token) {
        return ConsoleStage.start(setup, new ConsoleSettings("127.0.0.1", 0, token), Clock.systemUTC());
    }

    private static KafkaSetup setup(KafkaCluster cluster, String name) {
        KafkaSetup setup = KafkaSetup.of(cluster.bootstrapServers())
                .withDeployment("browser-" + name + "-" + UUID.randomUUID().toString().substring(0, 8));
        TopicTable.ensure(setup);
        return setup;
    }

    private static Alert alert(String id, String story, String topic, AlertKind kind, Severity severity, String headline,
                               int minute, List<String> facts) {
        Instant at = Instant.now().plusSeconds(60L * minute);
        return new Alert(id, topic, topic.equals("casualties") ? "Casualties" : "North Korean troops in Russia", kind,
                severity, story, headline, "Matched " + topic, List.of(headline),
                List.of(new AlertItem("item-" + id, "https://wire.example.org/" + id, "wire.example.org", at)), facts,
                Instant.parse("2024-10-17T14:20:00Z"), at, 1);
    }

    private static EnrichedItem enriched(AlertItem item, String claimant, long troops) {
        String sentence = claimant + " says " + troops + " North Korean troops are in Kursk.";
        NewsItem news = new NewsItem(item.id(), new FeedRef("https://wire.example.org/feed", "Wire"), item.source(),
                item.link(), sentence, "", item.published(), item.published(), "en", "hash-" + item.id());
        return new EnrichedItem(news, List.of(), List.of(new Actor("PRK", "North Korea", "state", null, "Q423")),
                List.of(new TroopFigure(troops, troops, troops, false, "PRK", "Kursk", claimant, sentence, 0, 1)),
                List.of(), List.of(), new Pipeline(List.of("test"), "test", "test"));
    }

    private static void produce(KafkaSetup setup, EnrichedItem item) throws Exception {
        try (KafkaProducer<String, EnrichedItem> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                setup.bootstrapServers()), new StringSerializer(), Topics.ENRICHED_ITEM.serializer())) {
            producer.send(new ProducerRecord<>(setup.topics().enriched().name(), item.item().id(), item)).get();
        }
    }

    private static void produce(KafkaSetup setup, FeedState state) throws Exception {
        try (KafkaProducer<String, FeedState> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                setup.bootstrapServers()), new StringSerializer(), FeedTopics.STATE.serializer())) {
            producer.send(new ProducerRecord<>(setup.topics().feedState(), state.url(), state)).get();
        }
    }

    private static void produce(KafkaSetup setup, Alert alert) throws Exception {
        try (KafkaProducer<String, Alert> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                setup.bootstrapServers()), new StringSerializer(), Topics.ALERT.serializer())) {
            producer.send(new ProducerRecord<>(setup.topics().alerts().name(), alert.storyId(), alert)).get();
        }
    }
}
