package io.saasreport.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The supervisor's wait before each restart: doubling from 1 s, never above 30 s (StackSupervisionSystemTest: a restart). */
class SupervisorBackoffTest {

    @Test
    void doublesFromOneSecondUpToThirty() {
        assertEquals(Duration.ofSeconds(1), Supervisor.backoff(0));
        assertEquals(Duration.ofSeconds(2), Supervisor.backoff(1));
        assertEquals(Duration.ofSeconds(16), Supervisor.backoff(4));
        assertEquals(Duration.ofSeconds(30), Supervisor.backoff(5));
        assertEquals(Duration.ofSeconds(30), Supervisor.backoff(40));
    }
}
