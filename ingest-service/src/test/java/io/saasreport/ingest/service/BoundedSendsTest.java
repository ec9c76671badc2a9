package io.saasreport.ingest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.saasreport.brokerhealth.BrokerContact;
import io.smallrye.mutiny.Uni;

/** The answer a request gets is the truth about its messages, without a broker: the channel is simulated. */
class BoundedSendsTest {

    private static final BrokerContact.Status REACHABLE = new BrokerContact.Status(true, Instant.now(), "answering");
    private static final Duration DEADLINE = Duration.ofMillis(300);

    @Test
    void nothingIsQueuedWhileKafkaIsKnownToBeAway() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        BoundedSends sends = new BoundedSends(() -> new BrokerContact.Status(false, Instant.now(), "no answer within 2000 ms"),
                DEADLINE, Duration.ofSeconds(5));

        BoundedSends.Outcome outcome = sends.send(List.of("a", "b"), (item, ticket) -> {
            sent.incrementAndGet();
            return Uni.createFrom().voidItem();
        });

        assertEquals(0, sent.get(), "nothing handed to a channel");
        assertEquals(new BoundedSends.Outcome(2, 0, 0, outcome.failure()), outcome);
        assertEquals("none was published and none of the others will be: sending the request again is safe",
                RecordSender.whatWasPublished(outcome));
        assertInstanceOf(BoundedSends.KafkaUnreachableException.class, outcome.failure());
        assertTrue(outcome.failure().getMessage().contains("no answer within 2000 ms"), outcome.failure().getMessage());
    }

    @Test
    void messagesStillQueuedAtTheDeadlineAreAbandonedAndCanNeverBeSent() throws Exception {
        List<PendingSend> tickets = new CopyOnWriteArrayList<>();
        BoundedSends sends = new BoundedSends(() -> REACHABLE, DEADLINE, Duration.ofSeconds(5));

        // A channel that never takes its messages (its sink is stuck on a broker that went away).
        BoundedSends.Outcome outcome = sends.send(List.of("a", "b", "c"), (item, ticket) -> {
            tickets.add(ticket);
            return Uni.createFrom().nothing();
        });

        assertEquals(new BoundedSends.Outcome(3, 0, 0, outcome.failure()), outcome, "never sent: not unconfirmed");
        assertFalse(outcome.complete());
        assertEquals(3, tickets.size());
        for (PendingSend ticket : tickets) {
            assertFalse(ticket.hand(), "the filter drops an abandoned message instead of sending it");
        }
    }

    @Test
    void aMessageHandedOverBeforeTheDeadlineIsWaitedForAndItsAcknowledgementCounts() throws Exception {
        BoundedSends sends = new BoundedSends(() -> REACHABLE, DEADLINE, Duration.ofSeconds(5));

        // Handed to the producer at once, acknowledged well after the request's deadline.
        BoundedSends.Outcome outcome = sends.send(List.of("a"), (item, ticket) -> {
            assertTrue(ticket.hand());
            return Uni.createFrom().voidItem().onItem().delayIt().by(DEADLINE.multipliedBy(3));
        });

        assertEquals(new BoundedSends.Outcome(1, 1, 0, null), outcome, "acknowledged: the request answers 202, honestly");
        assertEquals(0, sends.queued(), "room given back");
    }

    @Test
    void aFailedSendIsReportedWithItsCauseAndTheOthersCounted() throws Exception {
        BoundedSends sends = new BoundedSends(() -> REACHABLE, DEADLINE, Duration.ofSeconds(5));

        BoundedSends.Outcome outcome = sends.send(List.of("ok", "fails", "ok"), (item, ticket) -> {
            ticket.hand();
            return item.equals("ok") ? Uni.createFrom().voidItem()
                    : Uni.createFrom().failure(new IllegalStateException("Topic market.macro not present in metadata"));
        });

        assertEquals(new BoundedSends.Outcome(3, 2, 1, outcome.failure()), outcome, "the failed one was handed over");
        assertEquals("2 of 3 were published; 1 were sent but not acknowledged, and Kafka may still have written them: "
                + "sending the request again is safe (an event applied twice changes no figure)",
                RecordSender.whatWasPublished(outcome));
        assertEquals("Topic market.macro not present in metadata", RecordSender.cause(outcome.failure()));
        assertEquals(0, sends.queued());
    }
}
