package io.saasreport.report.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.saasreport.report.domain.UniverseHistoryPoint;
import io.saasreport.report.domain.UniverseSnapshot;
import io.saasreport.report.domain.UniverseStatistics;

/** The latest published universe statistics and their history, kept in PostgreSQL. */
@ApplicationScoped
public class UniverseSnapshots {

    private static final Logger LOG = Logger.getLogger(UniverseSnapshots.class);

    private final SnapshotJson json;
    private final Clock clock;

    UniverseSnapshots(SnapshotJson json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /**
     * Stores a published {@code metrics.universe} value. A value older (by {@code asOf}) than the one held is a
     * replay and changes nothing; a value that moves a figure also becomes a history point.
     */
    @Transactional
    public void store(String payload) {
        UniverseStatistics statistics = json.universe(payload);
        UniverseSnapshot snapshot = UniverseSnapshot.findById(UniverseSnapshot.KEY);
        if (snapshot != null && statistics.asOf().isBefore(snapshot.asOf)) {
            LOG.debugf("Ignoring universe statistics as of %s: %s is held", statistics.asOf(), snapshot.asOf);
            return;
        }
        if (snapshot == null) {
            snapshot = new UniverseSnapshot();
            snapshot.id = UniverseSnapshot.KEY;
        }
        snapshot.asOf = statistics.asOf();
        snapshot.payload = payload;
        snapshot.storedAt = clock.instant();
        snapshot.persist();
        recordInHistory(statistics, payload);
    }

    private void recordInHistory(UniverseStatistics statistics, String payload) {
        Optional<UniverseStatistics> previous = UniverseHistoryPoint.latest().map(point -> json.universe(point.payload));
        if (previous.isPresent() && json.sameFigures(previous.get(), statistics)) {
            return;
        }
        UniverseHistoryPoint point = new UniverseHistoryPoint();
        point.asOf = statistics.asOf();
        point.payload = payload;
        point.persist();
    }

    @Transactional
    public Optional<UniverseStatistics> current() {
        return UniverseSnapshot.current().map(snapshot -> json.universe(snapshot.payload));
    }

    /** The statistics between the bounds (inclusive, either may be null), oldest first. */
    @Transactional
    public List<UniverseStatistics> history(Instant from, Instant to) {
        return UniverseHistoryPoint.between(from, to).stream().map(point -> json.universe(point.payload)).toList();
    }

    @Transactional
    public long historyRows() {
        return UniverseHistoryPoint.count();
    }
}
