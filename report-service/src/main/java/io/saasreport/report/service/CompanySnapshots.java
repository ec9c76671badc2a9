package io.saasreport.report.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.saasreport.report.domain.CompanyHistoryPoint;
import io.saasreport.report.domain.CompanySnapshot;
import io.saasreport.report.domain.CompanyMetrics;
import io.saasreport.report.record.SnapshotJson;

/** The companies' stored history (their current figures are served from memory: ReportView). */
@ApplicationScoped
public class CompanySnapshots {

    private final SnapshotJson json;

    CompanySnapshots(SnapshotJson json) {
        this.json = json;
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
