package org.watchfloor.alerts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topic rules in force right now: the global watchlists store, read on every call so a change
 * takes effect with the next item. Each spec is validated once and cached until it changes; a spec
 * that does not validate (written to the topic by some other tool) is skipped with a warning rather
 * than stopping the stage.
 */
final class ActiveTopics {
    private static final Logger log = LoggerFactory.getLogger(ActiveTopics.class);

    private final ReadOnlyKeyValueStore<String, TopicSpec> store;
    private final TopicSpecValidator validator = new TopicSpecValidator();
    private final Map<TopicSpec, Optional<TopicRule>> compiled = new HashMap<>();

    ActiveTopics(ReadOnlyKeyValueStore<String, TopicSpec> store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    List<TopicRule> rules() {
        List<TopicRule> rules = new ArrayList<>();
        try (KeyValueIterator<String, TopicSpec> all = store.all()) {
            all.forEachRemaining(kv -> compiled.computeIfAbsent(kv.value, this::compile).ifPresent(rules::add));
        }
        if (compiled.size() > 4 * Math.max(rules.size(), 16)) {
            compiled.clear();
        }
        return rules;
    }

    Optional<TopicRule> rule(String topicId) {
        return rules().stream().filter(r -> r.id().equals(topicId)).findFirst();
    }

    private Optional<TopicRule> compile(TopicSpec spec) {
        try {
            return Optional.of(validator.validate(spec, "watchlists:"));
        } catch (TopicPackException e) {
            log.warn("watchlists topic {} skipped: {}", spec.id(), e.getMessage());
            return Optional.empty();
        }
    }
}
