package io.saasreport.ingest.service;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.saasreport.ingest.domain.EventType;
import io.saasreport.ingest.domain.IngestEvent;
import io.saasreport.ingest.domain.RejectionReason;

/**
 * Publishes validated events, each to its type's topic, and returns only once Kafka has acknowledged every record
 * (acks=all, see application.properties), through {@link RecordSender}. A nack, Kafka known to be away, or no answer
 * within {@code ingest.publish-timeout} is a {@link RejectionReason#KAFKA_UNAVAILABLE} rejection that says how many
 * events were published: the caller hears about it, nothing is dropped silently and nothing is sent after the answer.
 */
@ApplicationScoped
public class EventPublisher {

    private final RecordSender sender;

    EventPublisher(RecordSender sender) {
        this.sender = sender;
    }

    /** Sends every event and waits for all acknowledgements; answers how many were published. */
    public int publish(List<? extends IngestEvent> events) {
        return publish(events, event -> null);
    }

    /**
     * As {@link #publish(List)}, each record's CloudEvents id given by {@code ids} (derived from the event's source,
     * so that the same source fact always carries the same id); a null id is a random one.
     */
    public int publish(List<? extends IngestEvent> events, Function<? super IngestEvent, String> ids) {
        if (events.isEmpty()) {
            return 0;
        }
        sender.publish(events.stream().map(event -> record(event, ids.apply(event))).toList(), "the events",
                countByType(events));
        return events.size();
    }

    private OutgoingRecord record(IngestEvent event, String id) {
        EventType type = event.eventType();
        return new OutgoingRecord(type.topic(), event.key(), sender.json(event), type.cloudEventType(), id);
    }

    static Map<String, Integer> countByType(List<? extends IngestEvent> events) {
        return events.stream().collect(Collectors.groupingBy(event -> event.eventType().wireName(),
                Collectors.summingInt(event -> 1)));
    }
}
