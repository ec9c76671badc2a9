package io.saasreport.report.listener;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.saasreport.report.service.UniverseSnapshots;

/** Keeps the latest universe statistics ({@code metrics.universe}) and their history in the database. */
@ApplicationScoped
public class UniverseStatisticsListener {

    /** Bound to the {@code metrics.universe} topic in application.properties. */
    public static final String CHANNEL = "universe-metrics";

    private final UniverseSnapshots snapshots;

    UniverseStatisticsListener(UniverseSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Incoming(CHANNEL)
    @Transactional
    public void onUniverseStatistics(String payload) {
        snapshots.store(payload);
    }
}
