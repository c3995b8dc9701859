package org.watchfloor.console;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.watchfloor.model.Topic;
import org.watchfloor.stage.KafkaSetup;

/**
 * Writes acknowledgements to the compacted {@code alert-acks} topic (key story id) and waits for
 * {@code acks=all}: an acknowledgement the console reports written is on the broker, and every console
 * shows it once its store reads it back. One producer for the console's life, so an acknowledgement
 * costs one round trip.
 */
final class AckWriter implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final KafkaProducer<String, AlertAck> producer;
    private final Topic<String, AlertAck> topic;

    AckWriter(KafkaSetup setup) {
        this.topic = AlertAck.topic(setup.topics());
        this.producer = setup.producer(Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true, ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), topic.valueSerde().serializer());
    }

    /** Writes {@code ack} under its story id; throws when the broker did not take it in time. */
    void write(AlertAck ack) {
        try {
            producer.send(new ProducerRecord<>(topic.name(), ack.storyId(), ack)).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to " + topic.name(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write to " + topic.name() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot write to " + topic.name() + " within " + TIMEOUT, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
