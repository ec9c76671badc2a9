package io.saasreport.report.edition;

import java.util.Locale;

import io.saasreport.report.domain.UniverseStatistics.Quartiles;

/** How an edition writes its figures, as the dashboard does: two decimals, "x" for multiples, "%" for fractions. */
final class Figures {

    static final String UNKNOWN = "—";

    private Figures() {
    }

    static String multiple(Double value) {
        return value == null ? UNKNOWN : format("%.2fx", value);
    }

    static String percent(Double fraction) {
        return fraction == null ? UNKNOWN : format("%.2f%%", fraction * 100);
    }

    static String number(Double value) {
        return value == null ? UNKNOWN : format("%.2f", value);
    }

    static String count(Integer value) {
        return value == null ? UNKNOWN : Integer.toString(value);
    }

    /** A yield quoted in percent (4.27 is 4.27 %). */
    static String yield(Double percent) {
        return percent == null ? UNKNOWN : format("%.2f%%", percent);
    }

    static String signedMultiple(Double change) {
        return change == null ? UNKNOWN : format("%+.2fx", change);
    }

    static String signedPercent(Double fraction) {
        return fraction == null ? UNKNOWN : format("%+.2f%%", fraction * 100);
    }

    /** A change in percentage points, for figures that are themselves fractions or percents. */
    static String signedPoints(Double points) {
        return points == null ? UNKNOWN : format("%+.2f pp", points);
    }

    static String signedNumber(Double change) {
        return change == null ? UNKNOWN : format("%+.2f", change);
    }

    static String signedCount(Double change) {
        return change == null ? UNKNOWN : format("%+d", Math.round(change));
    }

    /** "P25 – P75" in the given format. */
    static String range(Quartiles quartiles, java.util.function.Function<Double, String> format) {
        return quartiles == null || quartiles.p25() == null ? UNKNOWN
                : format.apply(quartiles.p25()) + " – " + format.apply(quartiles.p75());
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }

    private static String format(String pattern, long value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
