package io.saasreport.ingest.service;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import io.saasreport.ingest.config.IngestConfig;
import io.saasreport.ingest.domain.EventType;
import io.saasreport.ingest.domain.IngestEvent;
import io.saasreport.ingest.domain.RejectedRequestException;
import io.saasreport.ingest.domain.RejectionReason;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Publishes validated events to their topics and returns only once Kafka has acknowledged every record
 * (acks=all, see application.properties). A nack or no answer within {@code ingest.publish-timeout} is a
 * {@link RejectionReason#KAFKA_UNAVAILABLE} rejection: the caller hears about it, nothing is dropped silently.
 */
@ApplicationScoped
public class EventPublisher {

    private static final Logger LOG = Logger.getLogger(EventPublisher.class);

    // An import can hold thousands of rows, all sent at once: the buffer is bounded by the request size limit.
    @Inject
    @Channel(Channels.PRICES)
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    MutinyEmitter<IngestEvent> prices;

    @Inject
    @Channel(Channels.FILINGS)
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    MutinyEmitter<IngestEvent> filings;

    @Inject
    @Channel(Channels.ESTIMATES)
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    MutinyEmitter<IngestEvent> estimates;

    @Inject
    @Channel(Channels.MACRO)
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    MutinyEmitter<IngestEvent> macro;

    @Inject
    @Channel(Channels.COMPANIES)
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    MutinyEmitter<IngestEvent> companies;

    @Inject
    IngestConfig config;

    @Inject
    IngestMeters meters;

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
        ZonedDateTime now = OutgoingRecord.now();
        List<Uni<Void>> sends = events.stream().map(event -> send(event, ids.apply(event), now)).toList();
        try {
            Uni.join().all(sends).andFailFast()
                    .await().atMost(config.publishTimeout());
        } catch (RuntimeException failure) {
            LOG.warnf(failure, "Kafka did not acknowledge %d event(s)", events.size());
            throw new RejectedRequestException(RejectionReason.KAFKA_UNAVAILABLE,
                    "Kafka did not acknowledge the events (" + cause(failure) + "); some may have been published, "
                            + "and sending the request again is safe",
                    List.of(), countByType(events), failure);
        }
        meters.accepted(countByType(events));
        return events.size();
    }

    private String cause(RuntimeException failure) {
        if (failure instanceof TimeoutException) {
            return "no answer within " + config.publishTimeout().toSeconds() + " s";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    private Uni<Void> send(IngestEvent event, String id, ZonedDateTime now) {
        return emitterFor(event.eventType()).sendMessage(
                Message.of(event, OutgoingRecord.metadata(event.key(), event.eventType().cloudEventType(), id, now)));
    }

    private MutinyEmitter<IngestEvent> emitterFor(EventType type) {
        return switch (type) {
            case PRICE -> prices;
            case FILING -> filings;
            case ESTIMATE -> estimates;
            case MACRO -> macro;
            case COMPANY -> companies;
        };
    }

    static Map<String, Integer> countByType(List<? extends IngestEvent> events) {
        return events.stream().collect(Collectors.groupingBy(event -> event.eventType().wireName(),
                Collectors.summingInt(event -> 1)));
    }
}
