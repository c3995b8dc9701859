/**
 * The feed registry in Kafka: the descriptors of the compacted {@code feeds} and {@code feed-state}
 * topics, OPML, and the consumer-group loop that gives each instance its share of the feeds
 * ({@link org.watchfloor.ingest.registry.FeedAssignment}).
 */
package org.watchfloor.ingest.registry;
