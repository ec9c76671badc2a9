package io.saasreport.ingest.feed;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * At most {@code perSecond} requests in any one-second window, as the server counts them. A request holds its slot
 * from the moment it is sent until one second after its answer came back: the server saw it somewhere in between, so
 * however the network delays each request, no second as the server measures it holds more than {@code perSecond}.
 */
public final class FairAccessLimiter {

    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final int perSecond;
    private final LongSupplier nanoClock;
    private final Deque<Long> finished = new ArrayDeque<>();
    private int inFlight;

    public FairAccessLimiter(int perSecond) {
        this(perSecond, System::nanoTime);
    }

    FairAccessLimiter(int perSecond, LongSupplier nanoClock) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("perSecond must be positive, was " + perSecond);
        }
        this.perSecond = perSecond;
        this.nanoClock = nanoClock;
    }

    /** Waits for a slot; pair with {@link #release()} once the answer has been read. */
    public synchronized void acquire() throws InterruptedException {
        long waitNanos;
        while ((waitNanos = tryAcquire(nanoClock.getAsLong())) != 0) {
            if (waitNanos < 0) {
                wait();
            } else {
                wait(Math.max(1, waitNanos / 1_000_000));
            }
        }
    }

    /**
     * Takes a slot at {@code now} and answers 0, or answers how long until one frees (-1: when a request in flight
     * is answered).
     */
    synchronized long tryAcquire(long now) {
        while (!finished.isEmpty() && now - finished.peekFirst() >= WINDOW_NANOS) {
            finished.removeFirst();
        }
        if (inFlight + finished.size() < perSecond) {
            inFlight++;
            return 0;
        }
        return finished.isEmpty() ? -1 : WINDOW_NANOS - (now - finished.peekFirst());
    }

    public synchronized void release() {
        inFlight--;
        finished.addLast(nanoClock.getAsLong());
        notifyAll();
    }
}
