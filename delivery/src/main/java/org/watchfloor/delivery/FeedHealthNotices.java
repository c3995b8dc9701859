package org.watchfloor.delivery;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns changes of {@code feed-state} into feed-health notices: one when a feed becomes unhealthy (ingest
 * sets the flag once its failures in a row reach {@code ingest.unhealthy.after}) and one when it recovers,
 * never one per failed read, to every channel of every subscription with {@code feedHealth: true}. Only
 * changes read after the start count ({@link CompactedFollower}), so a restart repeats no transition; one
 * that happened while delivery was down is not sent. At most once: a notice is not retried after a restart.
 */
final class FeedHealthNotices implements CompactedFollower.Listener<FeedHealth> {
    private static final Logger log = LoggerFactory.getLogger(FeedHealthNotices.class);

    private final Supplier<Map<String, Subscription>> subscriptions;
    private final Dispatcher dispatcher;
    private final Clock clock;

    FeedHealthNotices(Supplier<Map<String, Subscription>> subscriptions, Dispatcher dispatcher, Clock clock) {
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void changed(String feed, FeedHealth previous, FeedHealth current) {
        if (current == null || current.unhealthy() == (previous != null && previous.unhealthy())) {
            return; // removed, or the same health as before
        }
        FeedNotice notice = FeedNotice.of(current, clock.instant());
        log.info("feed {} is {} ({} failures in a row)", notice.feed(), notice.state(), notice.failures());
        for (Subscription s : subscriptions.get().values()) {
            if (s.wantsFeedHealth()) {
                s.channels().forEach(c -> dispatcher.notice(notice, s, c));
            }
        }
    }
}
