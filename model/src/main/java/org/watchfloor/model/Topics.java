package org.watchfloor.model;

import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The pipeline's topics. {@link #defaults()} gives the names in DESIGN.md; {@link #withPrefix(String)}
 * gives the same set under a prefix, for tests that share one broker and for several deployments on
 * one cluster.
 *
 * <p>The data topics travel with their serdes here. The compacted control topics ({@code feeds},
 * {@code feed-state}, {@code watchlists}, {@code subscriptions}, {@code alert-acks}) are named here too;
 * their value types belong to the module that owns them (ingest for feeds, alerts for watchlists,
 * delivery for subscriptions and {@code alerts.undelivered}, console for acknowledgements), which
 * builds their descriptors.
 */
public record Topics(
        String prefix,
        Topic<String, NewsItem> raw,
        Topic<String, EnrichedItem> enriched,
        Topic<String, Alert> alerts,
        Topic<byte[], byte[]> deadLetters) {

    public static final JsonSerde<NewsItem> NEWS_ITEM = new JsonSerde<>(NewsItem.class, "news-item/v1");
    public static final JsonSerde<EnrichedItem> ENRICHED_ITEM = new JsonSerde<>(EnrichedItem.class, "enriched-item/v1");
    public static final JsonSerde<Alert> ALERT = new JsonSerde<>(Alert.class, "alert/v1");
    public static final JsonSerde<ItemStory> ITEM_STORY = new JsonSerde<>(ItemStory.class, "item-story/v1");

    public Topics {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(enriched, "enriched");
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(deadLetters, "deadLetters");
    }

    public static Topics defaults() {
        return withPrefix("");
    }

    public static Topics withPrefix(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        return new Topics(prefix,
                new Topic<>(prefix + "news.raw", Serdes.String(), NEWS_ITEM),
                new Topic<>(prefix + "news.enriched", Serdes.String(), ENRICHED_ITEM),
                new Topic<>(prefix + "alerts", Serdes.String(), ALERT),
                new Topic<>(prefix + "news.dlq", Serdes.ByteArray(), Serdes.ByteArray()));
    }

    /** Which story each item was placed in (key item id), written by the alerts stage. */
    public Topic<String, ItemStory> stories() {
        return new Topic<>(prefix + "news.stories", Serdes.String(), ITEM_STORY);
    }

    /** Compacted: the feed registry, key = feed URL. */
    public String feeds() {
        return prefix + "feeds";
    }

    /** Compacted: per-feed polling state (validators, failures, next poll), key = feed URL. */
    public String feedState() {
        return prefix + "feed-state";
    }

    /** Compacted: topic definitions (the topic pack), key = topic id. */
    public String watchlists() {
        return prefix + "watchlists";
    }

    /** Compacted: who gets which alerts through which channels, key = subscription name. */
    public String subscriptions() {
        return prefix + "subscriptions";
    }

    /** Compacted: who acknowledged each story's development, and when, key = story id. */
    public String alertAcks() {
        return prefix + "alert-acks";
    }

    /** Alerts a channel could not take before its deadline, with the subscription, channel and reason. */
    public String undelivered() {
        return prefix + "alerts.undelivered";
    }

    /** Compacted: per subscription, what the delivery stage last reported (last success, failures, undelivered). */
    public String deliveryStatus() {
        return prefix + "delivery.status";
    }

    /** The data topics, which every deployment needs. */
    public List<String> names() {
        return List.of(raw.name(), enriched.name(), alerts.name(), stories().name(), deadLetters.name());
    }
}
