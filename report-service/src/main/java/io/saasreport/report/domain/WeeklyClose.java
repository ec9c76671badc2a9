package io.saasreport.report.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * The instant a weekly edition is dated at: the Friday close of the week, 16:00 in New York (daylight saving time
 * as New York keeps it). A week runs Monday to Sunday, so a Saturday or Sunday belongs to the Friday before it.
 */
public record WeeklyClose(LocalDate friday, Instant instant) {

    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    public static final LocalTime CLOSE = LocalTime.of(16, 0);

    /** The close of the week that holds {@code date}. */
    public static WeeklyClose ofWeekOf(LocalDate date) {
        LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return onFriday(monday.plusDays(4));
    }

    /** The close of the week that holds this instant's New York date. */
    public static WeeklyClose ofWeekOf(Instant instant) {
        return ofWeekOf(instant.atZone(NEW_YORK).toLocalDate());
    }

    /** The first weekly close at or after {@code instant}: the edition a figure of that time counts toward. */
    public static WeeklyClose atOrAfter(Instant instant) {
        WeeklyClose close = ofWeekOf(instant);
        return close.instant.isBefore(instant) ? close.previousWeek(-1) : close;
    }

    /** The close {@code weeks} weeks earlier (a negative count goes forward). */
    public WeeklyClose previousWeek(int weeks) {
        return onFriday(friday.minusWeeks(weeks));
    }

    public WeeklyClose previousWeek() {
        return previousWeek(1);
    }

    private static WeeklyClose onFriday(LocalDate friday) {
        return new WeeklyClose(friday, ZonedDateTime.of(friday, CLOSE, NEW_YORK).toInstant());
    }
}
