package io.saasreport.report.view;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the in-memory view is loaded: from then on the instance answers the figures, whatever its writers or the
 * database do (their state is the writers' own check, WritersHealth). The one readiness check a load balancer needs.
 */
@Readiness
@ApplicationScoped
public class ReadsReadiness implements HealthCheck {

    public static final String NAME = "Report reads";

    private final ReportView view;

    ReadsReadiness(ReportView view) {
        this.view = view;
    }

    @Override
    public HealthCheckResponse call() {
        if (!view.loaded()) {
            return HealthCheckResponse.named(NAME).down().withData("view", "loading from the database").build();
        }
        return HealthCheckResponse.named(NAME).up().withData("view", view.current().companies().size() + " companies").build();
    }
}
