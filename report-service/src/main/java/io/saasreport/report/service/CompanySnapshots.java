package io.saasreport.report.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.saasreport.report.domain.CompanyField;
import io.saasreport.report.domain.CompanyHistoryPoint;
import io.saasreport.report.domain.CompanyMetrics;
import io.saasreport.report.domain.CompanySnapshot;
import io.saasreport.report.domain.GrowthBucket;
import io.saasreport.report.domain.SortOrder;

/** Each company's latest published metrics and their history, kept in PostgreSQL. */
@ApplicationScoped
public class CompanySnapshots {

    private static final Logger LOG = Logger.getLogger(CompanySnapshots.class);

    private final SnapshotJson json;
    private final Clock clock;

    CompanySnapshots(SnapshotJson json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /**
     * Stores a published {@code metrics.company} value. A value older (by {@code asOf}) than the one held is a
     * replay and changes nothing; a value that moves a figure also becomes a history point.
     */
    @Transactional
    public void store(String payload) {
        CompanyMetrics metrics = json.company(payload);
        CompanySnapshot snapshot = CompanySnapshot.findById(metrics.ticker());
        if (snapshot != null && metrics.asOf().isBefore(snapshot.asOf)) {
            LOG.debugf("Ignoring metrics of %s as of %s: %s is held", metrics.ticker(), metrics.asOf(), snapshot.asOf);
            return;
        }
        if (snapshot == null) {
            snapshot = new CompanySnapshot();
            snapshot.ticker = metrics.ticker();
        }
        snapshot.name = metrics.name();
        snapshot.asOf = metrics.asOf();
        snapshot.growthBucket = GrowthBucket.of(metrics.ntmGrowth()).orElse(null);
        snapshot.payload = payload;
        snapshot.storedAt = clock.instant();
        snapshot.persist();
        recordInHistory(metrics, payload);
    }

    /** A tombstone on the compacted topic: the company left the universe (its history stays). */
    @Transactional
    public void remove(String ticker) {
        CompanySnapshot.deleteById(ticker);
    }

    private void recordInHistory(CompanyMetrics metrics, String payload) {
        Optional<CompanyMetrics> previous = CompanyHistoryPoint.latest(metrics.ticker()).map(point -> json.company(point.payload));
        if (previous.isPresent() && json.sameFigures(previous.get(), metrics)) {
            return;
        }
        CompanyHistoryPoint point = new CompanyHistoryPoint();
        point.ticker = metrics.ticker();
        point.asOf = metrics.asOf();
        point.payload = payload;
        point.persist();
    }

    /** Every known company (or those of one growth bucket), ordered by {@code field}, unknown values last. */
    @Transactional
    public List<CompanyMetrics> current(Optional<GrowthBucket> bucket, CompanyField field, SortOrder order) {
        List<CompanySnapshot> snapshots = bucket.map(CompanySnapshot::inBucket).orElseGet(CompanySnapshot::allByTicker);
        return snapshots.stream()
                .map(snapshot -> json.company(snapshot.payload))
                .sorted(field.ordering(order))
                .toList();
    }

    @Transactional
    public Optional<CompanyMetrics> current(String ticker) {
        return CompanySnapshot.<CompanySnapshot>findByIdOptional(ticker).map(snapshot -> json.company(snapshot.payload));
    }

    /** The company's history between the bounds (inclusive, either may be null), oldest first. */
    @Transactional
    public List<CompanyMetrics> history(String ticker, Instant from, Instant to) {
        return CompanyHistoryPoint.between(ticker, from, to).stream().map(point -> json.company(point.payload)).toList();
    }

    @Transactional
    public boolean isKnown(String ticker) {
        return CompanySnapshot.findByIdOptional(ticker).isPresent() || CompanyHistoryPoint.count("ticker", ticker) > 0;
    }

    @Transactional
    public long historyRows() {
        return CompanyHistoryPoint.count();
    }
}
