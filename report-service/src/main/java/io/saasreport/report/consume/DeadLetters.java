package io.saasreport.report.consume;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

import io.saasreport.report.record.Unreadable;

/**
 * Sends unreadable records to a dead-letter topic and waits for every replica's ack (idempotent producer) before the
 * batch's offsets may be committed. The record's own headers travel along, plus where it came from and why.
 */
public final class DeadLetters implements AutoCloseable {

    public static final String REASON = "dead-letter-reason";
    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final KafkaProducer<String, String> producer;

    /** {@code kafkaClient}: the connection settings (bootstrap servers, security) shared by the report's clients. */
    public DeadLetters(Map<String, Object> kafkaClient) {
        Map<String, Object> properties = new HashMap<>(kafkaClient);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "report-service-dead-letters");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    /** Sends them all; throws (so the batch is retried) unless every one was acknowledged. */
    public void send(String topic, List<Unreadable> unreadable) {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (Unreadable dead : unreadable) {
            ConsumerRecord<String, String> record = dead.record();
            ProducerRecord<String, String> letter = new ProducerRecord<>(topic, null, record.key(), record.value(),
                    new RecordHeaders(record.headers().toArray()));
            Headers headers = letter.headers();
            headers.add(REASON, bytes(dead.reason()));
            headers.add("dead-letter-topic", bytes(record.topic()));
            headers.add("dead-letter-partition", bytes(String.valueOf(record.partition())));
            headers.add("dead-letter-offset", bytes(String.valueOf(record.offset())));
            acks.add(producer.send(letter));
        }
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Dead letters to " + topic + " not acknowledged: " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}
