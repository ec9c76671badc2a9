package io.saasreport.report.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.saasreport.report.domain.UniverseHistoryPoint;
import io.saasreport.report.domain.UniverseStatistics;
import io.saasreport.report.record.SnapshotJson;

/** The universe statistics' stored history (the current statistics are served from memory: ReportView). */
@ApplicationScoped
public class UniverseSnapshots {

    private final SnapshotJson json;

    UniverseSnapshots(SnapshotJson json) {
        this.json = json;
    }

    /** One universe's statistics between the bounds (inclusive, either may be null), oldest first. */
    @Transactional
    public List<UniverseStatistics> history(String universe, Instant from, Instant to) {
        return UniverseHistoryPoint.between(universe, from, to).stream().map(point -> json.universe(point.payload))
                .toList();
    }

    @Transactional
    public long historyRows() {
        return UniverseHistoryPoint.count();
    }
}
