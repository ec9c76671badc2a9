package io.saasreport.report.edition;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.saasreport.report.domain.UniverseStatistics;
import io.saasreport.report.domain.UniverseStatistics.BucketStatistics;
import io.saasreport.report.domain.UniverseStatistics.Regression;
import io.saasreport.report.domain.UniverseStatistics.TickerValue;

/** What moved between two weekly editions: each change is this week's figure minus the previous week's. */
@Schema(name = "EditionChanges", description = "Changes since the previous week's edition (this week minus last week; null where either is unknown)")
public record EditionChanges(
        @Schema(description = "The previous week's Friday") LocalDate since,
        @Schema(description = "Headline figures, by name") Map<String, FigureChange> headline,
        @Schema(description = "Each operating median, by metric") Map<String, FigureChange> operatingMedians,
        @Schema(description = "Each growth bucket's company count and median: high, mid, low") Map<String, BucketChange> buckets,
        @Schema(description = "Companies that entered or left the top-10 multiples") TopChanges topMultiples,
        @Schema(description = "The fit's slope, intercept and r2", nullable = true) Map<String, FigureChange> regression) {

    @Schema(name = "FigureChange")
    public record FigureChange(
            @Schema(nullable = true) Double previous,
            @Schema(nullable = true) Double current,
            @Schema(description = "current - previous", nullable = true) Double change) {

        static FigureChange of(Double previous, Double current) {
            return new FigureChange(previous, current, previous == null || current == null ? null : current - previous);
        }
    }

    @Schema(name = "BucketChange")
    public record BucketChange(FigureChange count, FigureChange medianEvToNtmRevenue) {
    }

    @Schema(name = "TopChanges")
    public record TopChanges(
            @Schema(description = "In this week's top 10, not in last week's (this week's multiple)") List<TickerValue> entered,
            @Schema(description = "In last week's top 10, not in this week's (last week's multiple)") List<TickerValue> exited) {
    }

    /** The changes from {@code previous} (the week before's statistics) to {@code current}. */
    public static EditionChanges between(LocalDate since, UniverseStatistics previous, UniverseStatistics current) {
        Map<String, FigureChange> headline = new LinkedHashMap<>();
        headline.put("companyCount", FigureChange.of(number(previous.companyCount()), number(current.companyCount())));
        headline.put("medianEvToNtmRevenue", FigureChange.of(previous.medianEvToNtmRevenue(), current.medianEvToNtmRevenue()));
        headline.put("top5MedianEvToNtmRevenue",
                FigureChange.of(previous.top5MedianEvToNtmRevenue(), current.top5MedianEvToNtmRevenue()));
        headline.put("medianGrowthAdjustedMultiple",
                FigureChange.of(previous.medianGrowthAdjustedMultiple(), current.medianGrowthAdjustedMultiple()));
        headline.put("medianEvToNtmFcf", FigureChange.of(previous.medianEvToNtmFcf(), current.medianEvToNtmFcf()));
        headline.put("tenYearYield", FigureChange.of(previous.tenYearYield(), current.tenYearYield()));

        Map<String, BucketChange> buckets = new LinkedHashMap<>();
        buckets.put("high", bucket(previous, current, UniverseStatistics.Buckets::high));
        buckets.put("mid", bucket(previous, current, UniverseStatistics.Buckets::mid));
        buckets.put("low", bucket(previous, current, UniverseStatistics.Buckets::low));

        return new EditionChanges(since, headline, componentChanges(previous.operatingMedians(), current.operatingMedians()),
                buckets, topChanges(previous.topByEvToNtmRevenue(), current.topByEvToNtmRevenue()),
                regression(previous.regression(), current.regression()));
    }

    private static BucketChange bucket(UniverseStatistics previous, UniverseStatistics current,
            Function<UniverseStatistics.Buckets, BucketStatistics> which) {
        BucketStatistics before = previous.buckets() == null ? null : which.apply(previous.buckets());
        BucketStatistics after = current.buckets() == null ? null : which.apply(current.buckets());
        return new BucketChange(
                FigureChange.of(before == null ? null : number(before.count()), after == null ? null : number(after.count())),
                FigureChange.of(before == null ? null : before.medianEvToNtmRevenue(),
                        after == null ? null : after.medianEvToNtmRevenue()));
    }

    private static TopChanges topChanges(List<TickerValue> previous, List<TickerValue> current) {
        Set<String> before = previous.stream().map(TickerValue::ticker).collect(Collectors.toSet());
        Set<String> after = current.stream().map(TickerValue::ticker).collect(Collectors.toSet());
        return new TopChanges(
                current.stream().filter(entry -> !before.contains(entry.ticker())).toList(),
                previous.stream().filter(entry -> !after.contains(entry.ticker())).toList());
    }

    private static Map<String, FigureChange> regression(Regression previous, Regression current) {
        if (previous == null && current == null) {
            return null;
        }
        Map<String, FigureChange> changes = new LinkedHashMap<>();
        changes.put("n", FigureChange.of(previous == null ? null : number(previous.n()), current == null ? null : number(current.n())));
        changes.put("slope", FigureChange.of(previous == null ? null : previous.slope(), current == null ? null : current.slope()));
        changes.put("intercept", FigureChange.of(previous == null ? null : previous.intercept(),
                current == null ? null : current.intercept()));
        changes.put("r2", FigureChange.of(previous == null ? null : previous.r2(), current == null ? null : current.r2()));
        return changes;
    }

    /** Each numeric component of two records of the same type (the operating medians), by component name. */
    private static Map<String, FigureChange> componentChanges(Record previous, Record current) {
        Record shape = current != null ? current : previous;
        Map<String, FigureChange> changes = new LinkedHashMap<>();
        if (shape == null) {
            return changes;
        }
        for (RecordComponent component : shape.getClass().getRecordComponents()) {
            changes.put(component.getName(), FigureChange.of(value(component, previous), value(component, current)));
        }
        return changes;
    }

    private static Double value(RecordComponent component, Record record) {
        if (record == null) {
            return null;
        }
        try {
            return (Double) component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component.getName(), e);
        }
    }

    private static Double number(Integer value) {
        return value == null ? null : value.doubleValue();
    }
}
