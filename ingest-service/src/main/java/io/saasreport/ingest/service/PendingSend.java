package io.saasreport.ingest.service;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One outgoing message's place in the queue, carried as its metadata: the request that sent it may abandon it while
 * it still waits in the channel's buffer, and {@link AbandonedSendFilter} then drops it instead of handing it to the
 * producer. Once handed over, only Kafka decides (acknowledged or failed within the producer's timeouts).
 */
final class PendingSend {

    private static final int QUEUED = 0;
    private static final int HANDED = 1;
    private static final int ABANDONED = 2;

    private final AtomicInteger state = new AtomicInteger(QUEUED);

    /** Called as the message leaves the buffer for the producer: false if its request gave up on it first. */
    boolean hand() {
        return state.compareAndSet(QUEUED, HANDED);
    }

    /** Called by the request when its time is up: true if the message was still queued and now never will be sent. */
    boolean abandon() {
        return state.compareAndSet(QUEUED, ABANDONED);
    }

    boolean handed() {
        return state.get() == HANDED;
    }
}
