package io.saasreport.metrics.health;

import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

import io.saasreport.metrics.service.StreamThreadRecovery;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Alive unless Kafka Streams is beyond recovery: ERROR (a fatal error shut it down, see {@link StreamThreadRecovery}),
 * or shutting down or stopped without being asked to. Starting, rebalancing and running through a broker outage are
 * alive: a restart would only restore the same state again.
 */
@Liveness
@ApplicationScoped
public class StreamsLivenessCheck implements HealthCheck {

    private final KafkaStreams streams;
    private final StreamThreadRecovery recovery;

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
        HealthCheckResponseBuilder response = HealthCheckResponse.named("metrics-streams-alive").status(alive)
                .withData("state", state.name());
        StreamThreadRecovery.LastFailure last = recovery.lastFailure();
        if (last != null) {
            response.withData("lastThreadFailure", last.at() + (last.replaced() ? " replaced: " : " fatal: ") + last.cause());
        }
        return response.build();
    }
}
