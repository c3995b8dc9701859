package org.watchfloor.alerts;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.model.Alert;
import org.watchfloor.model.EnrichedItem;
import org.watchfloor.model.NewsItem;

/**
 * Input: enriched items (all in one task, see {@link StoryClusterer}). Output: alerts keyed by story
 * id with CloudEvents headers. Per item: assign the story; if this exact version was seen, stop;
 * raise NEW for each topic it matches that the story has not alerted on; raise UPDATE on the topics
 * the story alerted on before when the item states a fact the story lacked; otherwise only count it
 * as one more source. NEW alerts feed the surge count. Nothing is dropped for arriving late.
 */
final class AlertProcessor implements Processor<String, EnrichedItem, String, Alert> {
    private static final Logger log = LoggerFactory.getLogger(AlertProcessor.class);

    private final AlertsConfig config;
    private final AlertFactory alerts;
    private final TopicMatcher matcher = new TopicMatcher();
    private final SeverityJudge severity = new SeverityJudge();
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, StoryState> stories;
    private StoryClusterer clusterer;
    private SurgeDetector surges;
    private ActiveTopics topics;

    AlertProcessor(AlertsConfig config, AlertFactory alerts) {
        this.config = Objects.requireNonNull(config, "config");
        this.alerts = Objects.requireNonNull(alerts, "alerts");
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.stories = context.getStateStore(AlertsTopology.STORY_STORE);
        this.clusterer = new StoryClusterer(context.getStateStore(AlertsTopology.ITEM_STORIES),
                context.getStateStore(AlertsTopology.FINGERPRINTS), context.getStateStore(AlertsTopology.STORY_INDEX),
                context.getStateStore(AlertsTopology.TOKEN_FREQUENCIES), config.storyWindow(), config.storyThreshold());
        this.surges = new SurgeDetector(context.getStateStore(AlertsTopology.SURGE_STORE), config);
        this.topics = new ActiveTopics(context.getStateStore(AlertsTopology.WATCHLIST_STORE));
    }

    @Override
    public void process(Record<String, EnrichedItem> record) {
        EnrichedItem enriched = record.value();
        NewsItem item = enriched.item();
        String storyId = clusterer.assign(enriched);
        StoryState known = stories.get(storyId);
        if (known != null && known.seen(item)) {
            log.debug("item {} revision {} of story {} seen before; nothing to do", item.id(), item.revision(), storyId);
            return;
        }
        List<TopicRule> rules = topics.rules();
        ItemFacts facts = ItemFacts.of(enriched);
        Map<String, String> added = known == null ? facts.facts() : known.newFacts(facts);
        StoryState state = (known == null ? StoryState.empty(item.eventTime()) : known).with(item, facts);
        if (known != null && !added.isEmpty()) {
            for (String topicId : known.alertedTopics()) {
                Optional<TopicRule> rule = rules.stream().filter(r -> r.id().equals(topicId)).findFirst();
                if (rule.isPresent()) {
                    emit(record, alerts.update(storyId, rule.get(), enriched, state, added,
                            severity.judge(rule.get(), enriched, added)));
                }
            }
        }
        for (TopicRule rule : rules) {
            Optional<TopicMatch> match = state.alerted(rule.id()) ? Optional.empty() : matcher.match(rule, enriched);
            if (match.isPresent()) {
                state = state.withAlerted(rule.id());
                emit(record, alerts.newAlert(storyId, match.get(), item, state, severity.judge(rule, enriched, added)));
                Optional<SurgeDetector.Surge> surge = surges.newStory(rule.id(), item.eventTime());
                if (surge.isPresent()) {
                    emit(record, alerts.surge(storyId, rule, item, state, surge.get()));
                }
            }
        }
        if (known != null && state.alertedTopics().equals(known.alertedTopics()) && added.isEmpty()) {
            log.debug("item {} from {} adds nothing to story {}: source {}", item.id(), item.source(), storyId,
                    state.sourceCount());
        }
        stories.put(storyId, state);
    }

    private void emit(Record<String, EnrichedItem> input, Alert alert) {
        log.info("{} alert {} on {} ({}) for story {} from item {}: {}", alert.kind(), alert.id(), alert.topic(),
                alert.severity(), alert.storyId(), alert.items().isEmpty() ? "-" : input.value().item().id(),
                alert.reason());
        context.forward(new Record<>(alert.storyId(), alert, input.timestamp(), CloudEventHeaders.of(alert)));
    }
}
