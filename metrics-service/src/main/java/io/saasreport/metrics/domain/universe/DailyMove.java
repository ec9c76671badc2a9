package io.saasreport.metrics.domain.universe;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * How far a value has moved within one day (UTC, by the figures' {@code asOf}) from where the previous day left it,
 * and whether that move was already reported: a move beyond the threshold is reported once per day. Kept in the
 * state stores, so a restart neither repeats nor forgets a report.
 *
 * @param day      the day of the latest value
 * @param baseline the value the day started from (the last value of an earlier day, else the day's first)
 * @param reported whether this day's move was reported
 */
public record DailyMove(LocalDate day, double baseline, boolean reported) {

    /** The state after a new value, and the relative change to report (null when nothing is to be reported). */
    public record Step(DailyMove next, Double change) {
    }

    /**
     * @param held     the state so far (null at first)
     * @param at       when the new value holds (its figures' {@code asOf})
     * @param previous the value before the new one (null if none)
     * @param current  the new value (null: no value, nothing changes)
     */
    public static Step step(DailyMove held, Instant at, Double previous, Double current, double threshold) {
        if (at == null || current == null) {
            return new Step(held, null);
        }
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        if (held != null && day.isBefore(held.day)) {
            return new Step(held, null); // a late figure of an earlier day moves nothing of today's
        }
        DailyMove today = held != null && held.day.equals(day) ? held
                : new DailyMove(day, previous != null ? previous : current, false);
        if (today.reported || today.baseline == 0) {
            return new Step(today, null);
        }
        double change = (current - today.baseline) / Math.abs(today.baseline);
        if (Math.abs(change) > threshold) {
            return new Step(new DailyMove(day, today.baseline, true), change);
        }
        return new Step(today, null);
    }
}
