package io.saasreport.report.consume;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.saasreport.report.view.ReportView;

/**
 * Ready once the view is loaded and while every writer keeps up. A writer retrying a batch (the database is away)
 * makes the instance not ready; it becomes ready again by itself once the batch is stored.
 */
@Readiness
@ApplicationScoped
public class ConsumersReadiness implements HealthCheck {

    public static final String NAME = "Report consumers";

    private final ReportConsumers consumers;
    private final ReportView view;

    ConsumersReadiness(ReportConsumers consumers, ReportView view) {
        this.consumers = consumers;
        this.view = view;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
        if (!view.loaded()) {
            response.down().withData("view", "loading from the database");
        } else {
            response.withData("view", view.current().companies().size() + " companies");
        }
        for (BatchConsumer writer : consumers.writers()) {
            BatchConsumer.Failure failure = writer.failure();
            if (failure == null) {
                response.withData(writer.name(), "storing");
            } else {
                response.down().withData(writer.name(), "retrying since " + failure.since() + " (" + failure.attempts()
                        + " attempts): " + failure.reason());
            }
        }
        return response.build();
    }
}
