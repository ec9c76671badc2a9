package io.saasreport.ingest.service;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.eclipse.microprofile.reactive.messaging.Metadata;

import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * The metadata of one outgoing record: its Kafka key and its CloudEvents attributes, which the connector writes
 * as the binary-mode {@code ce_*} headers (a random {@code ce_id} per record unless the caller derives one from the
 * source, {@code ce_specversion} 1.0). The
 * source and the data content type are the same for every record, so they are the channels' settings
 * ({@code cloud-events-source}, {@code cloud-events-data-content-type} in application.properties).
 */
final class OutgoingRecord {

    private OutgoingRecord() {
    }

    /** The subject is the key too (a ticker, {@code macro} or a universe's name): the event is about it. */
    static Metadata metadata(String key, String cloudEventType, String id, ZonedDateTime time) {
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String> builder().withKey(key).build();
        OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(id)
                .withType(cloudEventType)
                .withSubject(key)
                .withTimestamp(time)
                .build();
        return Metadata.of(kafka, cloudEvent);
    }

    /** The time of a request's records, in UTC: the connector writes it as RFC 3339 ({@code ...Z}). */
    static ZonedDateTime now() {
        return ZonedDateTime.now(ZoneOffset.UTC);
    }
}
