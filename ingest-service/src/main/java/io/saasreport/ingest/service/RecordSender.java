package io.saasreport.ingest.service;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.saasreport.ingest.domain.RejectedRequestException;
import io.saasreport.ingest.domain.RejectionReason;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;

/**
 * The service's one way to Kafka: one channel, one producer, each record's topic in its own metadata
 * ({@link OutgoingRecord}), every send bounded by {@link BoundedSends}. The values are JSON text, written here with
 * the application's ObjectMapper, so that one serializer (a string's) fits events, corrections and tombstones alike.
 */
@ApplicationScoped
public class RecordSender {

    private static final Logger LOG = Logger.getLogger(RecordSender.class);

    /** The outgoing channel (application.properties); it has no topic of its own. */
    public static final String CHANNEL = "records-out";

    // Bounded: BoundedSends never queues more than the buffer holds, and drops what a request gave up on.
    @Inject
    @Channel(CHANNEL)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BoundedSends.MAX_QUEUED)
    MutinyEmitter<Record<String, String>> out;

    @Inject
    BoundedSends sends;

    @Inject
    ObjectMapper mapper;

    @Inject
    IngestMeters meters;

    /**
     * Sends the records, all with the same time, and returns once Kafka acknowledged every one, counting them as
     * accepted ({@code countByType}). Otherwise a {@link RejectionReason#KAFKA_UNAVAILABLE} rejection: Kafka did not
     * acknowledge {@code what}, and what became of the records.
     */
    public void publish(List<OutgoingRecord> records, String what, Map<String, Integer> countByType) {
        BoundedSends.Outcome outcome = send(records);
        if (!outcome.complete()) {
            // One line per refused request (while the broker is away, every request is one): the trace at DEBUG.
            LOG.warnf("Kafka did not acknowledge %d of %d record(s) (%s): %s", outcome.total() - outcome.published(),
                    outcome.total(), what, cause(outcome.failure()));
            LOG.debug("Why Kafka did not acknowledge them", outcome.failure());
            throw new RejectedRequestException(RejectionReason.KAFKA_UNAVAILABLE, "Kafka did not acknowledge " + what
                    + " (" + cause(outcome.failure()) + "); " + whatWasPublished(outcome), List.of(), countByType,
                    outcome.failure());
        }
        meters.accepted(countByType);
    }

    private BoundedSends.Outcome send(List<OutgoingRecord> records) {
        ZonedDateTime time = OutgoingRecord.now();
        try {
            return sends.send(records, (record, ticket) -> out.sendMessage(record.message(time, ticket)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return BoundedSends.Outcome.nothingSent(records.size(), e);
        }
    }

    /** A value as the JSON text the record carries. */
    public String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** The part of a 503's detail that says what became of the records: a client may resend them all, safely. */
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
}
