package io.saasreport.metrics.health;

import java.util.stream.Collectors;

import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Ready while Kafka Streams is RUNNING: its tasks are assigned and restored. REBALANCING (tasks moving, state
 * restoring) and anything after an ERROR are not ready. Liveness is {@link StreamsLivenessCheck} (down only beyond
 * recovery).
 */
@Readiness
@ApplicationScoped
public class StreamsReadinessCheck implements HealthCheck {

    private final KafkaStreams streams;

    public StreamsReadinessCheck(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public HealthCheckResponse call() {
        KafkaStreams.State state = streams.state();
        return HealthCheckResponse.named("metrics-streams-state")
                .status(state == KafkaStreams.State.RUNNING)
                .withData("state", state.name())
                .withData("activeTasks", tasks(true))
                .withData("standbyTasks", tasks(false))
                .build();
    }

    /** Task ids, e.g. "0_1" (stage 1, partition 1) or "1_0" (the universe): which instance does what. */
    private String tasks(boolean active) {
        if (!streams.state().isRunningOrRebalancing()) {
            return "";
        }
        return streams.metadataForLocalThreads().stream()
                .flatMap(thread -> (active ? thread.activeTasks() : thread.standbyTasks()).stream())
                .map(task -> task.taskId().toString())
                .sorted()
                .collect(Collectors.joining(","));
    }
}
