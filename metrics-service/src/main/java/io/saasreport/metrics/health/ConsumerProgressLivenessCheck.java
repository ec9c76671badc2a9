package io.saasreport.metrics.health;

import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import io.saasreport.metrics.service.MetricsProcessor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Down when one batch of events has been in flight for longer than the limit: the consumer is stuck (say the
 * database has been failing for minutes), and a restart resumes from the stored offsets.
 */
@Liveness
@ApplicationScoped
public class ConsumerProgressLivenessCheck implements HealthCheck {

    private final MetricsProcessor processor;
    private final Duration limit;

    public ConsumerProgressLivenessCheck(MetricsProcessor processor,
            @ConfigProperty(name = "metrics.stuck-consumer-after", defaultValue = "PT2M") Duration limit) {
        this.processor = processor;
        this.limit = limit;
    }

    @Override
    public HealthCheckResponse call() {
        Duration inFlight = processor.inFlightFor();
        boolean stuck = inFlight != null && inFlight.compareTo(limit) > 0;
        return HealthCheckResponse.named("metrics-consumer-progress")
                .status(!stuck)
                .withData("inFlightMillis", inFlight == null ? 0 : inFlight.toMillis())
                .build();
    }
}
