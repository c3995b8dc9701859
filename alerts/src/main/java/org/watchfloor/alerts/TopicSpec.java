package org.watchfloor.alerts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.watchfloor.model.JsonSerde;
import org.watchfloor.model.Topic;
import org.watchfloor.model.Topics;

/**
 * One topic as written by a user: the YAML shape of a pack entry and the JSON value of the compacted
 * {@code watchlists} topic (key = {@code id}, tombstone = removed). Not validated here: every field
 * may be missing; {@link TopicPackReader} turns it into a {@link TopicRule} or refuses it. In a pack
 * file, {@code concepts} are written once for the whole pack; the reader copies into each topic the
 * concepts its {@code when} uses, so a value in {@code watchlists} stands alone.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TopicSpec(String id, String name, String description, String severity, List<List<String>> actors,
                        LinkedHashMap<String, Double> terms, List<String> exclude, Double minScore, Double troopBonus,
                        List<String> raiseSeverityOn, String surgeSeverity,
                        LinkedHashMap<String, List<String>> concepts, List<ClauseSpec> when) {
    public static final JsonSerde<TopicSpec> SERDE = new JsonSerde<>(TopicSpec.class, "watchlist-topic/v1");

    /** This spec with {@code concepts} in place of its own. */
    TopicSpec withConcepts(LinkedHashMap<String, List<String>> lexicon) {
        return new TopicSpec(id, name, description, severity, actors, terms, exclude, minScore, troopBonus,
                raiseSeverityOn, surgeSeverity, lexicon, when);
    }

    /** The {@code watchlists} topic of {@code topics} with its serdes. */
    public static Topic<String, TopicSpec> watchlists(Topics topics) {
        return new Topic<>(topics.watchlists(), Serdes.String(), SERDE);
    }
}
