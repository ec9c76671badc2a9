package io.saasreport.report.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One universe's medians history in memory, by the same rule as the stored history: the last point of each period of
 * each {@link HistoryResolution}, trimmed by a {@link HistoryRetention} from the newest point. Immutable: each new
 * point gives a new history, so a view state can hold one without copying it for readers.
 */
public final class MediansHistory {

    private final HistoryRetention retention;
    private final Map<HistoryResolution, NavigableMap<Instant, MediansPoint>> byResolution;

    private MediansHistory(HistoryRetention retention, Map<HistoryResolution, NavigableMap<Instant, MediansPoint>> byResolution) {
        this.retention = retention;
        this.byResolution = byResolution;
    }

    public static MediansHistory empty(HistoryRetention retention) {
        Map<HistoryResolution, NavigableMap<Instant, MediansPoint>> empty = new EnumMap<>(HistoryResolution.class);
        for (HistoryResolution resolution : HistoryResolution.values()) {
            empty.put(resolution, Collections.emptyNavigableMap());
        }
        return new MediansHistory(retention, empty);
    }

    /**
     * This history with one more point: it replaces the point of its period where it is later (or as late), and
     * periods that fall out of the retention behind it go.
     */
    public MediansHistory with(MediansPoint point) {
        Map<HistoryResolution, NavigableMap<Instant, MediansPoint>> next = new EnumMap<>(HistoryResolution.class);
        for (HistoryResolution resolution : HistoryResolution.values()) {
            NavigableMap<Instant, MediansPoint> held = byResolution.get(resolution);
            Instant period = resolution.periodOf(point.asOf());
            MediansPoint there = held.get(period);
            if (there != null && there.asOf().isAfter(point.asOf())) {
                next.put(resolution, held);
                continue;
            }
            TreeMap<Instant, MediansPoint> points = new TreeMap<>(held);
            points.put(period, point);
            Instant newest = points.lastEntry().getValue().asOf();
            retention.keptFrom(resolution, newest).ifPresent(keptFrom -> points.headMap(keptFrom).clear());
            next.put(resolution, Collections.unmodifiableNavigableMap(points));
        }
        return new MediansHistory(retention, next);
    }

    /**
     * The points of one resolution whose asOf is within the bounds (inclusive, either may be null): the newest
     * {@code limit} of them, oldest first.
     */
    public List<MediansPoint> between(HistoryResolution resolution, Instant from, Instant to, int limit) {
        NavigableMap<Instant, MediansPoint> points = byResolution.get(resolution);
        if (from != null) {
            points = points.tailMap(resolution.periodOf(from), true);
        }
        if (to != null) {
            points = points.headMap(resolution.periodOf(to), true);
        }
        List<MediansPoint> newestFirst = new ArrayList<>(Math.min(limit, points.size()));
        for (MediansPoint point : points.descendingMap().values()) {
            if (newestFirst.size() == limit) {
                break;
            }
            if ((from == null || !point.asOf().isBefore(from)) && (to == null || !point.asOf().isAfter(to))) {
                newestFirst.add(point);
            }
        }
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** How many points are held over every resolution. */
    public int size() {
        return byResolution.values().stream().mapToInt(Map::size).sum();
    }
}
