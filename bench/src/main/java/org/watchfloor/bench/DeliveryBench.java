package org.watchfloor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.watchfloor.broker.EmbeddedKafkaBroker;
import org.watchfloor.delivery.Channel;
import org.watchfloor.delivery.DeliverySettings;
import org.watchfloor.delivery.DeliveryStage;
import org.watchfloor.delivery.Subscription;
import org.watchfloor.delivery.Subscriptions;
import org.watchfloor.model.Alert;
import org.watchfloor.model.AlertKind;
import org.watchfloor.model.Severity;
import org.watchfloor.model.Topics;
import org.watchfloor.stage.KafkaSetup;
import org.watchfloor.stage.TopicTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Whether a dead webhook slows the healthy ones: the delivery stage on an embedded broker, one
 * subscription per receiver (all topics), {@code --alerts} alerts appended to {@code alerts}
 * (LogAppendTime) at {@code --rate}. Each round is a deployment of its own; first a warm-up round
 * (all healthy, not counted), then the baseline (all {@code --receivers} healthy), then the same with
 * one of them never answering. Each round starts its clock once an alert has reached every healthy
 * receiver (the stage is reading). A round ends when every healthy receiver has every alert. Prints per
 * round deliveries/s to healthy receivers and p50/p99 from an alert's append to its receipt, and the
 * ratio of the healthy p99s (bar: at most 1.20).
 */
@Command(name = "delivery", mixinStandardHelpOptions = true,
        description = "Deliveries/s and append-to-receipt p50/p99 at healthy webhooks, with and without a dead one.")
public final class DeliveryBench implements Callable<Integer> {
    @Option(names = "--receivers", defaultValue = "100", description = "Webhook receivers (default: ${DEFAULT-VALUE}).")
    int receivers;

    @Option(names = "--alerts", defaultValue = "1000", description = "Alerts per round (default: ${DEFAULT-VALUE}).")
    int alerts;

    @Option(names = "--rate", defaultValue = "5", description = "Alerts appended per second (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--round-limit", defaultValue = "PT10M", description = "Longest wait for a round (default: ${DEFAULT-VALUE}).")
    Duration roundLimit;

    /** One round's figures: deliveries/s to healthy receivers and their latencies. */
    record Round(String name, long deliveries, double perSecond, long[] sortedLatencies, boolean complete) {
    }

    @Override
    public Integer call() throws Exception {
        Path work = Files.createTempDirectory("watchfloor-bench-delivery-");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(work.resolve("kafka"))) {
            round(broker.bootstrapServers(), "warm-up", Math.max(1, alerts / 5), false);
            Round baseline = round(broker.bootstrapServers(), "baseline", alerts, false);
            Round withDead = round(broker.bootstrapServers(), "one dead", alerts, true);
            double ratio = (double) Percentiles.at(withDead.sortedLatencies(), 0.99)
                    / Math.max(1, Percentiles.at(baseline.sortedLatencies(), 0.99));
            System.out.printf(Locale.ROOT, "healthy p99 with a dead receiver / baseline: %.2f (bar <= 1.20: %s)%n", ratio,
                    ratio <= 1.20 && withDead.complete() ? "met" : "MISSED");
        } finally {
            WorkDir.delete(work);
        }
        return 0;
    }

    private Round round(String bootstrap, String name, int count, boolean dead) throws Exception {
        String deployment = "bench-" + name.replace(' ', '-');
        KafkaSetup setup = KafkaSetup.of(bootstrap).withDeployment(deployment);
        Topics topics = setup.topics();
        BenchTopics.create(bootstrap, BenchTopics.appendTime(topics.alerts().name(), 3));
        TopicTable.ensure(setup);
        int healthy = dead ? receivers - 1 : receivers;
        try (WebhookReceivers hooks = new WebhookReceivers(healthy, dead)) {
            List<Subscription> subscriptions = new ArrayList<>();
            List<String> urls = hooks.urls();
            for (int i = 0; i < urls.size(); i++) {
                subscriptions.add(new Subscription("receiver-" + i, List.of(Subscription.ALL), null, null,
                        List.of(Channel.webhook(urls.get(i), null, null, null)), null));
            }
            new Subscriptions(setup).apply(subscriptions);
            Map<String, Long> appended = new ConcurrentHashMap<>();
            long expected = (long) healthy * count;
            long start;
            long last;
            try (DeliveryStage stage = DeliveryStage.start(setup, DeliverySettings.defaults(), Clock.systemUTC());
                 KafkaProducer<String, Alert> producer = setup.producer(Map.of(ProducerConfig.LINGER_MS_CONFIG, 0),
                         new StringSerializer(), Topics.ALERT.serializer())) {
                // The group's first assignment takes seconds (the broker's initial rebalance delay): one alert
                // that every healthy receiver gets shows the stage is reading before the clock starts.
                Alert ready = alert(deployment + "-ready");
                producer.send(new ProducerRecord<>(topics.alerts().name(), ready.storyId(), ready)).get();
                long readyBy = System.nanoTime() + roundLimit.toNanos();
                while (hooks.received() < healthy && System.nanoTime() < readyBy) {
                    Thread.sleep(20);
                }
                hooks.reset();
                start = System.nanoTime();
                long period = 1_000_000_000L / rate;
                for (int n = 0; n < count; n++) {
                    while (System.nanoTime() < start + n * period) {
                        Thread.onSpinWait();
                    }
                    Alert alert = alert(deployment + "-" + n);
                    producer.send(new ProducerRecord<>(topics.alerts().name(), alert.storyId(), alert), (meta, e) -> {
                        if (e == null) {
                            appended.put(alert.id(), meta.timestamp());
                        }
                    });
                }
                producer.flush();
                long deadline = System.nanoTime() + roundLimit.toNanos();
                while (hooks.received() < expected && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                last = System.nanoTime();
            }
            List<Long> latencies = new ArrayList<>();
            hooks.receipts().forEach((key, at) -> {
                Long in = appended.get(key.substring(key.indexOf('/') + 1));
                if (in != null) {
                    latencies.add(at - in);
                }
            });
            long[] sorted = Percentiles.sorted(latencies);
            double seconds = (last - start) / 1e9;
            Round round = new Round(name, hooks.received(), hooks.received() / seconds, sorted,
                    hooks.received() >= expected);
            System.out.printf(Locale.ROOT, "%-9s %d receivers (%d healthy), %d alerts at %d/s: %d of %d deliveries in "
                            + "%.1f s, %.0f deliveries/s; append to receipt %s, max %d ms%s%n", name, receivers, healthy,
                    count, rate, round.deliveries(), expected, seconds, round.perSecond(), Percentiles.p50p99(sorted),
                    sorted.length == 0 ? -1 : sorted[sorted.length - 1], round.complete() ? "" : " (INCOMPLETE)");
            return round;
        }
    }

    /** A NEW alert of its own story ({@code story-ID}), as the benches append them. */
    static Alert alert(String id) {
        return new Alert(id, "dprk-troops-russia", "North Korean troops in Russia", AlertKind.NEW, Severity.URGENT,
                "story-" + id, "Bench alert " + id, "bench", List.of("A sentence of evidence."), List.of(), List.of(),
                Instant.now(), Instant.now(), 1);
    }
}
