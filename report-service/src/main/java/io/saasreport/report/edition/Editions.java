package io.saasreport.report.edition;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.saasreport.report.domain.CompanyHistoryPoint;
import io.saasreport.report.domain.CompanyMetrics;
import io.saasreport.report.domain.StoredFiling;
import io.saasreport.report.domain.UniverseHistoryPoint;
import io.saasreport.report.domain.UniverseSnapshot;
import io.saasreport.report.domain.UniverseStatistics;
import io.saasreport.report.domain.UniverseStatistics.BucketStatistics;
import io.saasreport.report.domain.UniverseStatistics.Quartiles;
import io.saasreport.report.domain.WeeklyClose;
import io.saasreport.report.service.Filings;
import io.saasreport.report.record.SnapshotJson;

/**
 * Builds a week's {@link Edition} from the stored history alone: the universe statistics, each company's figures
 * and the filings as they stood at the week's close. Thinning keeps the last point at or before every weekly close
 * (HistoryThinning), so a closed week's edition does not change as the history ages.
 */
@ApplicationScoped
public class Editions {

    /** How many weekly closes the median history of an edition shows, this one included. */
    static final int HISTORY_WEEKS = 12;

    private final SnapshotJson json;
    private final Filings filings;
    private final Clock clock;

    Editions(SnapshotJson json, Filings filings, Clock clock) {
        this.json = json;
        this.filings = filings;
        this.clock = clock;
    }

    /** The edition dated at {@code close}; empty when no universe statistics are stored at or before it. */
    @Transactional
    public Optional<Edition> of(WeeklyClose close) {
        Optional<UniverseStatistics> found = universeAt(close);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        UniverseStatistics universe = found.get();
        List<String> gaps = new ArrayList<>();
        List<CompanyMetrics> companies = CompanyHistoryPoint.eachLatestAtOrBefore(close.instant()).stream()
                .map(point -> json.company(point.payload))
                .toList();
        Map<String, String> names = companies.stream().filter(company -> company.name() != null)
                .collect(Collectors.toMap(CompanyMetrics::ticker, CompanyMetrics::name));

        Edition.Scatter scatter = scatter(companies, universe, gaps);
        long lateQuarters = StoredFiling.endedByButFiledAfter(close.friday(), close.instant());
        if (lateQuarters > 0) {
            gaps.add("quarterlyReports: " + lateQuarters + " quarter(s) that ended by " + close.friday()
                    + " were filed or restated after the close; only each quarter's latest filing is stored, so they are left out");
        }
        WeeklyClose previousClose = close.previousWeek();
        EditionChanges changes = universeAt(previousClose)
                .map(previous -> EditionChanges.between(previousClose.friday(), previous, universe))
                .orElse(null);
        if (changes == null) {
            gaps.add("changes: no universe statistics are stored at or before the previous close (" + previousClose.friday() + ")");
        }
        return Optional.of(new Edition(
                close.friday(),
                close.instant(),
                !close.instant().isAfter(clock.instant()),
                universe.asOf(),
                headline(universe),
                universe.topByEvToNtmRevenue().stream()
                        .map(entry -> new Edition.RankedCompany(entry.ticker(), names.get(entry.ticker()), entry.value()))
                        .toList(),
                universe.buckets(),
                scatter,
                universe.operatingMedians(),
                universe.operatingQuartiles(),
                new Edition.Movers(universe.topWeeklyGainers(), universe.topWeeklyLosers()),
                filings.quarterlyReportsFiledBy(close.instant(), names),
                medianHistory(close),
                previousClose.friday(),
                changes,
                List.copyOf(gaps)));
    }

    private Optional<UniverseStatistics> universeAt(WeeklyClose close) {
        return UniverseHistoryPoint.latestAtOrBefore(UniverseSnapshot.KEY, close.instant())
                .map(point -> json.universe(point.payload));
    }

    private static Edition.Headline headline(UniverseStatistics universe) {
        return new Edition.Headline(universe.companyCount(), universe.medianEvToNtmRevenue(),
                universe.quartilesEvToNtmRevenue(), universe.top5MedianEvToNtmRevenue(),
                universe.medianGrowthAdjustedMultiple(), universe.quartilesGrowthAdjustedMultiple(),
                universe.medianEvToNtmFcf(), universe.quartilesEvToNtmFcf(), universe.tenYearYield());
    }

    /**
     * The companies' points come from their own histories; a company whose figures at the close are missing there
     * (a history that begins later than the universe's) shows as a count that differs from the fit's.
     */
    private static Edition.Scatter scatter(List<CompanyMetrics> companies, UniverseStatistics universe, List<String> gaps) {
        List<Edition.ScatterPoint> points = companies.stream()
                .filter(company -> company.ntmGrowth() != null && company.evToNtmRevenue() != null)
                .sorted(Comparator.comparing(CompanyMetrics::ticker))
                .map(company -> new Edition.ScatterPoint(company.ticker(), company.ntmGrowth(), company.evToNtmRevenue()))
                .toList();
        if (companies.isEmpty()) {
            gaps.add("scatter: no company figures are stored at or before the close; the fit is the universe's");
        } else if (universe.regression() != null && universe.regression().n() != null
                && universe.regression().n() != points.size()) {
            gaps.add("scatter: " + points.size() + " companies have stored figures at or before the close, the fit was over "
                    + universe.regression().n());
        }
        return new Edition.Scatter(points, universe.regression());
    }

    /** The medians at each of the last {@link #HISTORY_WEEKS} closes that have figures, oldest first. */
    private List<Edition.WeeklyMedians> medianHistory(WeeklyClose close) {
        List<Edition.WeeklyMedians> history = new ArrayList<>();
        for (int weeksBack = HISTORY_WEEKS - 1; weeksBack >= 0; weeksBack--) {
            WeeklyClose week = close.previousWeek(weeksBack);
            universeAt(week).ifPresent(universe -> history.add(weeklyMedians(week, universe)));
        }
        return history;
    }

    private static Edition.WeeklyMedians weeklyMedians(WeeklyClose week, UniverseStatistics universe) {
        Quartiles quartiles = universe.quartilesEvToNtmRevenue();
        UniverseStatistics.Buckets buckets = universe.buckets();
        Function<Function<UniverseStatistics.Buckets, BucketStatistics>, Double> bucketMedian = which -> {
            BucketStatistics bucket = buckets == null ? null : which.apply(buckets);
            return bucket == null ? null : bucket.medianEvToNtmRevenue();
        };
        return new Edition.WeeklyMedians(week.friday(), universe.asOf(), universe.medianEvToNtmRevenue(),
                quartiles == null ? null : quartiles.p25(), quartiles == null ? null : quartiles.p75(),
                universe.top5MedianEvToNtmRevenue(), bucketMedian.apply(UniverseStatistics.Buckets::high),
                bucketMedian.apply(UniverseStatistics.Buckets::mid), bucketMedian.apply(UniverseStatistics.Buckets::low));
    }
}
