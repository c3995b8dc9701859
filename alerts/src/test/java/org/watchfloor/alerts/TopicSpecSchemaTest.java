package org.watchfloor.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.watchfloor.model.SchemaValidator;

/** What the watchlists topic holds follows the schema published in model. */
class TopicSpecSchemaTest {

    @Test
    void everyTopicOfTheDefaultPackMatchesTheWatchlistSchema() {
        SchemaValidator schema = SchemaValidator.forSerde(TopicSpec.SERDE);
        TopicPack pack = TopicPack.defaultPack();

        assertThat(pack.topics()).hasSize(9);
        for (TopicRule rule : pack.topics()) {
            assertThat(schema.violations(TopicSpec.SERDE.toJson(rule.toSpec()))).as(rule.id()).isEmpty();
        }
        assertThat(schema.violations("{\"id\":\"x\",\"name\":\"X\",\"terms\":{},\"severity\":\"LOUD\"}")).isNotEmpty();
        assertThat(schema.violations("{\"id\":\"x\",\"name\":\"X\",\"severity\":\"URGENT\"}"))
                .as("a topic without terms and without clauses").isNotEmpty();
        assertThat(schema.violations("{\"id\":\"x\",\"name\":\"X\",\"when\":[{\"role\":\"boss\"}]}"))
                .as("an unknown role").isNotEmpty();
    }
}
