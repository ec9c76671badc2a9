package io.saasreport.report.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.saasreport.report.domain.HistoryResolution;
import io.saasreport.report.record.SnapshotJson;

/** The companies' stored history (their current figures are served from memory: ReportView). */
@ApplicationScoped
public class CompanySnapshots {

    private final SnapshotJson json;
    private final HistoryStore history;

    CompanySnapshots(SnapshotJson json, HistoryStore history) {
        this.json = json;
        this.history = history;
    }

    /**
     * The company's points of one resolution between the bounds (inclusive, either may be null), the newest
     * {@code limit}, oldest first: as a JSON array of its figures, joined from the stored texts (a point stored
     * before they were stored as served is written again).
     */
    public String history(String ticker, HistoryResolution resolution, Instant from, Instant to, int limit) {
        List<HistoryStore.StoredPoint> points = history.between(HistoryStore.Series.COMPANY, ticker, resolution, from, to, limit);
        StringBuilder array = new StringBuilder(2 + points.stream().mapToInt(point -> point.payload().length() + 1).sum());
        array.append('[');
        for (HistoryStore.StoredPoint point : points) {
            if (array.length() > 1) {
                array.append(',');
            }
            array.append(point.asServed() ? point.payload() : json.companyAsServed(point.payload()));
        }
        return array.append(']').toString();
    }

    /** Whether any point of the company is stored (it may have been removed from the current figures since). */
    public boolean hasHistory(String ticker) {
        return history.holds(HistoryStore.Series.COMPANY, ticker);
    }

    public long estimatedHistoryRows() {
        return history.estimatedRows(HistoryStore.Series.COMPANY);
    }
}
