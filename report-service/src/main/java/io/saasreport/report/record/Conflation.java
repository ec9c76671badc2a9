package io.saasreport.report.record;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Keeps one update per key of a batch: what a reader of the whole batch would end up holding. */
public final class Conflation {

    /**
     * The newest update per key, given in offset order. A value replaces the one held when its {@link Version}
     * supersedes it; a tombstone, and a value after a tombstone, always replace (the log's order decides those).
     */
    public static <T> Collection<Update<T>> newestPerKey(List<Update<T>> updates) {
        Map<String, Update<T>> newest = new LinkedHashMap<>();
        for (Update<T> update : updates) {
            Update<T> held = newest.get(update.key());
            if (held == null || held.isTombstone() || update.isTombstone() || update.version().supersedes(held.version())) {
                newest.put(update.key(), update);
            }
        }
        return newest.values();
    }

    /**
     * Per key, the newest update of each UTC minute of its time, keys in order of arrival and each key's minutes in
     * time order; a tombstone drops the updates of its key before it and comes first. What the history needs of a
     * batch: the last point of every minute, so also of every hour, day and week, whatever a batch spans.
     */
    public static <T> List<Update<T>> newestPerKeyAndMinute(List<Update<T>> updates) {
        Map<String, Update<T>> tombstones = new LinkedHashMap<>();
        Map<String, TreeMap<Instant, Update<T>>> byKey = new LinkedHashMap<>();
        for (Update<T> update : updates) {
            if (update.isTombstone()) {
                byKey.remove(update.key());
                tombstones.put(update.key(), update);
                continue;
            }
            TreeMap<Instant, Update<T>> minutes = byKey.computeIfAbsent(update.key(), key -> new TreeMap<>());
            Instant minute = update.version().asOf().truncatedTo(ChronoUnit.MINUTES);
            Update<T> held = minutes.get(minute);
            if (held == null || update.version().supersedes(held.version())) {
                minutes.put(minute, update);
            }
        }
        List<Update<T>> kept = new ArrayList<>(tombstones.values());
        byKey.values().forEach(minutes -> kept.addAll(minutes.values()));
        return kept;
    }

    private Conflation() {
    }
}
