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

import io.saasreport.ingest.domain.EventType;
import io.saasreport.ingest.domain.IngestEvent;
import io.saasreport.ingest.domain.RejectedRequestException;
import io.saasreport.ingest.domain.RejectionReason;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Publishes validated events to their topics and returns only once Kafka has acknowledged every record
 * (acks=all, see application.properties), through {@link BoundedSends}. A nack, Kafka known to be away, or no answer
 * within {@code ingest.publish-timeout} is a {@link RejectionReason#KAFKA_UNAVAILABLE} rejection that says how many
 * events were published: the caller hears about it, nothing is dropped silently and nothing is sent after the answer.
 */
@ApplicationScoped
public class EventPublisher {

    private static final Logger LOG = Logger.getLogger(EventPublisher.class);

    // Bounded: BoundedSends never queues more than the buffer holds, and drops what a request gave up on.
    @Inject
    @Channel(Channels.PRICES)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BoundedSends.MAX_QUEUED)
    MutinyEmitter<IngestEvent> prices;

    @Inject
    @Channel(Channels.FILINGS)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BoundedSends.MAX_QUEUED)
    MutinyEmitter<IngestEvent> filings;

    @Inject
    @Channel(Channels.ESTIMATES)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BoundedSends.MAX_QUEUED)
    MutinyEmitter<IngestEvent> estimates;

    @Inject
    @Channel(Channels.MACRO)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BoundedSends.MAX_QUEUED)
    MutinyEmitter<IngestEvent> macro;

    @Inject
    @Channel(Channels.COMPANIES)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BoundedSends.MAX_QUEUED)
    MutinyEmitter<IngestEvent> companies;

    @Inject
    IngestMeters meters;

    @Inject
    BoundedSends sends;

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
        BoundedSends.Outcome outcome;
        try {
            outcome = sends.send(events, (event, ticket) -> send(event, ids.apply(event), now, ticket));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(events, BoundedSends.Outcome.nothingSent(events.size(), e));
        }
        if (!outcome.complete()) {
            throw unavailable(events, outcome);
        }
        meters.accepted(countByType(events));
        return events.size();
    }

    private RejectedRequestException unavailable(List<? extends IngestEvent> events, BoundedSends.Outcome outcome) {
        // One line per refused request (while the broker is away, every request is one): the trace at DEBUG.
        LOG.warnf("Kafka did not acknowledge %d of %d event(s): %s", outcome.total() - outcome.published(),
                outcome.total(), cause(outcome.failure()));
        LOG.debug("Why Kafka did not acknowledge them", outcome.failure());
        return new RejectedRequestException(RejectionReason.KAFKA_UNAVAILABLE,
                "Kafka did not acknowledge the events (" + cause(outcome.failure()) + "); " + whatWasPublished(outcome),
                List.of(), countByType(events), outcome.failure());
    }

    /** The part of a 503's detail that says what became of the events: a client may resend them all, safely. */
    static String whatWasPublished(BoundedSends.Outcome outcome) {
        String published = outcome.published() == 0 ? "none was published"
                : outcome.published() + " of " + outcome.total() + " were published";
        if (outcome.unconfirmed() == 0) {
            return published + " and none of the others will be: sending the request again is safe";
        }
        return published + "; " + outcome.unconfirmed() + " were sent but not acknowledged, and Kafka may still have "
                + "written them: sending the request again is safe (an event applied twice changes no figure)";
    }

    static String cause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    private Uni<Void> send(IngestEvent event, String id, ZonedDateTime now, PendingSend ticket) {
        return emitterFor(event.eventType()).sendMessage(Message.of(event,
                OutgoingRecord.metadata(event.key(), event.eventType().cloudEventType(), id, now).with(ticket)));
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
