package io.saasreport.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Percentiles of latencies in nanoseconds; {@link Long#MAX_VALUE} stands for "never seen". */
final class Latencies {

    static long percentile(List<Long> nanos, double quantile) {
        if (nanos.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static String millis(long nanos) {
        if (nanos < 0) {
            return "-";
        }
        return nanos == Long.MAX_VALUE ? "never" : String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    static String summary(List<Long> nanos) {
        return millis(percentile(nanos, 0.5)) + " / " + millis(percentile(nanos, 0.99)) + " / " + millis(percentile(nanos, 1.0)) + " ms";
    }

    static Map<String, Object> asMap(List<Long> nanos) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("count", nanos.size());
        map.put("p50Ms", value(percentile(nanos, 0.5)));
        map.put("p99Ms", value(percentile(nanos, 0.99)));
        map.put("maxMs", value(percentile(nanos, 1.0)));
        return map;
    }

    /** Milliseconds, or null for "never seen" (JSON has no infinity). */
    private static Double value(long nanos) {
        return nanos < 0 || nanos == Long.MAX_VALUE ? null : nanos / 1e6;
    }

    private Latencies() {
    }
}
