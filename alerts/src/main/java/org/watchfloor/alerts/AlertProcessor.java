package org.watchfloor.alerts;

import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.util.LinkedHashMap;
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
import org.watchfloor.model.ItemStory;
import org.watchfloor.model.NewsItem;

/**
 * Input: enriched items (all in one task, see {@link StoryClusterer}). Output: alerts keyed by story
 * id with CloudEvents headers, and for every item an {@link ItemStory} keyed by item id. Per item:
 * match the topics, assign the story (the topics matched are part of what makes a story);
 * if this exact version was seen, stop;
 * raise NEW for each topic it matches that the story has not alerted on; raise UPDATE on the topics
 * the story alerted on before when the item states a figure the story lacked (with the other facts it
 * adds); otherwise only count it
 * as one more source. NEW alerts feed the surge count. Nothing is dropped for arriving late.
 */
final class AlertProcessor implements Processor<String, EnrichedItem, String, Object> {
    /** Alerts raised, by topic, kind and severity (bounded by the pack's topics), in the process's global registry. */
    static final String ALERTS_METER = "watchfloor.alerts";
    private static final Logger log = LoggerFactory.getLogger(AlertProcessor.class);

    private final AlertsConfig config;
    private final AlertFactory alerts;
    private final TopicMatcher matcher = new TopicMatcher();
    private final SeverityJudge severity = new SeverityJudge();
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, StoryState> stories;
    private StoryClusterer clusterer;
    private SurgeDetector surges;
    private ActiveTopics topics;

    private final Clock clock;

    AlertProcessor(AlertsConfig config, AlertFactory alerts, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.config = Objects.requireNonNull(config, "config");
        this.alerts = Objects.requireNonNull(alerts, "alerts");
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.stories = context.getStateStore(AlertsTopology.STORY_STORE);
        this.clusterer = new StoryClusterer(new StoryClusterer.Stores(context.getStateStore(AlertsTopology.ITEM_STORIES),
                context.getStateStore(AlertsTopology.FINGERPRINTS), context.getStateStore(AlertsTopology.STORY_INDEX),
                context.getStateStore(AlertsTopology.TOKEN_FREQUENCIES), stories), config, clock);
        this.surges = new SurgeDetector(context.getStateStore(AlertsTopology.SURGE_STORE), config, clock);
        this.topics = new ActiveTopics(context.getStateStore(AlertsTopology.WATCHLIST_STORE));
    }

    @Override
    public void process(Record<String, EnrichedItem> record) {
        EnrichedItem enriched = record.value();
        NewsItem item = enriched.item();
        ItemView view = ItemView.of(enriched);
        List<TopicRule> rules = topics.rules();
        Map<String, TopicMatch> matches = new LinkedHashMap<>();
        for (TopicRule rule : rules) {
            matcher.match(rule, view).ifPresent(m -> matches.put(rule.id(), m));
        }
        List<String> matched = List.copyOf(matches.keySet());
        String storyId = clusterer.assign(view, matched, conceptsIn(view, rules));
        context.forward(new Record<>(item.id(), new ItemStory(item.id(), storyId, matched, item.eventTime()),
                record.timestamp()));
        StoryState known = stories.get(storyId);
        if (known != null && known.seen(item)) {
            log.debug("item {} revision {} of story {} seen before; nothing to do", item.id(), item.revision(), storyId);
            return;
        }
        ItemFacts facts = ItemFacts.of(enriched);
        Map<String, String> added = known == null ? facts.facts() : known.newFacts(facts);
        StoryState state = (known == null ? StoryState.empty(item.eventTime()) : known).with(item, facts);
        // A figure the story lacked is news; a new claimant or place alone is recorded, not alerted.
        if (known != null && added.keySet().stream().anyMatch(ItemFacts::isFigure)) {
            for (String topicId : known.alertedTopics()) {
                Optional<TopicRule> rule = rules.stream().filter(r -> r.id().equals(topicId)).findFirst();
                if (rule.isPresent()) {
                    emit(record, alerts.update(storyId, rule.get(), enriched, state, added,
                            severity.judge(rule.get(), enriched, added)));
                }
            }
        }
        for (TopicMatch match : matches.values()) {
            TopicRule rule = match.rule();
            if (state.alerted(rule.id())) {
                continue;
            }
            state = state.withAlerted(rule.id());
            emit(record, alerts.newAlert(storyId, match, item, state, severity.judge(rule, enriched, added)));
            Optional<SurgeDetector.Surge> surge = surges.newStory(rule.id(), item.eventTime());
            if (surge.isPresent()) {
                emit(record, alerts.surge(storyId, rule, item, state, surge.get()));
            }
        }
        if (known != null && state.alertedTopics().equals(known.alertedTopics()) && added.isEmpty()) {
            log.debug("item {} from {} adds nothing to story {}: source {}", item.id(), item.source(), storyId,
                    state.sourceCount());
        }
        stories.put(storyId, state);
    }

    /**
     * The concepts of the active rules that the item states, by name: reports of one development in
     * other words ("summoned", "called in") meet on the concept even where their words differ.
     */
    private static List<String> conceptsIn(ItemView view, List<TopicRule> rules) {
        java.util.Set<String> found = new java.util.TreeSet<>();
        for (TopicRule rule : rules) {
            rule.lexicon().forEach((name, phrases) -> {
                if (!name.contains("|") && !found.contains(name) && view.sentences().stream().anyMatch(s -> Clause.occurs(phrases, s))) {
                    found.add(name);
                }
            });
        }
        return List.copyOf(found);
    }

    private void emit(Record<String, EnrichedItem> input, Alert alert) {
        log.info("{} alert {} on {} ({}) for story {} from item {}: {}", alert.kind(), alert.id(), alert.topic(),
                alert.severity(), alert.storyId(), alert.items().isEmpty() ? "-" : input.value().item().id(),
                alert.reason());
        context.forward(new Record<>(alert.storyId(), alert, input.timestamp(), CloudEventHeaders.of(alert)));
        Metrics.counter(ALERTS_METER, "topic", alert.topic(), "kind", alert.kind().name(), "severity",
                alert.severity().name()).increment();
    }
}
