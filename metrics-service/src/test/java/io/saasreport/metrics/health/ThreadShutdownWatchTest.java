package io.saasreport.metrics.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** When a stream thread's shutdown counts as stuck (liveness DOWN), as the probe sees the threads over time. */
class ThreadShutdownWatchTest {

    private static final Instant T0 = Instant.parse("2026-12-07T00:00:00Z");
    private static final String OLD = "metrics-service-1-StreamThread-1";
    private static final String NEW = "metrics-service-1-StreamThread-2";

    @Test
    void aReplacedThreadStillShuttingDownAfterTheBoundIsStuck() {
        ThreadShutdownWatch watch = new ThreadShutdownWatch(Duration.ofMinutes(5));
        Map<String, String> replacing = Map.of(OLD, "PENDING_SHUTDOWN", NEW, "STARTING");

        assertEquals(Optional.empty(), watch.stuck(replacing, T0));
        assertEquals(Optional.empty(), watch.stuck(replacing, T0.plusSeconds(299)));
        assertEquals(Optional.of(OLD + " shutting down for 300 s"), watch.stuck(replacing, T0.plusSeconds(300)));
    }

    @Test
    void aThreadThatFinishedItsShutdownIsForgotten() {
        ThreadShutdownWatch watch = new ThreadShutdownWatch(Duration.ofMinutes(5));
        watch.stuck(Map.of(OLD, "PENDING_SHUTDOWN", NEW, "STARTING"), T0);
        // The old thread is gone (DEAD threads leave the metadata), the new one runs.
        assertEquals(Optional.empty(), watch.stuck(Map.of(NEW, "RUNNING"), T0.plusSeconds(60)));
        // Should a thread of that name shut down again later, its time starts afresh.
        assertEquals(Optional.empty(), watch.stuck(Map.of(OLD, "PENDING_SHUTDOWN"), T0.plusSeconds(400)));
        assertEquals(Optional.of(OLD + " shutting down for 300 s"), watch.stuck(Map.of(OLD, "PENDING_SHUTDOWN"), T0.plusSeconds(700)));
    }

    @Test
    void runningAndRebalancingThreadsAreNeverStuck() {
        ThreadShutdownWatch watch = new ThreadShutdownWatch(Duration.ofMinutes(5));
        Map<String, String> busy = Map.of(OLD, "PARTITIONS_ASSIGNED", NEW, "RUNNING");
        assertEquals(Optional.empty(), watch.stuck(busy, T0));
        assertEquals(Optional.empty(), watch.stuck(busy, T0.plus(Duration.ofHours(1))));
    }
}
