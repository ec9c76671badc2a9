package io.saasreport.report.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long each resolution of a history is kept, measured back from the newest point of the same series (a company or
 * a universe), so that a series that stops (a weekend, a delisted company) keeps its last day of minutes: the minutes
 * of the last {@code minutes}, the hours of the last {@code hours}, the days of the last {@code days}; the weekly
 * closes forever, so every edition can be built again.
 * <p>
 * A series therefore holds at most {@link #rowsAtMost(long)} rows, whatever the number of points published.
 */
public record HistoryRetention(Duration minutes, Duration hours, Duration days) {

    public HistoryRetention {
        if (minutes.isNegative() || hours.compareTo(minutes) < 0 || days.compareTo(hours) < 0) {
            throw new IllegalArgumentException("need 0 <= minutes <= hours <= days kept, got " + minutes + ", " + hours
                    + " and " + days);
        }
    }

    /** The default: a day of minutes, a month (31 days) of hours, a year of days, every weekly close. */
    public static final HistoryRetention DEFAULT = new HistoryRetention(Duration.ofDays(1), Duration.ofDays(31),
            Duration.ofDays(365));

    /** How long periods of this resolution are kept; empty for weekly closes (forever). */
    public Optional<Duration> kept(HistoryResolution resolution) {
        return switch (resolution) {
            case MINUTE -> Optional.of(minutes);
            case HOUR -> Optional.of(hours);
            case DAY -> Optional.of(days);
            case WEEK -> Optional.empty();
        };
    }

    /**
     * The earliest period of this resolution still kept once the series' newest point is at {@code newest}: periods
     * that begin before it are dropped. Empty for weekly closes.
     */
    public Optional<Instant> keptFrom(HistoryResolution resolution, Instant newest) {
        return kept(resolution).map(newest::minus);
    }

    /**
     * The resolution a read of {@code [from, to]} gets when it names none: the finest one that still holds
     * {@code from} (judged from {@code now}) and gives at most {@code limit} periods over the range; weekly closes for
     * an open-ended range.
     */
    public HistoryResolution forRange(Instant from, Instant to, Instant now, int limit) {
        if (from == null) {
            return HistoryResolution.WEEK;
        }
        Instant end = to == null || to.isAfter(now) ? now : to;
        Duration span = end.isBefore(from) ? Duration.ZERO : Duration.between(from, end);
        for (HistoryResolution resolution : HistoryResolution.values()) {
            Optional<Instant> keptFrom = keptFrom(resolution, now);
            boolean holdsFrom = keptFrom.isEmpty() || !from.isBefore(keptFrom.get());
            if (holdsFrom && span.dividedBy(resolution.length()) < limit) {
                return resolution;
            }
        }
        return HistoryResolution.WEEK;
    }

    /**
     * The most rows one series holds after {@code weeks} weeks of points: one per minute, hour and day kept (plus the
     * partly kept period at each edge) and one per week.
     */
    public long rowsAtMost(long weeks) {
        long rows = weeks + 1;
        for (HistoryResolution resolution : new HistoryResolution[] {HistoryResolution.MINUTE, HistoryResolution.HOUR,
                HistoryResolution.DAY}) {
            rows += kept(resolution).orElseThrow().dividedBy(resolution.length()) + 1;
        }
        return rows;
    }
}
