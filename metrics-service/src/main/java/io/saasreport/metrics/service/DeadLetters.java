package io.saasreport.metrics.service;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends a record that can never be applied to {@code <topic>.dlq}, unchanged, with the reason in the
 * same headers SmallRye's dead-letter strategy writes. The send is awaited before the batch commits,
 * so a poison record is never skipped without landing there.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String DEAD_LETTERS = "dead-letters";
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final Emitter<String> emitter;

    public DeadLetters(@Channel(DEAD_LETTERS) Emitter<String> emitter) {
        this.emitter = emitter;
    }

    public void send(ConsumerRecord<String, String> record, PoisonRecordException reason) {
        RecordHeaders headers = new RecordHeaders();
        record.headers().forEach(headers::add);
        headers.add("dead-letter-reason", bytes(reason.getMessage()));
        if (reason.getCause() != null) {
            headers.add("dead-letter-cause", bytes(reason.getCause().getClass().getName()));
        }
        headers.add("dead-letter-topic", bytes(record.topic()));
        headers.add("dead-letter-partition", bytes(String.valueOf(record.partition())));
        headers.add("dead-letter-offset", bytes(String.valueOf(record.offset())));
        var metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(record.topic() + ".dlq")
                .withKey(record.key())
                .withHeaders(headers)
                .build();
        var sent = new java.util.concurrent.CompletableFuture<Void>();
        emitter.send(Message.of(record.value() == null ? "" : record.value())
                .addMetadata(metadata)
                .withAck(() -> {
                    sent.complete(null);
                    return sent;
                })
                .withNack(failure -> {
                    sent.completeExceptionally(failure);
                    return java.util.concurrent.CompletableFuture.completedFuture(null);
                }));
        try {
            sent.get(SEND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while dead-lettering", e);
        } catch (Exception e) {
            throw new IllegalStateException("Dead-lettering " + record.topic() + "@" + record.offset() + " failed", e);
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
