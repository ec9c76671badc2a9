package io.saasreport.report.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The periods a history keeps one point of: the last point of each UTC minute, hour and day, and the last point at or
 * before each {@link WeeklyClose} (what a week's edition is built from). Finest first.
 */
public enum HistoryResolution {

    MINUTE("m", Duration.ofMinutes(1)),
    HOUR("h", Duration.ofHours(1)),
    DAY("d", Duration.ofDays(1)),
    WEEK("w", Duration.ofDays(7));

    private final String code;
    private final Duration length;

    HistoryResolution(String code, Duration length) {
        this.code = code;
        this.length = length;
    }

    /**
     * The period a point of this time belongs to, named by an instant: the start of its UTC minute, hour or day, or
     * for weeks the close at or after it (a point at the close itself counts toward that week).
     */
    public Instant periodOf(Instant time) {
        return switch (this) {
            case MINUTE -> time.truncatedTo(ChronoUnit.MINUTES);
            case HOUR -> time.truncatedTo(ChronoUnit.HOURS);
            case DAY -> time.truncatedTo(ChronoUnit.DAYS);
            case WEEK -> WeeklyClose.atOrAfter(time).instant();
        };
    }

    /** The one-letter code stored in the history tables' {@code resolution} column. */
    public String code() {
        return code;
    }

    /** How long a period is (a week for weekly closes, whatever daylight saving time does to one). */
    public Duration length() {
        return length;
    }

    /** The name in the API: {@code minute}, {@code hour}, {@code day}, {@code week}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<HistoryResolution> named(String name) {
        return Arrays.stream(values()).filter(resolution -> resolution.apiName().equals(name)).findFirst();
    }

    public static HistoryResolution ofCode(String code) {
        return Arrays.stream(values()).filter(resolution -> resolution.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no history resolution has the code " + code));
    }
}
