package io.saasreport.report.service;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.saasreport.report.domain.CompanySnapshot;
import io.saasreport.report.domain.Filing;
import io.saasreport.report.domain.QuarterlyReport;
import io.saasreport.report.domain.StoredFiling;
import io.saasreport.report.record.SnapshotJson;

/** The companies' filed quarters ({@code company.filings}) and the quarterly-reports view built from them. */
@ApplicationScoped
public class Filings {

    private static final int QUARTERS_PER_YEAR = 4;

    private final SnapshotJson json;

    Filings(SnapshotJson json) {
        this.json = json;
    }

    /** Each company's latest quarter with its headline figures, most recently filed first. */
    @Transactional
    public List<QuarterlyReport> latestQuarterlyReports() {
        Map<String, String> names = CompanySnapshot.<CompanySnapshot>listAll().stream()
                .filter(snapshot -> snapshot.name != null)
                .collect(Collectors.toMap(snapshot -> snapshot.ticker, snapshot -> snapshot.name));
        return quarterlyReports(StoredFiling.latestFiveQuartersPerCompany(), names);
    }

    /** The quarterly reports as they stood at {@code instant}: only filings filed by then, with the names given. */
    @Transactional
    public List<QuarterlyReport> quarterlyReportsFiledBy(Instant instant, Map<String, String> names) {
        return quarterlyReports(StoredFiling.latestFiveQuartersPerCompanyFiledBy(instant), names);
    }

    private List<QuarterlyReport> quarterlyReports(List<StoredFiling> stored, Map<String, String> names) {
        Map<String, List<Filing>> recentByTicker = stored.stream()
                .map(filing -> json.filing(filing.payload))
                .collect(Collectors.groupingBy(Filing::ticker));
        return recentByTicker.values().stream()
                .map(recent -> quarterlyReport(recent, names))
                .sorted(Comparator.comparing(QuarterlyReport::filedAt).reversed().thenComparing(QuarterlyReport::ticker))
                .toList();
    }

    /** Every filed quarter of one company with its headline figures, oldest first (empty when none is filed). */
    @Transactional
    public List<QuarterlyReport> quarters(String ticker) {
        List<Filing> filings = StoredFiling.ofCompany(ticker).stream().map(stored -> json.filing(stored.payload)).toList();
        Map<Integer, Filing> byQuarter = filings.stream().collect(Collectors.toMap(Filing::quarterIndex, Function.identity()));
        String name = CompanySnapshot.<CompanySnapshot>findByIdOptional(ticker).map(snapshot -> snapshot.name).orElse(null);
        return filings.stream()
                .map(filing -> QuarterlyReport.of(filing, byQuarter.get(filing.quarterIndex() - QUARTERS_PER_YEAR), name))
                .toList();
    }

    private static QuarterlyReport quarterlyReport(List<Filing> recent, Map<String, String> names) {
        Map<Integer, Filing> byQuarter = recent.stream().collect(Collectors.toMap(Filing::quarterIndex, Function.identity()));
        Filing latest = recent.stream().max(Comparator.comparingInt(Filing::quarterIndex)).orElseThrow();
        Filing yearAgo = byQuarter.get(latest.quarterIndex() - QUARTERS_PER_YEAR);
        return QuarterlyReport.of(latest, yearAgo, names.get(latest.ticker()));
    }
}
