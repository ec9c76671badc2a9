package io.saasreport.metrics.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

import io.saasreport.metrics.service.StreamThreadRecovery;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Alive unless Kafka Streams is beyond recovery: ERROR (a fatal error shut it down, see {@link StreamThreadRecovery}),
 * shutting down or stopped without being asked to, or a stream thread that has been shutting down for longer than
 * {@link #SHUTDOWN_BOUND} (it holds the group's rebalance and its tasks, so its replacement never gets work). Starting,
 * rebalancing and running through a broker outage are alive: a restart would only restore the same state again.
 */
@Liveness
@ApplicationScoped
public class StreamsLivenessCheck implements HealthCheck {

    /**
     * Longer than a replaced thread's shutdown takes with the broker away (its producer's abort waits up to
     * {@code max.block.ms}, 60 s, its consumer's close 30 s), and as long as {@code max.poll.interval.ms} (5 min),
     * after which the group stops waiting for it anyway.
     */
    static final Duration SHUTDOWN_BOUND = Duration.ofMinutes(5);

    private final KafkaStreams streams;
    private final StreamThreadRecovery recovery;
    private final ThreadShutdownWatch shutdowns = new ThreadShutdownWatch(SHUTDOWN_BOUND);

    public StreamsLivenessCheck(KafkaStreams streams, StreamThreadRecovery recovery) {
        this.streams = streams;
        this.recovery = recovery;
    }

    @Override
    public HealthCheckResponse call() {
        KafkaStreams.State state = streams.state();
        boolean alive = switch (state) {
            case CREATED, REBALANCING, RUNNING -> true;
            case PENDING_SHUTDOWN, NOT_RUNNING, PENDING_ERROR, ERROR -> false;
        };
        Optional<String> stuck = state.isRunningOrRebalancing() ? shutdowns.stuck(threadStates(), Instant.now())
                : Optional.empty();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("metrics-streams-alive")
                .status(alive && stuck.isEmpty())
                .withData("state", state.name());
        stuck.ifPresent(thread -> response.withData("stuckThread", thread));
        StreamThreadRecovery.LastFailure last = recovery.lastFailure();
        if (last != null) {
            response.withData("lastThreadFailure", last.at() + (last.replaced() ? " replaced: " : " fatal: ") + last.cause());
        }
        return response.build();
    }

    private Map<String, String> threadStates() {
        try {
            return streams.metadataForLocalThreads().stream()
                    .collect(Collectors.toMap(ThreadMetadata::threadName, ThreadMetadata::threadState, (a, b) -> b));
        } catch (IllegalStateException e) {
            return Map.of(); // the client left RUNNING or REBALANCING meanwhile: its state says the rest
        }
    }
}
