package io.saasreport.benchmark;

import java.util.Locale;

/** How the rows write their figures. */
final class Figures {

    private Figures() {
    }

    static String rate(long count, long nanos) {
        return perSecond(count / seconds(nanos));
    }

    static String perSecond(double rate) {
        return String.format(Locale.ROOT, "%,.0f /s", rate);
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static String secondsText(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", seconds(nanos));
    }

    static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }

    /** Whole MiB, "?" when unknown. */
    static String mib(Long bytes) {
        return bytes == null ? "?" : String.valueOf(bytes / (1024 * 1024));
    }
}
