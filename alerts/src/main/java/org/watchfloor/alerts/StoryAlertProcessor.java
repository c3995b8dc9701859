package org.watchfloor.alerts;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.model.Alert;
import org.watchfloor.model.AlertItem;
import org.watchfloor.model.AlertKind;
import org.watchfloor.model.EnrichedItem;
import org.watchfloor.model.NewsItem;

/**
 * Input: enriched items keyed by story id (all copies of a story reach this one task). Output: at
 * most one NEW alert per story and topic, keyed by story id. Event time only feeds
 * {@code firstSeen}; nothing is dropped or delayed for arriving late, as feeds list newest first.
 */
final class StoryAlertProcessor implements FixedKeyProcessor<String, EnrichedItem, Alert> {
    private static final Logger log = LoggerFactory.getLogger(StoryAlertProcessor.class);
    private static final int HEADLINE_FALLBACK_CHARS = 160;

    private final TopicPack pack;
    private final Clock clock;
    private final TopicMatcher matcher = new TopicMatcher();
    private FixedKeyProcessorContext<String, Alert> context;
    private KeyValueStore<String, StoryState> stories;

    StoryAlertProcessor(TopicPack pack, Clock clock) {
        this.pack = Objects.requireNonNull(pack, "pack");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Alert> context) {
        this.context = context;
        this.stories = context.getStateStore(AlertsTopology.STORY_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, EnrichedItem> record) {
        String storyId = record.key();
        NewsItem item = record.value().item();
        List<TopicMatch> matches = pack.topics().stream()
                .map(rule -> matcher.match(rule, record.value()))
                .flatMap(Optional::stream)
                .toList();
        StoryState known = stories.get(storyId);
        if (known == null && matches.isEmpty()) {
            // Only stories that matched a topic are remembered, which keeps the store to what matters.
            return;
        }
        StoryState state = known == null ? StoryState.first(item) : known.withCopy(item);
        for (TopicMatch match : matches) {
            if (state.alerted(match.topicId())) {
                log.debug("story {} already alerted on {}: item {} from {} is copy {}", storyId, match.topicId(),
                        item.id(), item.source(), state.sourceCount());
                continue;
            }
            state = state.withAlerted(match.topicId());
            Alert alert = newAlert(storyId, match, item, state);
            log.info("NEW alert {} on {} ({}) for story {} from item {}: {}", alert.id(), match.topicId(),
                    alert.severity(), storyId, item.id(), match.reason());
            context.forward(record.withValue(alert));
        }
        stories.put(storyId, state);
    }

    private Alert newAlert(String storyId, TopicMatch match, NewsItem item, StoryState state) {
        TopicRule rule = match.rule();
        return new Alert(StableIds.alert(storyId, rule.id(), AlertKind.NEW), rule.id(), rule.name(), AlertKind.NEW,
                match.severity(), storyId, headline(item), match.reason(), match.evidence(),
                List.of(AlertItem.of(item)), List.of(), state.firstSeen(), clock.instant(), state.sourceCount());
    }

    private static String headline(NewsItem item) {
        if (!item.title().isBlank()) {
            return item.title().strip();
        }
        String summary = item.summary().strip();
        return summary.length() <= HEADLINE_FALLBACK_CHARS ? summary : summary.substring(0, HEADLINE_FALLBACK_CHARS) + "…";
    }
}
