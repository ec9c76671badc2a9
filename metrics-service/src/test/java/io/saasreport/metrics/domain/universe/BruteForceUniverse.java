package io.saasreport.metrics.domain.universe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

import io.saasreport.metrics.domain.company.CompanyMetrics;
import io.saasreport.metrics.domain.event.MacroEvent;
import io.saasreport.metrics.domain.index.TickerValue;

/**
 * The universe statistics recomputed from scratch by sorting every company, straight from the spec's wording:
 * the reference the incremental {@link UniverseStatistics} is checked against. The regression uses the two-pass
 * centred formula.
 */
public final class BruteForceUniverse {

    private BruteForceUniverse() {
    }

    public static UniverseSnapshot compute(Collection<CompanyMetrics> companies, MacroEvent macro) {
        List<Double> multiples = values(companies, CompanyMetrics::evToNtmRevenue, m -> true);
        List<Double> highestMultiplesFirst = new ArrayList<>(multiples);
        highestMultiplesFirst.sort(Comparator.reverseOrder());
        return new UniverseSnapshot(
                asOf(companies, macro),
                multiples.size(),
                median(multiples),
                quartiles(multiples),
                multiples.size() >= 5 ? median(highestMultiplesFirst.subList(0, 5)) : null,
                new UniverseSnapshot.Buckets(
                        bucket(companies, g -> g > 0.22),
                        bucket(companies, g -> g >= 0.15 && g <= 0.22),
                        bucket(companies, g -> g < 0.15)),
                median(values(companies, CompanyMetrics::growthAdjustedMultiple, m -> true)),
                quartiles(values(companies, CompanyMetrics::growthAdjustedMultiple, m -> true)),
                median(values(companies, CompanyMetrics::evToNtmFcf,
                        m -> m.evToNtmFcf() != null && m.evToNtmFcf() > 0 && m.evToNtmFcf() < 100)),
                quartiles(values(companies, CompanyMetrics::evToNtmFcf,
                        m -> m.evToNtmFcf() != null && m.evToNtmFcf() > 0 && m.evToNtmFcf() < 100)),
                new UniverseSnapshot.OperatingMedians(
                        median(values(companies, CompanyMetrics::ntmGrowth, m -> true)),
                        median(values(companies, CompanyMetrics::ltmGrowth, m -> true)),
                        median(values(companies, CompanyMetrics::grossMargin, m -> true)),
                        median(values(companies, CompanyMetrics::operatingMargin, m -> true)),
                        median(values(companies, CompanyMetrics::fcfMargin, m -> true)),
                        median(values(companies, CompanyMetrics::netRevenueRetention, m -> true)),
                        median(values(companies, CompanyMetrics::gmAdjustedPaybackMonths, m -> true)),
                        median(values(companies, CompanyMetrics::salesMarketingPct, m -> true)),
                        median(values(companies, CompanyMetrics::researchDevelopmentPct, m -> true)),
                        median(values(companies, CompanyMetrics::generalAdministrativePct, m -> true)),
                        median(values(companies, CompanyMetrics::ruleOf40Ltm, m -> true)),
                        median(values(companies, CompanyMetrics::ruleOf40Ntm, m -> true))),
                new UniverseSnapshot.OperatingQuartiles(
                        quartiles(values(companies, CompanyMetrics::ntmGrowth, m -> true)),
                        quartiles(values(companies, CompanyMetrics::ltmGrowth, m -> true)),
                        quartiles(values(companies, CompanyMetrics::grossMargin, m -> true)),
                        quartiles(values(companies, CompanyMetrics::operatingMargin, m -> true)),
                        quartiles(values(companies, CompanyMetrics::fcfMargin, m -> true)),
                        quartiles(values(companies, CompanyMetrics::netRevenueRetention, m -> true)),
                        quartiles(values(companies, CompanyMetrics::gmAdjustedPaybackMonths, m -> true)),
                        quartiles(values(companies, CompanyMetrics::salesMarketingPct, m -> true)),
                        quartiles(values(companies, CompanyMetrics::researchDevelopmentPct, m -> true)),
                        quartiles(values(companies, CompanyMetrics::generalAdministrativePct, m -> true)),
                        quartiles(values(companies, CompanyMetrics::ruleOf40Ltm, m -> true)),
                        quartiles(values(companies, CompanyMetrics::ruleOf40Ntm, m -> true))),
                top(companies, CompanyMetrics::evToNtmRevenue, true),
                top(companies, CompanyMetrics::weeklyPriceChange, true),
                top(companies, CompanyMetrics::weeklyPriceChange, false),
                regression(companies),
                macro == null ? null : macro.tenYearYield());
    }

    private static Instant asOf(Collection<CompanyMetrics> companies, MacroEvent macro) {
        Instant latest = macro == null ? null : macro.asOf();
        for (CompanyMetrics company : companies) {
            if (company.asOf() != null && (latest == null || company.asOf().isAfter(latest))) {
                latest = company.asOf();
            }
        }
        return latest;
    }

    private static UniverseSnapshot.Bucket bucket(Collection<CompanyMetrics> companies, Predicate<Double> growth) {
        List<Double> multiples = values(companies, CompanyMetrics::evToNtmRevenue,
                m -> m.ntmGrowth() != null && growth.test(m.ntmGrowth()));
        return new UniverseSnapshot.Bucket(multiples.size(), median(multiples), quartiles(multiples));
    }

    private static List<Double> values(Collection<CompanyMetrics> companies, Function<CompanyMetrics, Double> metric,
                                       Predicate<CompanyMetrics> include) {
        return companies.stream().filter(include).map(metric).filter(Objects::nonNull).sorted().toList();
    }

    private static Double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n == 0) {
            return null;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** P25 and P75 of the sorted values, numpy's default rule: h = (n - 1) p, interpolated between ranks. */
    static UniverseSnapshot.Quartiles quartiles(List<Double> values) {
        return new UniverseSnapshot.Quartiles(quantile(values, 0.25), quantile(values, 0.75));
    }

    static Double quantile(List<Double> values, double p) {
        List<Double> sorted = values.stream().sorted().toList();
        if (sorted.isEmpty()) {
            return null;
        }
        double h = (sorted.size() - 1) * p;
        int lower = (int) Math.floor(h);
        int upper = Math.min(lower + 1, sorted.size() - 1);
        return sorted.get(lower) + (h - lower) * (sorted.get(upper) - sorted.get(lower));
    }

    private static List<TickerValue> top(Collection<CompanyMetrics> companies, Function<CompanyMetrics, Double> metric,
                                         boolean highestFirst) {
        Comparator<TickerValue> byValue = Comparator.comparingDouble(TickerValue::value);
        return companies.stream()
                .filter(m -> metric.apply(m) != null)
                .map(m -> new TickerValue(m.ticker(), metric.apply(m)))
                .sorted((highestFirst ? byValue.reversed() : byValue).thenComparing(TickerValue::ticker))
                .limit(10)
                .toList();
    }

    static UniverseSnapshot.Regression regression(Collection<CompanyMetrics> companies) {
        List<CompanyMetrics> points = companies.stream()
                .filter(m -> m.ntmGrowth() != null && m.evToNtmRevenue() != null).toList();
        int n = points.size();
        if (n < 3 || points.stream().map(CompanyMetrics::ntmGrowth).distinct().count() == 1) {
            return null;
        }
        double meanX = points.stream().mapToDouble(CompanyMetrics::ntmGrowth).sum() / n;
        double meanY = points.stream().mapToDouble(CompanyMetrics::evToNtmRevenue).sum() / n;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (CompanyMetrics point : points) {
            double dx = point.ntmGrowth() - meanX;
            double dy = point.evToNtmRevenue() - meanY;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        double slope = sxy / sxx;
        boolean multiplesVary = points.stream().map(CompanyMetrics::evToNtmRevenue).distinct().count() > 1;
        return new UniverseSnapshot.Regression(n, slope, meanY - slope * meanX,
                multiplesVary ? sxy * sxy / (sxx * syy) : null);
    }
}
