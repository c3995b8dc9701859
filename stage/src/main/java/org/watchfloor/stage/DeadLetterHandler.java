package org.watchfloor.stage;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a record that a stage cannot read to the dead-letter topic (the standard
 * {@value StreamsConfig#ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG} setting, {@code news.dlq}) and
 * resumes. The dead letter keeps the original key and value bytes and headers, and adds headers
 * naming the stage, source topic, partition, offset and the error, so it can be inspected and
 * replayed. Kafka Streams writes it with the task's producer, inside the same exactly-once
 * transaction as the offset commit: a poison record is dead-lettered once, not once per retry.
 */
public final class DeadLetterHandler implements DeserializationExceptionHandler {
    /** Names the stage in the dead letter's headers; {@link StreamsStage} sets it. */
    public static final String STAGE_CONFIG = "watchfloor.stage";
    public static final String HEADER_STAGE = "watchfloor.dlq.stage";
    public static final String HEADER_TOPIC = "watchfloor.dlq.topic";
    public static final String HEADER_PARTITION = "watchfloor.dlq.partition";
    public static final String HEADER_OFFSET = "watchfloor.dlq.offset";
    public static final String HEADER_ERROR_CLASS = "watchfloor.dlq.error.class";
    public static final String HEADER_ERROR_MESSAGE = "watchfloor.dlq.error.message";
    private static final Logger log = LoggerFactory.getLogger(DeadLetterHandler.class);
    private static final int MAX_MESSAGE_CHARS = 1_000;

    private String deadLetterTopic;
    private String stage;

    @Override
    public void configure(Map<String, ?> configs) {
        Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        if (topic == null || topic.toString().isBlank()) {
            throw new ConfigException(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topic,
                    "a stage needs a dead-letter topic for unreadable records");
        }
        this.deadLetterTopic = topic.toString();
        Object name = configs.get(STAGE_CONFIG);
        this.stage = name != null ? name.toString() : String.valueOf(configs.get(StreamsConfig.APPLICATION_ID_CONFIG));
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        String position = record.topic() + "-" + record.partition() + "@" + record.offset();
        log.warn("{}: unreadable record at {} sent to {}: {}", stage, position, deadLetterTopic, exception.getMessage());
        Headers headers = new RecordHeaders(record.headers().toArray());
        put(headers, HEADER_STAGE, stage);
        put(headers, HEADER_TOPIC, record.topic());
        put(headers, HEADER_PARTITION, Integer.toString(record.partition()));
        put(headers, HEADER_OFFSET, Long.toString(record.offset()));
        put(headers, HEADER_ERROR_CLASS, exception.getClass().getName());
        put(headers, HEADER_ERROR_MESSAGE, truncate(String.valueOf(exception.getMessage())));
        ProducerRecord<byte[], byte[]> dead =
                new ProducerRecord<>(deadLetterTopic, null, record.key(), record.value(), headers);
        return Response.resume(List.of(dead));
    }

    private static void put(Headers headers, String key, String value) {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String truncate(String message) {
        return message.length() <= MAX_MESSAGE_CHARS ? message : message.substring(0, MAX_MESSAGE_CHARS) + "...";
    }
}
