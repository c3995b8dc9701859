package org.watchfloor.app;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.delivery.AlertFormatter;
import org.watchfloor.model.Alert;
import org.watchfloor.model.AlertKind;
import org.watchfloor.model.Topic;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.stage.Part;
import org.watchfloor.stage.SkippedRecords;

/**
 * Prints alerts to the terminal as they are appended to the {@code alerts} topic, one block per story
 * development with all the topics it matched ({@link AlertFormatter#format(List)}). It is an ordinary
 * subscriber in its own consumer group, so an alert is printed once even across restarts.
 */
final class AlertTail implements Part, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AlertTail.class);
    static final String GROUP_ID = "watchfloor-console";

    private final KafkaConsumer<String, byte[]> consumer;
    private final Topic<String, Alert> topic;
    private final PrintWriter out;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile String failure;

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
                List<Alert> batch = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    read(r).ifPresent(batch::add);
                }
                developments(batch).forEach(development -> out.print(AlertFormatter.format(development)));
                out.flush();
            }
        } catch (WakeupException e) {
            // close() woke the consumer up: the normal way out.
        } catch (RuntimeException e) {
            failure = e.toString();
            log.error("alert printer on {} stopped: {}", topic.name(), e.toString(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private Optional<Alert> read(ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) {
            SkippedRecords.tombstone(r.topic(), r.partition(), r.offset(), r.key(), "alerts are never deleted");
            return Optional.empty();
        }
        try {
            return Optional.of(topic.valueSerde().deserializer().deserialize(r.topic(), r.value()));
        } catch (SerializationException e) {
            SkippedRecords.unreadable(r.topic(), r.partition(), r.offset(), r.key(), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * {@code alerts} in story developments: runs of alerts of one story with one headline. The alerts
     * stage appends the alerts of one report (one per topic it matched) together, keyed by their story,
     * so they arrive side by side, normally in one poll; a run cut by the end of a poll prints as two blocks.
     */
    static List<List<Alert>> developments(List<Alert> alerts) {
        List<List<Alert>> developments = new ArrayList<>();
        List<Alert> current = new ArrayList<>();
        for (Alert alert : alerts) {
            if (!current.isEmpty() && !sameDevelopment(current.get(0), alert)) {
                developments.add(current);
                current = new ArrayList<>();
            }
            current.add(alert);
        }
        if (!current.isEmpty()) {
            developments.add(current);
        }
        return developments;
    }

    private static boolean sameDevelopment(Alert a, Alert b) {
        return a.storyId().equals(b.storyId()) && Objects.equals(a.headline(), b.headline()) && a.kind() != AlertKind.SURGE
                && b.kind() != AlertKind.SURGE;
    }

    /** Why the printer stopped without being closed: then no alert reaches the terminal any more. */
    @Override
    public Optional<String> failure() {
        if (failure != null) {
            return Optional.of(failure);
        }
        return !running.get() || thread.isAlive() || thread.getState() == Thread.State.NEW ? Optional.empty()
                : Optional.of("its thread ended");
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        consumer.wakeup();
        thread.join(10_000);
    }
}
