package io.saasreport.metrics.health;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers since when each stream thread has been shutting down, as the liveness probe sees it, and names one that
 * has been at it for longer than the bound. A thread replaced after a failure closes its clients and leaves; one that
 * never finishes keeps its group membership and its tasks' locks, so its replacement never gets work: only a restart
 * helps. (Kafka Streams 4.1.1 waits forever for a dead state-updater thread to hand back its tasks.)
 */
final class ThreadShutdownWatch {

    private static final String SHUTTING_DOWN = "PENDING_SHUTDOWN";

    private final Duration bound;
    private final Map<String, Instant> shuttingDownSince = new HashMap<>();

    ThreadShutdownWatch(Duration bound) {
        this.bound = bound;
    }

    /** {@code threadStates}: each stream thread's name and state now. A thread stuck shutting down, with for how long. */
    synchronized Optional<String> stuck(Map<String, String> threadStates, Instant now) {
        shuttingDownSince.keySet().removeIf(thread -> !SHUTTING_DOWN.equals(threadStates.get(thread)));
        String stuck = null;
        for (Map.Entry<String, String> thread : threadStates.entrySet()) {
            if (!SHUTTING_DOWN.equals(thread.getValue())) {
                continue;
            }
            Instant since = shuttingDownSince.computeIfAbsent(thread.getKey(), name -> now);
            Duration shuttingDown = Duration.between(since, now);
            if (shuttingDown.compareTo(bound) >= 0) {
                stuck = thread.getKey() + " shutting down for " + shuttingDown.toSeconds() + " s";
            }
        }
        return Optional.ofNullable(stuck);
    }
}
