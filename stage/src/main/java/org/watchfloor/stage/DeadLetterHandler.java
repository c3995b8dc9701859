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
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a record that a stage cannot read, process or write to the dead-letter topic (the standard
 * {@value StreamsConfig#ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG} setting, {@code news.dlq}) and
 * resumes, so one record never stops a stage. The dead letter is the input record as it was read
 * (original key, value and headers) plus headers naming the stage, source topic, partition, offset
 * and the error, so it can be inspected and replayed. Kafka Streams writes it with the task's
 * producer, inside the same exactly-once transaction as the offset commit: a poison record is
 * dead-lettered once, not once per retry.
 *
 * <ul>
 * <li>Unreadable input ({@link DeserializationExceptionHandler}).</li>
 * <li>A processor that throws on a record ({@link ProcessingExceptionHandler}).</li>
 * <li>An output the broker refuses for its size, or that cannot be serialized
 *     ({@link ProductionExceptionHandler}); any other send error stays fatal, as it concerns the cluster,
 *     not the record.</li>
 * </ul>
 */
public final class DeadLetterHandler implements DeserializationExceptionHandler, ProcessingExceptionHandler,
        ProductionExceptionHandler {
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
    public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context,
                                                                ConsumerRecord<byte[], byte[]> record, Exception exception) {
        return DeserializationExceptionHandler.Response.resume(List.of(deadLetter("unreadable record", record.topic(),
                record.partition(), record.offset(), record.headers(), record.key(), record.value(), exception)));
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record,
                                                           Exception exception) {
        return ProcessingExceptionHandler.Response.resume(List.of(deadLetter("record that failed in "
                + context.processorNodeId(), context, exception)));
    }

    @Override
    public ProductionExceptionHandler.Response handleError(ErrorHandlerContext context,
                                                           ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (!(exception instanceof RecordTooLargeException)) {
            return ProductionExceptionHandler.Response.fail();
        }
        return ProductionExceptionHandler.Response.resume(List.of(deadLetter("record whose output to "
                + record.topic() + " is too large", context, exception)));
    }

    @Override
    public ProductionExceptionHandler.Response handleSerializationError(ErrorHandlerContext context,
            ProducerRecord record, Exception exception, SerializationExceptionOrigin origin) {
        return ProductionExceptionHandler.Response.resume(List.of(deadLetter("record whose output to "
                + record.topic() + " cannot be serialized", context, exception)));
    }

    private ProducerRecord<byte[], byte[]> deadLetter(String what, ErrorHandlerContext source, Exception exception) {
        return deadLetter(what, source.topic(), source.partition(), source.offset(), source.headers(),
                source.sourceRawKey(), source.sourceRawValue(), exception);
    }

    private ProducerRecord<byte[], byte[]> deadLetter(String what, String topic, int partition, long offset,
                                                      Headers original, byte[] key, byte[] value, Exception exception) {
        String position = topic + "-" + partition + "@" + offset;
        log.warn("{}: {} at {} sent to {}: {}", stage, what, position, deadLetterTopic, exception.getMessage());
        SkippedRecords.deadLettered(stage, topic);
        Headers headers = new RecordHeaders(original == null ? new org.apache.kafka.common.header.Header[0] : original.toArray());
        put(headers, HEADER_STAGE, stage);
        put(headers, HEADER_TOPIC, String.valueOf(topic));
        put(headers, HEADER_PARTITION, Integer.toString(partition));
        put(headers, HEADER_OFFSET, Long.toString(offset));
        put(headers, HEADER_ERROR_CLASS, exception.getClass().getName());
        put(headers, HEADER_ERROR_MESSAGE, truncate(String.valueOf(exception.getMessage())));
        return new ProducerRecord<>(deadLetterTopic, null, key, value, headers);
    }

    private static void put(Headers headers, String key, String value) {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String truncate(String message) {
        return message.length() <= MAX_MESSAGE_CHARS ? message : message.substring(0, MAX_MESSAGE_CHARS) + "...";
    }
}
