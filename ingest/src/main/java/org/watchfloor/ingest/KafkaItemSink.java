package org.watchfloor.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.watchfloor.model.NewsItem;
import org.watchfloor.model.Topic;

/**
 * Publishes items to {@code news.raw}, keyed by item id, timestamped with the event time, and
 * returns only once the broker acknowledged all of them (the producer is idempotent, acks=all).
 */
final class KafkaItemSink implements ItemSink {
    private final Producer<String, NewsItem> producer;
    private final Topic<String, NewsItem> topic;

    KafkaItemSink(Producer<String, NewsItem> producer, Topic<String, NewsItem> topic) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.topic = Objects.requireNonNull(topic, "topic");
    }

    @Override
    public void publish(List<NewsItem> items) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(items.size());
        for (NewsItem item : items) {
            acks.add(producer.send(new ProducerRecord<>(topic.name(), null,
                    item.eventTime().toEpochMilli(), item.id(), item)));
        }
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("items not delivered to " + topic.name() + ": " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while delivering to " + topic.name(), e);
            }
        }
    }
}
