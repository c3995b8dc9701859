package org.watchfloor.app;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.model.Alert;
import org.watchfloor.model.Topic;
import org.watchfloor.stage.KafkaSetup;

/**
 * Prints alerts to the terminal as they are appended to the {@code alerts} topic. It is an ordinary
 * subscriber in its own consumer group, so an alert is printed once even across restarts.
 */
final class AlertTail implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AlertTail.class);
    static final String GROUP_ID = "watchfloor-console";

    private final KafkaConsumer<String, byte[]> consumer;
    private final Topic<String, Alert> topic;
    private final PrintWriter out;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    /** Prints the alerts of {@code setup}'s deployment, in its group {@value #GROUP_ID} (under the deployment name). */
    AlertTail(KafkaSetup setup, PrintWriter out) {
        Topic<String, Alert> topic = setup.topics().alerts();
        this.consumer = setup.consumer(Map.of(ConsumerConfig.GROUP_ID_CONFIG, setup.id(GROUP_ID),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), topic.keySerde().deserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer());
        this.topic = topic;
        this.out = out;
        this.thread = new Thread(this::loop, "alert-tail");
    }

    AlertTail start() {
        consumer.subscribe(List.of(topic.name()));
        thread.start();
        return this;
    }

    private void loop() {
        try {
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    print(r);
                }
            }
        } catch (WakeupException e) {
            // close() woke the consumer up: the normal way out.
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void print(ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) {
            log.warn("skipping a tombstone at {}-{} offset {} (key {}): alerts are never deleted", r.topic(),
                    r.partition(), r.offset(), r.key());
            return;
        }
        try {
            Alert alert = topic.valueSerde().deserializer().deserialize(r.topic(), r.value());
            out.print(AlertFormatter.format(alert));
            out.flush();
        } catch (SerializationException e) {
            log.warn("skipping unreadable alert at {}-{} offset {}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        consumer.wakeup();
        thread.join(10_000);
    }
}
