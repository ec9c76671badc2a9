package io.saasreport.ingest.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.common.header.internals.RecordHeader;

import io.saasreport.ingest.domain.EventType;

/** CloudEvents 1.0 Kafka binary-mode headers (ce_*) for one outgoing record; the value is the event JSON. */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String ID = "ce_id";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";

    public static final String SOURCE_VALUE = "/ingest-service";

    public static List<RecordHeader> of(EventType type, Instant now) {
        return of(type.cloudEventType(), now);
    }

    public static List<RecordHeader> of(String cloudEventType, Instant now) {
        return List.of(
                header(SPEC_VERSION, "1.0"),
                header(TYPE, cloudEventType),
                header(SOURCE, SOURCE_VALUE),
                header(ID, UUID.randomUUID().toString()),
                header(TIME, now.toString()),
                header(CONTENT_TYPE, "application/json"));
    }

    private static RecordHeader header(String key, String value) {
        return new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8));
    }

    private CloudEventHeaders() {
    }
}
