package io.saasreport.ingest.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.Readiness;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.saasreport.brokerhealth.BrokerContact;
import io.saasreport.brokerhealth.KafkaReadiness;
import io.saasreport.ingest.config.IngestConfig;
import io.smallrye.mutiny.Uni;

/**
 * Sends a request's messages so that its answer is the truth and the heap stays bounded while Kafka is away:
 * <ul>
 * <li>while the broker probe says Kafka is unreachable, nothing is queued: the request is refused at once;</li>
 * <li>at most {@link #MAX_QUEUED} messages wait in the service at a time (every channel's buffer is that large, so it
 * never overflows); a request waits for room until its deadline;</li>
 * <li>at {@code ingest.publish-timeout} the request gives up on its messages still queued ({@link PendingSend}: they
 * are dropped, never sent later) and waits for those already handed to the producer, which Kafka acknowledges or
 * fails within {@code ingest.send-outcome-timeout} (the producer's max.block.ms and delivery.timeout.ms).</li>
 * </ul>
 */
@ApplicationScoped
public class BoundedSends {

    /** Messages queued or in flight in this service at most: the size of every outgoing channel's buffer too. */
    public static final int MAX_QUEUED = 20_000;
    /** A large import takes room in windows of this many messages, so it never waits for more than exists. */
    static final int WINDOW = 1_000;

    /**
     * How a request's sending ended: how many messages Kafka acknowledged, how many were handed to the producer and
     * not acknowledged (a timeout does not prove Kafka did not write them: a frozen broker may append a request its
     * client gave up on), and the first failure if any. The others were never sent and never will be.
     */
    public record Outcome(int total, int published, int unconfirmed, Throwable failure) {
        public boolean complete() {
            return published == total;
        }

        static Outcome nothingSent(int total, Throwable failure) {
            return new Outcome(total, 0, 0, failure);
        }
    }

    private final Semaphore room = new Semaphore(MAX_QUEUED);
    private final Supplier<BrokerContact.Status> broker;
    private final Duration publishTimeout;
    private final Duration sendOutcomeTimeout;

    @Inject
    BoundedSends(IngestConfig config, @Readiness KafkaReadiness kafka, MeterRegistry registry) {
        this(kafka::status, config.publishTimeout(), config.sendOutcomeTimeout());
        Gauge.builder("ingest.sends.queued", this, BoundedSends::queued)
                .description("Events queued for Kafka or in flight, at most " + MAX_QUEUED)
                .register(registry);
    }

    BoundedSends(Supplier<BrokerContact.Status> broker, Duration publishTimeout, Duration sendOutcomeTimeout) {
        this.broker = broker;
        this.publishTimeout = publishTimeout;
        this.sendOutcomeTimeout = sendOutcomeTimeout;
    }

    /** Messages queued or in flight now (the {@code ingest.sends.queued} gauge). */
    public int queued() {
        return MAX_QUEUED - room.availablePermits();
    }

    /**
     * Sends each item through {@code send}, which must attach the ticket to the message's metadata, and answers once
     * each is acknowledged, failed, or dropped before it was handed over.
     */
    public <T> Outcome send(List<T> items, BiFunction<T, PendingSend, Uni<Void>> send) throws InterruptedException {
        int count = items.size();
        BrokerContact.Status kafka = broker.get();
        if (!kafka.reachable()) {
            return Outcome.nothingSent(count, new KafkaUnreachableException(kafka.detail()));
        }
        long deadline = System.nanoTime() + publishTimeout.toNanos();
        List<PendingSend> tickets = new ArrayList<>(count);
        List<CompletableFuture<Void>> outcomes = new ArrayList<>(count);
        Throwable refused = null;
        for (int from = 0; from < count && refused == null; from += WINDOW) {
            int size = Math.min(WINDOW, count - from);
            if (!room.tryAcquire(size, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                refused = new TimeoutException("no room among the " + MAX_QUEUED + " messages queued for Kafka within "
                        + publishTimeout.toSeconds() + " s");
                break;
            }
            for (int i = 0; i < size; i++) {
                PendingSend ticket = new PendingSend();
                // The room is given back before the outcome counts as known.
                CompletableFuture<Void> outcome = send.apply(items.get(from + i), ticket).subscribeAsCompletionStage()
                        .whenComplete((ok, failure) -> room.release());
                tickets.add(ticket);
                outcomes.add(outcome);
            }
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new));
        try {
            all.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException stillOpen) {
            // Too late for the queued ones: they will never be sent. The handed ones end within the producer's bounds.
            tickets.forEach(PendingSend::abandon);
            awaitHanded(tickets, outcomes);
        }
        return outcome(count, tickets, outcomes, refused);
    }

    private void awaitHanded(List<PendingSend> tickets, List<CompletableFuture<Void>> outcomes) throws InterruptedException {
        List<CompletableFuture<Void>> handed = new ArrayList<>();
        for (int i = 0; i < tickets.size(); i++) {
            if (tickets.get(i).handed()) {
                handed.add(outcomes.get(i));
            }
        }
        try {
            CompletableFuture.allOf(handed.toArray(CompletableFuture[]::new))
                    .get(sendOutcomeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Failures are counted below; a send still open past the producer's own bounds is reported as not published.
        }
    }

    private static Outcome outcome(int count, List<PendingSend> tickets, List<CompletableFuture<Void>> outcomes,
            Throwable refused) {
        int published = 0;
        int unconfirmed = 0;
        Throwable failure = refused;
        for (int i = 0; i < outcomes.size(); i++) {
            CompletableFuture<Void> outcome = outcomes.get(i);
            if (outcome.isDone() && !outcome.isCompletedExceptionally()) {
                published++;
                continue;
            }
            if (tickets.get(i).handed()) {
                unconfirmed++;
            }
            if (failure == null) {
                failure = outcome.isDone() ? outcome.handle((ok, e) -> e).join()
                        : new TimeoutException("no answer from Kafka in time");
            }
        }
        return new Outcome(count, published, unconfirmed, failure);
    }

    /** Kafka was known to be away before anything was sent. */
    public static final class KafkaUnreachableException extends RuntimeException {
        KafkaUnreachableException(String detail) {
            super("Kafka is unreachable (" + detail + ")");
        }
    }
}
