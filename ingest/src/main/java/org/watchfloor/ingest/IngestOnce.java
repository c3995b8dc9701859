package org.watchfloor.ingest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.watchfloor.ingest.produce.FeedTransactions;
import org.watchfloor.ingest.registry.FeedTopics;
import org.watchfloor.ingest.schedule.FeedPoll;
import org.watchfloor.model.Topics;
import org.watchfloor.stage.CompactedTopicReader;
import org.watchfloor.stage.KafkaSetup;

/**
 * Every feed of a list polled once, in the list's order, through the same poll as a running
 * {@link IngestService}: what {@code watchfloor replay} and {@code ingest --once} do. Each feed
 * starts from the state saved for it in {@code feed-state} (so an item edited since the last run
 * is produced as its next revision, and an unchanged one not at all), and each poll's items and
 * the feed's new state are written in one transaction, under the transactional id
 * {@code setup.id("watchfloor-ingest-once")}: a second run fences the first. Do not run it on
 * feeds that a running service polls, which uses other ids. Owns its producer; close it.
 */
public final class IngestOnce implements AutoCloseable {
    static final String TRANSACTIONAL_ID = "watchfloor-ingest-once";
    private static final Duration STATE_READ_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaSetup setup;
    private final Topics topics;
    private final FeedTransactions transactions;
    private final FeedPoll poll;

    public IngestOnce(KafkaSetup setup, Topics topics, IngestSettings settings, Clock clock) {
        this.setup = Objects.requireNonNull(setup, "setup");
        this.topics = Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        FeedTopics.ensure(setup, topics);
        this.transactions = FeedTransactions.open(setup, TRANSACTIONAL_ID, topics.raw(), FeedTopics.states(topics));
        this.poll = FeedSchedulers.poll(settings, transactions::write, new IngestMetrics(new SimpleMeterRegistry()), clock);
    }

    /** Polls each feed once, after reading the saved states; returns when every poll is committed or failed. */
    public IngestReport ingest(List<URI> feeds) {
        Objects.requireNonNull(feeds, "feeds");
        Map<String, FeedState> saved = CompactedTopicReader.readAll(setup, FeedTopics.states(topics), STATE_READ_TIMEOUT);
        int feedsOk = 0;
        int entries = 0;
        int produced = 0;
        int undelivered = 0;
        List<FeedFailure> failures = new ArrayList<>();
        List<FeedNote> notes = new ArrayList<>();
        for (URI uri : new LinkedHashSet<>(feeds)) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            FeedRegistration feed = FeedRegistration.of(uri.toString());
            FeedPoll.Outcome outcome = poll.run(feed, saved.getOrDefault(feed.url(), FeedState.fresh(feed.url())));
            if (outcome.read()) {
                feedsOk++;
            } else {
                failures.add(new FeedFailure(uri, outcome.state().lastError()));
            }
            outcome.notes().forEach(note -> notes.add(new FeedNote(uri, note)));
            entries += outcome.entries();
            produced += outcome.produced();
            undelivered += outcome.undelivered();
        }
        return new IngestReport(feedsOk, failures, entries, produced, entries - produced - undelivered, undelivered,
                notes);
    }

    @Override
    public void close() {
        transactions.close();
    }
}
