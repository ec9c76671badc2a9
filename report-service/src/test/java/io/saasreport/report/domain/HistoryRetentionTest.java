package io.saasreport.report.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The period rule: which period a point belongs to, how long each resolution is kept, what a read gets. */
class HistoryRetentionTest {

    private static final HistoryRetention RULE = HistoryRetention.DEFAULT;
    private static final Instant T = Instant.parse("2026-11-18T15:42:17.250Z"); // a Wednesday, 10:42 in New York

    @Test
    void aPointBelongsToItsUtcMinuteHourAndDayAndToTheWeeklyCloseAtOrAfterIt() {
        assertEquals(Instant.parse("2026-11-18T15:42:00Z"), HistoryResolution.MINUTE.periodOf(T));
        assertEquals(Instant.parse("2026-11-18T15:00:00Z"), HistoryResolution.HOUR.periodOf(T));
        assertEquals(Instant.parse("2026-11-18T00:00:00Z"), HistoryResolution.DAY.periodOf(T));
        assertEquals(Instant.parse("2026-11-20T21:00:00Z"), HistoryResolution.WEEK.periodOf(T));
        Instant close = Instant.parse("2026-11-20T21:00:00Z");
        assertEquals(close, HistoryResolution.WEEK.periodOf(close), "the point at the close is that week's");
        assertEquals(Instant.parse("2026-11-27T21:00:00Z"), HistoryResolution.WEEK.periodOf(close.plusMillis(1)));
    }

    @Test
    void resolutionsAreNamedInTheApiAndCodedInTheTables() {
        for (HistoryResolution resolution : HistoryResolution.values()) {
            assertEquals(Optional.of(resolution), HistoryResolution.named(resolution.apiName()));
            assertEquals(resolution, HistoryResolution.ofCode(resolution.code()));
        }
        assertEquals(Optional.empty(), HistoryResolution.named("second"));
        assertThrows(IllegalArgumentException.class, () -> HistoryResolution.ofCode("s"));
    }

    @Test
    void eachResolutionIsKeptBackFromTheSeriesNewestPointAndWeeksForever() {
        assertEquals(Optional.of(T.minus(Duration.ofDays(1))), RULE.keptFrom(HistoryResolution.MINUTE, T));
        assertEquals(Optional.of(T.minus(Duration.ofDays(31))), RULE.keptFrom(HistoryResolution.HOUR, T));
        assertEquals(Optional.of(T.minus(Duration.ofDays(365))), RULE.keptFrom(HistoryResolution.DAY, T));
        assertEquals(Optional.empty(), RULE.keptFrom(HistoryResolution.WEEK, T));
    }

    @Test
    void retentionsOutOfOrderAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new HistoryRetention(Duration.ofDays(2), Duration.ofDays(1), Duration.ofDays(365)));
        assertThrows(IllegalArgumentException.class,
                () -> new HistoryRetention(Duration.ofDays(1), Duration.ofDays(31), Duration.ofDays(30)));
        assertThrows(IllegalArgumentException.class,
                () -> new HistoryRetention(Duration.ofHours(-1), Duration.ofDays(31), Duration.ofDays(365)));
    }

    @Test
    void aReadWithoutAResolutionGetsTheFinestThatHoldsItsStartWithinTheLimit() {
        Instant now = T;
        assertEquals(HistoryResolution.MINUTE, RULE.forRange(now.minus(Duration.ofHours(6)), null, now, 500),
                "360 minutes, all still kept");
        assertEquals(HistoryResolution.HOUR, RULE.forRange(now.minus(Duration.ofHours(10)), null, now, 500),
                "600 minutes are more than the limit");
        assertEquals(HistoryResolution.HOUR, RULE.forRange(now.minus(Duration.ofDays(5)), now.minus(Duration.ofDays(4)), now, 5000),
                "minutes of five days ago are no longer kept");
        assertEquals(HistoryResolution.DAY, RULE.forRange(now.minus(Duration.ofDays(200)), null, now, 500));
        assertEquals(HistoryResolution.WEEK, RULE.forRange(now.minus(Duration.ofDays(400)), null, now, 5000));
        assertEquals(HistoryResolution.WEEK, RULE.forRange(null, now, now, 500), "an open start: every weekly close");
    }

    @Test
    void aSeriesHoldsAtMostADayOfMinutesAMonthOfHoursAYearOfDaysAndItsWeeks() {
        assertEquals(1441 + 745 + 366 + 53, RULE.rowsAtMost(52));
    }

    /**
     * A trading week of one tick a minute through the rule (MediansHistory holds the same rows as the tables): 1,950
     * points leave the last day's minutes, the week's hours and days and one weekly close, under 500.
     */
    @Test
    void aTradingWeekOfTicksEveryMinuteLeavesFewerThan500Points() {
        MediansHistory history = MediansHistory.empty(RULE);
        LocalDate monday = LocalDate.parse("2026-11-16");
        for (int day = 0; day < 5; day++) {
            Instant open = ZonedDateTime.of(monday.plusDays(day), LocalTime.of(9, 30), WeeklyClose.NEW_YORK).toInstant();
            for (int minute = 0; minute < 390; minute++) {
                history = history.with(point(open.plus(Duration.ofMinutes(minute)).plusSeconds(30), minute));
            }
        }
        int minutes = history.between(HistoryResolution.MINUTE, null, null, 5000).size();
        int hours = history.between(HistoryResolution.HOUR, null, null, 5000).size();
        int days = history.between(HistoryResolution.DAY, null, null, 5000).size();
        int weeks = history.between(HistoryResolution.WEEK, null, null, 5000).size();
        assertEquals(390, minutes, "Friday's session: Thursday's minutes are more than a day behind its last point");
        assertEquals(5 * 7, hours, "14:30 to 20:59 UTC each day: seven hours");
        assertEquals(5, days);
        assertEquals(1, weeks);
        assertTrue(history.size() <= 500, history.size() + " points");
    }

    static MediansPoint point(Instant asOf, double overall) {
        return new MediansPoint(asOf, overall, null, null, null, null, null, null);
    }
}
