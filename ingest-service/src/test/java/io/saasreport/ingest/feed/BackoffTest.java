package io.saasreport.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(1));

    @Test
    void doublesUpToTheCeiling() {
        assertEquals(Duration.ofSeconds(2), backoff.after(1, Optional.empty()));
        assertEquals(Duration.ofSeconds(4), backoff.after(2, Optional.empty()));
        assertEquals(Duration.ofSeconds(32), backoff.after(5, Optional.empty()));
        assertEquals(Duration.ofMinutes(1), backoff.after(6, Optional.empty()));
        assertEquals(Duration.ofMinutes(1), backoff.after(1_000, Optional.empty()));
    }

    @Test
    void waitsAtLeastWhatTheSourceAsksButNeverBeyondTheCeiling() {
        assertEquals(Duration.ofSeconds(10), backoff.after(1, Optional.of(Duration.ofSeconds(10))));
        assertEquals(Duration.ofSeconds(4), backoff.after(2, Optional.of(Duration.ofSeconds(1))));
        assertEquals(Duration.ofMinutes(1), backoff.after(1, Optional.of(Duration.ofDays(1))));
    }
}
