package io.saasreport.ingest.service;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * One record to write: its topic, its key (a ticker, {@code macro} or a universe's name, also the CloudEvents subject:
 * the record is about it), its value as JSON text (null: a tombstone), its CloudEvents type and id (null: a random
 * one). The connector writes the CloudEvents attributes as the binary-mode {@code ce_*} headers ({@code ce_specversion}
 * 1.0); the source and the data content type are the same for every record, so they are the channel's settings
 * ({@code cloud-events-source}, {@code cloud-events-data-content-type} in application.properties).
 */
public record OutgoingRecord(String topic, String key, String value, String cloudEventType, String id) {

    /** The message on the service's one channel: the topic travels in the Kafka metadata, per record. */
    Message<Record<String, String>> message(ZonedDateTime time, PendingSend ticket) {
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String> builder()
                .withTopic(topic)
                .withKey(key)
                .build();
        OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(id)
                .withType(cloudEventType)
                .withSubject(key)
                .withTimestamp(time)
                .build();
        return Message.of(Record.of(key, value), Metadata.of(kafka, cloudEvent, ticket));
    }

    /** The time of a request's records, in UTC: the connector writes it as RFC 3339 ({@code ...Z}). */
    static ZonedDateTime now() {
        return ZonedDateTime.now(ZoneOffset.UTC);
    }
}
