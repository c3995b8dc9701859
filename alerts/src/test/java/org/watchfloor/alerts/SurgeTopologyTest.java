package org.watchfloor.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.watchfloor.alerts.TestItems.item;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.model.Alert;
import org.watchfloor.model.AlertKind;
import org.watchfloor.model.Severity;

/** The surge rule: distinct stories this hour against the trailing 24-hour average, once per topic and hour. */
class SurgeTopologyTest {
    private static final Instant HOUR = Instant.parse("2024-10-24T12:00:00Z");
    private static final String[] PLACES = {"Kursk", "Belgorod", "Bryansk", "Voronezh", "Rostov", "Kherson",
            "Donetsk", "Luhansk", "Zaporizhzhia", "Kharkiv", "Sumy", "Chernihiv", "Crimea", "Vladivostok",
            "Khabarovsk", "Ussuriysk", "Novosibirsk", "Moscow", "Kazan", "Samara", "Orel", "Tambov", "Lipetsk",
            "Smolensk", "Pskov", "Tula", "Kaluga", "Ryazan"};

    // Threshold near 1 keeps each test item its own story, so the surge rule is tested alone.
    private static final AlertsConfig CONFIG = new AlertsConfig(Duration.ofHours(72), 0.99, 1.0, 3, Duration.ofDays(30));

    @TempDir
    Path stateDir;

    @Test
    void surgesOnceWhenTheHourExceedsTwiceTheTrailingAverage() {
        try (AlertsDriver driver = new AlertsDriver(stateDir, CONFIG)) {
            Alert surge = surgeOnTheThirdStoryOfTheHour(driver);
            assertThat(surge.topic()).isEqualTo("dprk-troops-russia");
            assertThat(surge.reason()).contains("3 distinct stories", "2024-10-24T12:00:00Z", "average of 1.00");
            // The topic is URGENT and sets no surgeSeverity: a surge is one level above.
            assertThat(surge.severity()).isEqualTo(Severity.FLASH);

            driver.pipe(story(28, HOUR.plusSeconds(240)));
            assertThat(driver.readAlerts()).extracting(Alert::kind).containsExactly(AlertKind.NEW);
            assertThat(driver.alerts.isEmpty()).isTrue();
        }
    }

    @Test
    void aSurgeTakesTheSeverityTheTopicSetsForIt() {
        try (AlertsDriver driver = new AlertsDriver(stateDir, CONFIG)) {
            TopicRule topic = TopicPack.defaultPack().topic("dprk-troops-russia").orElseThrow();
            TopicSpec spec = topic.toSpec();
            driver.watchlists.pipeInput(topic.id(), new TopicSpec(spec.id(), spec.name(), spec.description(),
                    spec.severity(), spec.actors(), spec.terms(), spec.exclude(), spec.minScore(), spec.troopBonus(),
                    spec.raiseSeverityOn(), "ROUTINE", spec.concepts(), spec.when()));

            assertThat(surgeOnTheThirdStoryOfTheHour(driver).severity()).isEqualTo(Severity.ROUTINE);
        }
    }

    @Test
    void aStoryDatedFarAheadDoesNotClearTheHoursBeforeIt() {
        try (AlertsDriver driver = new AlertsDriver(stateDir, CONFIG)) {
            // A publisher's broken clock: counted as a day ahead of the wall clock, not in 2090.
            driver.pipe(story(28, Instant.parse("2090-01-01T00:00:00Z")));
            assertThat(driver.readAlerts()).extracting(Alert::kind).containsExactly(AlertKind.NEW);

            assertThat(surgeOnTheThirdStoryOfTheHour(driver).topic()).isEqualTo("dprk-troops-russia");
        }
    }

    // 24 hourly stories, then three in one hour: the third makes 3 against an average of 1 and surges.
    private static Alert surgeOnTheThirdStoryOfTheHour(AlertsDriver driver) {
        for (int h = 24; h >= 1; h--) {
            driver.pipe(story(h, HOUR.minus(Duration.ofHours(h))));
        }
        assertThat(driver.readAlerts()).extracting(Alert::kind).containsOnly(AlertKind.NEW).hasSize(24);

        driver.pipe(story(25, HOUR.plusSeconds(60)));
        driver.pipe(story(26, HOUR.plusSeconds(120)));
        // Two stories against an average of one: not more than double.
        assertThat(driver.readAlerts()).extracting(Alert::kind).containsExactly(AlertKind.NEW, AlertKind.NEW);

        driver.pipe(story(27, HOUR.plusSeconds(180)));
        List<Alert> third = driver.readAlerts();
        assertThat(third).extracting(Alert::kind).containsExactly(AlertKind.NEW, AlertKind.SURGE);
        return third.get(1);
    }

    private static org.watchfloor.model.EnrichedItem story(int n, Instant at) {
        String place = PLACES[n - 1];
        // Each its own development: its own place and its own figure.
        String figure = String.format(java.util.Locale.ROOT, "%,d", n * 150);
        return item("urn:story:" + n).published(at)
                .title("North Korean troops deployed to " + place + " as Moscow widens their role in the war")
                .summary(figure + " soldiers from the North were seen training near " + place + ".")
                .actors("PRK", "RUS").troops(n * 150L, "PRK", figure + " soldiers").build();
    }
}
