package io.saasreport.metrics.stream;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** The CloudEvents (Kafka binary mode) headers of every published record. */
final class CloudEventHeaders {

    static final String SOURCE = "/metrics-service";
    static final String COMPANY_TYPE = "io.saasreport.metrics.company";
    static final String UNIVERSE_TYPE = "io.saasreport.metrics.universe";
    static final String ALERT_TYPE = "io.saasreport.metrics.alert";
    /** The record's id: ingest sets it on every input record, the figures' sources name it. */
    static final String ID = "ce_id";

    private CloudEventHeaders() {
    }

    static Headers of(String type) {
        return of(type, UUID.randomUUID().toString());
    }

    /** With an id of the caller's: the same event (an alert raised again by the same cause) keeps the same id. */
    static Headers of(String type, String id) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_type", bytes(type));
        headers.add("ce_source", bytes(SOURCE));
        headers.add(ID, bytes(id));
        headers.add("ce_time", bytes(Instant.now().toString()));
        headers.add("content-type", bytes("application/json"));
        return headers;
    }

    static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
