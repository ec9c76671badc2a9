package io.saasreport.report.record;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    private Conflation() {
    }
}
