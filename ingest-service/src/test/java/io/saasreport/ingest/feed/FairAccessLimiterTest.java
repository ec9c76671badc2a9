package io.saasreport.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The limiter on a clock the test moves: a slot is held from sending until a second after the answer. */
class FairAccessLimiterTest {

    private static final long MS = 1_000_000L;

    private final AtomicLong now = new AtomicLong(5_000 * MS);
    private final FairAccessLimiter limiter = new FairAccessLimiter(10, now::get);

    @Test
    void tenRequestsAtOnceThenTheEleventhWaitsForASecondAfterTheFirstAnswer() {
        for (int i = 0; i < 10; i++) {
            assertEquals(0, limiter.tryAcquire(now.get()));
        }
        assertEquals(-1, limiter.tryAcquire(now.get()), "all ten in flight: wait for an answer");
        now.addAndGet(300 * MS);
        limiter.release();
        assertEquals(1_000 * MS, limiter.tryAcquire(now.get()), "the answered one holds its slot a second longer");
        now.addAndGet(999 * MS);
        assertEquals(MS, limiter.tryAcquire(now.get()));
        now.addAndGet(MS);
        assertEquals(0, limiter.tryAcquire(now.get()));
    }

    @Test
    void aSlowAnswerStillCountsAgainstTheSecondItArrivedIn() {
        for (int i = 0; i < 10; i++) {
            assertEquals(0, limiter.tryAcquire(now.get()));
            now.addAndGet(10 * MS);
            limiter.release();
        }
        // Ten answered within 100 ms: the eleventh goes a second after the first answer, not a second after it was sent.
        assertEquals(910 * MS, limiter.tryAcquire(now.get()));
    }

    @Test
    void refusesANonPositiveRate() {
        assertThrows(IllegalArgumentException.class, () -> new FairAccessLimiter(0));
    }
}
