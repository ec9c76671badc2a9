package io.saasreport.report.edition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.saasreport.report.domain.QuarterlyReport;
import io.saasreport.report.domain.UniverseStatistics.BucketStatistics;
import io.saasreport.report.domain.UniverseStatistics.OperatingMedians;
import io.saasreport.report.domain.UniverseStatistics.OperatingQuartiles;
import io.saasreport.report.domain.UniverseStatistics.Quartiles;
import io.saasreport.report.domain.UniverseStatistics.Regression;
import io.saasreport.report.domain.UniverseStatistics.TickerValue;
import io.saasreport.report.edition.EditionChanges.FigureChange;

/**
 * The edition's sections as titled text tables: the one place that decides labels, order and number formats, so the
 * Markdown and the HTML edition say the same thing.
 */
public final class EditionSections {

    public record Section(String id, String title, List<String> notes, List<Table> tables) {
    }

    public record Table(String caption, List<String> headers, List<List<String>> rows) {
    }

    private record Operating(String label, Function<OperatingMedians, Double> median,
            Function<OperatingQuartiles, Quartiles> quartiles, String key, Function<Double, String> format,
            Function<Double, String> change) {
    }

    private static final List<Operating> OPERATING = List.of(
            new Operating("NTM revenue growth", OperatingMedians::ntmGrowth, OperatingQuartiles::ntmGrowth, "ntmGrowth", Figures::percent, EditionSections::points),
            new Operating("LTM revenue growth", OperatingMedians::ltmGrowth, OperatingQuartiles::ltmGrowth, "ltmGrowth", Figures::percent, EditionSections::points),
            new Operating("Gross margin", OperatingMedians::grossMargin, OperatingQuartiles::grossMargin, "grossMargin", Figures::percent, EditionSections::points),
            new Operating("Operating margin", OperatingMedians::operatingMargin, OperatingQuartiles::operatingMargin, "operatingMargin", Figures::percent, EditionSections::points),
            new Operating("FCF margin", OperatingMedians::fcfMargin, OperatingQuartiles::fcfMargin, "fcfMargin", Figures::percent, EditionSections::points),
            new Operating("Net revenue retention", OperatingMedians::netRevenueRetention, OperatingQuartiles::netRevenueRetention, "netRevenueRetention", Figures::percent, EditionSections::points),
            new Operating("GM-adjusted CAC payback (months)", OperatingMedians::gmAdjustedPaybackMonths, OperatingQuartiles::gmAdjustedPaybackMonths, "gmAdjustedPaybackMonths", Figures::number, Figures::signedNumber),
            new Operating("S&M % of revenue", OperatingMedians::salesMarketingPct, OperatingQuartiles::salesMarketingPct, "salesMarketingPct", Figures::percent, EditionSections::points),
            new Operating("R&D % of revenue", OperatingMedians::researchDevelopmentPct, OperatingQuartiles::researchDevelopmentPct, "researchDevelopmentPct", Figures::percent, EditionSections::points),
            new Operating("G&A % of revenue", OperatingMedians::generalAdministrativePct, OperatingQuartiles::generalAdministrativePct, "generalAdministrativePct", Figures::percent, EditionSections::points),
            new Operating("Rule of 40 (LTM)", OperatingMedians::ruleOf40Ltm, OperatingQuartiles::ruleOf40Ltm, "ruleOf40Ltm", Figures::percent, EditionSections::points),
            new Operating("Rule of 40 (NTM)", OperatingMedians::ruleOf40Ntm, OperatingQuartiles::ruleOf40Ntm, "ruleOf40Ntm", Figures::percent, EditionSections::points));

    private EditionSections() {
    }

    public static String title(Edition edition) {
        return "Public SaaS valuation report — week of " + edition.week();
    }

    /** The line under the title: when the figures stand, and whether the week has closed. */
    public static String dateline(Edition edition) {
        return "As of the Friday close, " + edition.week() + " 16:00 New York (" + edition.close() + "); figures as of "
                + edition.asOf() + (edition.closed() ? "." : ". Provisional: the week has not closed yet.");
    }

    public static List<Section> of(Edition edition) {
        List<Section> sections = new ArrayList<>();
        sections.add(headline(edition));
        sections.add(topMultiples(edition));
        sections.add(buckets(edition));
        sections.add(scatter(edition));
        sections.add(operating(edition));
        sections.add(movers(edition));
        sections.add(quarterlyReports(edition));
        sections.add(medianHistory(edition));
        if (!edition.gaps().isEmpty()) {
            sections.add(new Section("gaps", "What the stored history cannot give for this week", edition.gaps(), List.of()));
        }
        return sections;
    }

    private static Section headline(Edition edition) {
        Edition.Headline h = edition.headline();
        Map<String, FigureChange> changes = edition.changes() == null ? Map.of() : edition.changes().headline();
        List<List<String>> rows = List.of(
                List.of("Companies", Figures.count(h.companyCount()), "", Figures.signedCount(change(changes, "companyCount"))),
                List.of("Median EV / NTM revenue", Figures.multiple(h.medianEvToNtmRevenue()),
                        Figures.range(h.quartilesEvToNtmRevenue(), Figures::multiple),
                        Figures.signedMultiple(change(changes, "medianEvToNtmRevenue"))),
                List.of("Top-5 median EV / NTM revenue", Figures.multiple(h.top5MedianEvToNtmRevenue()), "",
                        Figures.signedMultiple(change(changes, "top5MedianEvToNtmRevenue"))),
                List.of("Median growth-adjusted multiple", Figures.number(h.medianGrowthAdjustedMultiple()),
                        Figures.range(h.quartilesGrowthAdjustedMultiple(), Figures::number),
                        Figures.signedNumber(change(changes, "medianGrowthAdjustedMultiple"))),
                List.of("Median EV / NTM FCF", Figures.multiple(h.medianEvToNtmFcf()),
                        Figures.range(h.quartilesEvToNtmFcf(), Figures::multiple),
                        Figures.signedMultiple(change(changes, "medianEvToNtmFcf"))),
                List.of("10-year treasury yield", Figures.yield(h.tenYearYield()), "",
                        Figures.signedPoints(change(changes, "tenYearYield"))));
        return new Section("headline", "Headline", List.of(),
                List.of(new Table(null, List.of("Figure", "This week", "P25 – P75", "Since " + edition.previousWeek()), rows)));
    }

    private static Section topMultiples(Edition edition) {
        List<List<String>> rows = new ArrayList<>();
        int rank = 1;
        for (Edition.RankedCompany company : edition.topMultiples()) {
            rows.add(List.of(Integer.toString(rank++), company.ticker(), text(company.name()), Figures.multiple(company.value())));
        }
        List<String> notes = new ArrayList<>();
        if (edition.changes() != null) {
            notes.add("Entered the top 10: " + tickers(edition.changes().topMultiples().entered()) + ". Left it: "
                    + tickers(edition.changes().topMultiples().exited()) + ".");
        }
        return new Section("top-multiples", "Top 10 EV / NTM revenue multiples", notes,
                List.of(new Table(null, List.of("#", "Ticker", "Company", "EV / NTM revenue"), rows)));
    }

    private static Section buckets(Edition edition) {
        List<List<String>> rows = new ArrayList<>();
        Map<String, EditionChanges.BucketChange> changes = edition.changes() == null ? Map.of() : edition.changes().buckets();
        if (edition.buckets() != null) {
            rows.add(bucketRow("High (> 22 %)", edition.buckets().high(), changes.get("high")));
            rows.add(bucketRow("Mid (15–22 %)", edition.buckets().mid(), changes.get("mid")));
            rows.add(bucketRow("Low (< 15 %)", edition.buckets().low(), changes.get("low")));
        }
        return new Section("buckets", "EV / NTM revenue by NTM growth bucket", List.of(), List.of(new Table(null,
                List.of("Bucket", "Companies", "Median", "P25 – P75", "Median change", "Count change"), rows)));
    }

    private static List<String> bucketRow(String label, BucketStatistics bucket, EditionChanges.BucketChange change) {
        return List.of(label, bucket == null ? Figures.UNKNOWN : Figures.count(bucket.count()),
                bucket == null ? Figures.UNKNOWN : Figures.multiple(bucket.medianEvToNtmRevenue()),
                bucket == null ? Figures.UNKNOWN : Figures.range(bucket.quartilesEvToNtmRevenue(), Figures::multiple),
                change == null ? Figures.UNKNOWN : Figures.signedMultiple(change.medianEvToNtmRevenue().change()),
                change == null ? Figures.UNKNOWN : Figures.signedCount(change.count().change()));
    }

    private static Section scatter(Edition edition) {
        Regression fit = edition.scatter().regression();
        List<String> notes = new ArrayList<>();
        notes.add(fit == null ? "No fit: fewer than 3 companies with both figures, or no spread in growth."
                : "Fit: EV / NTM revenue = " + Figures.number(fit.intercept()) + " + " + Figures.number(fit.slope())
                        + " × NTM growth, r² = " + Figures.number(fit.r2()) + ", n = " + fit.n() + ".");
        Map<String, FigureChange> changes = edition.changes() == null ? null : edition.changes().regression();
        if (changes != null) {
            notes.add("Since " + edition.previousWeek() + ": slope " + Figures.signedNumber(change(changes, "slope"))
                    + ", intercept " + Figures.signedNumber(change(changes, "intercept")) + ", r² "
                    + Figures.signedNumber(change(changes, "r2")) + ".");
        }
        List<List<String>> rows = edition.scatter().points().stream()
                .map(point -> List.of(point.ticker(), Figures.percent(point.ntmGrowth()), Figures.multiple(point.evToNtmRevenue())))
                .toList();
        return new Section("scatter", "EV / NTM revenue vs NTM growth", notes,
                List.of(new Table(null, List.of("Ticker", "NTM growth", "EV / NTM revenue"), rows)));
    }

    private static Section operating(Edition edition) {
        Map<String, FigureChange> changes = edition.changes() == null ? Map.of() : edition.changes().operatingMedians();
        List<List<String>> rows = new ArrayList<>();
        for (Operating metric : OPERATING) {
            Double median = edition.operatingMedians() == null ? null : metric.median().apply(edition.operatingMedians());
            Quartiles quartiles = edition.operatingQuartiles() == null ? null : metric.quartiles().apply(edition.operatingQuartiles());
            rows.add(List.of(metric.label(), metric.format().apply(median), Figures.range(quartiles, metric.format()),
                    metric.change().apply(change(changes, metric.key()))));
        }
        return new Section("operating", "Operating medians", List.of(), List.of(
                new Table(null, List.of("Metric", "Median", "P25 – P75", "Since " + edition.previousWeek()), rows)));
    }

    private static Section movers(Edition edition) {
        return new Section("movers", "Weekly movers", List.of(), List.of(
                new Table("Top gainers", List.of("Ticker", "1W change"), moverRows(edition.movers().gainers())),
                new Table("Top losers", List.of("Ticker", "1W change"), moverRows(edition.movers().losers()))));
    }

    private static List<List<String>> moverRows(List<TickerValue> movers) {
        return movers.stream().map(mover -> List.of(mover.ticker(), Figures.signedPercent(mover.value()))).toList();
    }

    private static Section quarterlyReports(Edition edition) {
        List<List<String>> rows = new ArrayList<>();
        for (QuarterlyReport report : edition.quarterlyReports()) {
            rows.add(List.of(report.ticker(), text(report.name()), "FY" + report.fiscalYear() + " Q" + report.fiscalQuarter(),
                    report.filedAt().toString().substring(0, 10), money(report.revenue()),
                    Figures.signedPercent(report.revenueGrowthYoy()), Figures.percent(report.grossMargin()),
                    Figures.percent(report.operatingMargin()), Figures.percent(report.fcfMargin()),
                    Figures.percent(report.netRevenueRetention())));
        }
        return new Section("quarterly-reports", "Latest quarterly reports", List.of(), List.of(new Table(null,
                List.of("Ticker", "Company", "Quarter", "Filed", "Revenue", "YoY growth", "Gross margin", "Op. margin",
                        "FCF margin", "NRR"), rows)));
    }

    private static Section medianHistory(Edition edition) {
        List<List<String>> rows = edition.medianHistory().stream()
                .map(week -> List.of(week.week().toString(), Figures.multiple(week.overall()), Figures.multiple(week.overallP25()),
                        Figures.multiple(week.overallP75()), Figures.multiple(week.top5()), Figures.multiple(week.high()),
                        Figures.multiple(week.mid()), Figures.multiple(week.low())))
                .toList();
        return new Section("median-history", "EV / NTM revenue medians at the weekly closes", List.of(), List.of(new Table(null,
                List.of("Week", "Median", "P25", "P75", "Top-5", "High growth", "Mid growth", "Low growth"), rows)));
    }

    private static Double change(Map<String, FigureChange> changes, String key) {
        FigureChange change = changes == null ? null : changes.get(key);
        return change == null ? null : change.change();
    }

    /** A change of a fraction in percentage points. */
    private static String points(Double fractionChange) {
        return Figures.signedPoints(fractionChange == null ? null : fractionChange * 100);
    }

    private static String tickers(List<TickerValue> entries) {
        return entries.isEmpty() ? "none" : String.join(", ", entries.stream().map(TickerValue::ticker).toList());
    }

    private static String text(String value) {
        return value == null ? Figures.UNKNOWN : value;
    }

    private static String money(double usd) {
        return String.format(java.util.Locale.ROOT, "$%.1fM", usd / 1e6);
    }
}
