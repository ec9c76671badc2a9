package io.saasreport.report.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which history points to keep as they age: every point of the last {@code keepEverything} (a day), the last
 * point of each UTC hour up to {@code keepHourly} (a week) old, and the last point of each UTC day before that;
 * at every age, the last point at or before each {@link WeeklyClose}, which is what the week's edition is built
 * from, so thinning never changes an edition.
 * <p>
 * "Last of its hour/day" is judged over the whole series, so the rule is idempotent and stable: the point kept
 * for a day is also the one kept for that day's last hour, and a discarded point would be discarded again.
 */
public final class HistoryThinning {

    private final Duration keepEverything;
    private final Duration keepHourly;

    public HistoryThinning(Duration keepEverything, Duration keepHourly) {
        if (keepEverything.isNegative() || keepHourly.compareTo(keepEverything) < 0) {
            throw new IllegalArgumentException(
                    "need 0 <= keepEverything <= keepHourly, got " + keepEverything + " and " + keepHourly);
        }
        this.keepEverything = keepEverything;
        this.keepHourly = keepHourly;
    }

    /**
     * The points to discard at {@code now}. Points with the same time are told apart by their order in
     * {@code points} (insertion order): the later one counts as the last.
     */
    public <P> List<P> discardable(List<P> points, Function<P, Instant> timeOf, Instant now) {
        List<P> chronological = new ArrayList<>(points);
        chronological.sort(Comparator.comparing(timeOf)); // stable: ties keep insertion order
        Map<Instant, P> lastOfHour = lastPer(chronological, timeOf, ChronoUnit.HOURS);
        Map<Instant, P> lastOfDay = lastPer(chronological, timeOf, ChronoUnit.DAYS);
        Map<Instant, P> lastOfWeek = lastPer(chronological, time -> WeeklyClose.atOrAfter(timeOf.apply(time)).instant());
        Instant everythingSince = now.minus(keepEverything);
        Instant hourlySince = now.minus(keepHourly);

        List<P> discard = new ArrayList<>();
        for (P point : chronological) {
            Instant time = timeOf.apply(point);
            boolean kept = !time.isBefore(everythingSince)
                    || (!time.isBefore(hourlySince) && lastOfHour.get(time.truncatedTo(ChronoUnit.HOURS)) == point)
                    || lastOfDay.get(time.truncatedTo(ChronoUnit.DAYS)) == point
                    || lastOfWeek.get(WeeklyClose.atOrAfter(time).instant()) == point;
            if (!kept) {
                discard.add(point);
            }
        }
        return discard;
    }

    private static <P> Map<Instant, P> lastPer(List<P> chronological, Function<P, Instant> timeOf, ChronoUnit unit) {
        return lastPer(chronological, point -> timeOf.apply(point).truncatedTo(unit));
    }

    /** The last point (in the list's order) of each period, keyed by {@code periodOf}. */
    private static <P> Map<Instant, P> lastPer(List<P> chronological, Function<P, Instant> periodOf) {
        Map<Instant, P> last = new HashMap<>();
        for (P point : chronological) {
            last.put(periodOf.apply(point), point);
        }
        return last;
    }
}
