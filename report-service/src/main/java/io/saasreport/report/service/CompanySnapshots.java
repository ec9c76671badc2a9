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
     * {@code limit}, oldest first: a JSON array of its figures, UTF-8, joined from the stored texts as they come from
     * the database (a point stored before they were stored as served is written again).
     */
    public byte[] history(String ticker, HistoryResolution resolution, Instant from, Instant to, int limit) {
        List<byte[]> points = history.between(HistoryStore.Series.COMPANY, ticker, resolution, from, to, limit).stream()
                .map(point -> point.asServed() ? point.json() : json.companyAsServed(point.json())).toList();
        int commas = Math.max(points.size() - 1, 0);
        byte[] array = new byte[2 + commas + points.stream().mapToInt(point -> point.length).sum()];
        array[0] = '[';
        int at = 1;
        for (byte[] point : points) {
            if (at > 1) {
                array[at++] = ',';
            }
            System.arraycopy(point, 0, array, at, point.length);
            at += point.length;
        }
        array[at] = ']';
        return array;
    }

    /** Whether any point of the company is stored (it may have been removed from the current figures since). */
    public boolean hasHistory(String ticker) {
        return history.holds(HistoryStore.Series.COMPANY, ticker);
    }

    public long estimatedHistoryRows() {
        return history.estimatedRows(HistoryStore.Series.COMPANY);
    }
}
