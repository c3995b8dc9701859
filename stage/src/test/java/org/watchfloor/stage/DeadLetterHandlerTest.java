package org.watchfloor.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.model.Topics;

/** With the settings every stage runs with, a record a processor fails on is dead-lettered and the stage goes on. */
class DeadLetterHandlerTest {
    private static final Topics TOPICS = Topics.withPrefix("t.");

    @TempDir
    Path state;

    @Test
    void aRecordThatFailsInAProcessorIsDeadLetteredWithItsPositionAndTheNextOneGoesThrough() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .mapValues(v -> {
                    if (v.equals("boom")) {
                        throw new IllegalStateException("cannot handle " + v);
                    }
                    return v.toUpperCase();
                })
                .to("out", Produced.with(Serdes.String(), Serdes.String()));
        Properties props = StreamsStage.forStage("test",
                StreamsStage.properties("unused:9092", "dlq-test", state, Map.of(), 100), TOPICS);

        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
            TestOutputTopic<String, String> out = driver.createOutputTopic("out", new StringDeserializer(),
                    new StringDeserializer());
            TestOutputTopic<byte[], byte[]> dlq = driver.createOutputTopic(TOPICS.deadLetters().name(),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());

            in.pipeValueList(List.of("one", "boom", "two"));

            assertThat(out.readValuesToList()).containsExactly("ONE", "TWO");
            TestRecord<byte[], byte[]> dead = dlq.readRecord();
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("boom");
            assertThat(header(dead, DeadLetterHandler.HEADER_STAGE)).isEqualTo("test");
            assertThat(header(dead, DeadLetterHandler.HEADER_TOPIC)).isEqualTo("in");
            assertThat(header(dead, DeadLetterHandler.HEADER_OFFSET)).isEqualTo("1");
            assertThat(header(dead, DeadLetterHandler.HEADER_ERROR_CLASS)).isEqualTo(IllegalStateException.class.getName());
            assertThat(header(dead, DeadLetterHandler.HEADER_ERROR_MESSAGE)).isEqualTo("cannot handle boom");
            assertThat(dlq.isEmpty()).isTrue();
        }
    }

    private static String header(TestRecord<byte[], byte[]> record, String key) {
        return new String(record.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
