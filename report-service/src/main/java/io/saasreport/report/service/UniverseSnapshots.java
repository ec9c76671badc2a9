package io.saasreport.report.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.saasreport.report.domain.HistoryResolution;
import io.saasreport.report.domain.UniverseStatistics;
import io.saasreport.report.record.SnapshotJson;

/** The universe statistics' stored history (the current statistics are served from memory: ReportView). */
@ApplicationScoped
public class UniverseSnapshots {

    private final SnapshotJson json;
    private final HistoryStore history;

    UniverseSnapshots(SnapshotJson json, HistoryStore history) {
        this.json = json;
        this.history = history;
    }

    /** One universe's points of one resolution between the bounds (inclusive, either may be null): the newest {@code limit}, oldest first. */
    public List<UniverseStatistics> history(String universe, HistoryResolution resolution, Instant from, Instant to, int limit) {
        return history.between(HistoryStore.Series.UNIVERSE, universe, resolution, from, to, limit).stream()
                .map(point -> json.universe(point.json())).toList();
    }

    public long estimatedHistoryRows() {
        return history.estimatedRows(HistoryStore.Series.UNIVERSE);
    }
}
