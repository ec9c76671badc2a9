package io.saasreport.report.consume;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.HealthGroup;

/**
 * Whether this instance's writers keep the database up to date: each writer's state, lag and time since its last
 * stored batch, and whether the database answers. Its own group ({@value #GROUP}), not readiness: a writer held back
 * (the database away, a batch being retried) must not take an instance whose view answers reads out of the load
 * balancer. An operator watches this check and its meters instead.
 */
@HealthGroup(WritersHealth.GROUP)
@ApplicationScoped
public class WritersHealth implements HealthCheck {

    public static final String GROUP = "writers";
    public static final String NAME = "Report writers";
    private static final int DATABASE_PROBE_SECONDS = 2;

    private final ReportConsumers consumers;
    private final DataSource dataSource;
    private final Clock clock;

    WritersHealth(ReportConsumers consumers, DataSource dataSource, Clock clock) {
        this.consumers = consumers;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
        for (BatchConsumer writer : consumers.writers()) {
            BatchConsumer.Failure failure = writer.failure();
            if (failure == null) {
                long seconds = Duration.between(writer.lastStored(), clock.instant()).toSeconds();
                response.withData(writer.name(), "storing; lag " + writer.lag() + ", last batch stored " + seconds + " s ago");
            } else {
                response.down().withData(writer.name(), "retrying since " + failure.since() + " (" + failure.attempts()
                        + " attempts): " + failure.reason());
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(DATABASE_PROBE_SECONDS)) {
                response.withData("database", "answering");
            } else {
                response.down().withData("database", "no answer within " + DATABASE_PROBE_SECONDS + " s");
            }
        } catch (SQLException e) {
            response.down().withData("database", "unreachable: " + e.getMessage());
        }
        return response.build();
    }
}
