package io.saasreport.report.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class WeeklyCloseTest {

    @Test
    void isFridayAtFourInTheAfternoonNewYorkTimeAcrossDaylightSaving() {
        assertEquals(Instant.parse("2026-11-20T21:00:00Z"), WeeklyClose.ofWeekOf(LocalDate.parse("2026-11-20")).instant(), "EST");
        assertEquals(Instant.parse("2026-07-10T20:00:00Z"), WeeklyClose.ofWeekOf(LocalDate.parse("2026-07-10")).instant(), "EDT");
        // Clocks go back on Sunday 2026-11-01: the Friday before still closes in EDT, the one after in EST.
        assertEquals(Instant.parse("2026-10-30T20:00:00Z"), WeeklyClose.ofWeekOf(LocalDate.parse("2026-10-30")).instant());
        assertEquals(Instant.parse("2026-11-06T21:00:00Z"), WeeklyClose.ofWeekOf(LocalDate.parse("2026-11-06")).instant());
    }

    @Test
    void everyDayOfAMondayToSundayWeekBelongsToItsFriday() {
        LocalDate friday = LocalDate.parse("2026-11-20");
        for (int day = 0; day < 7; day++) {
            LocalDate date = LocalDate.parse("2026-11-16").plusDays(day); // Monday .. Sunday
            assertEquals(friday, WeeklyClose.ofWeekOf(date).friday(), date.toString());
        }
        assertEquals(LocalDate.parse("2026-11-27"), WeeklyClose.ofWeekOf(LocalDate.parse("2026-11-23")).friday());
    }

    @Test
    void theCloseAtOrAfterAnInstantIsTheEditionItCountsToward() {
        Instant close = Instant.parse("2026-11-20T21:00:00Z");
        assertEquals(close, WeeklyClose.atOrAfter(close).instant(), "at the close: that week");
        assertEquals(close, WeeklyClose.atOrAfter(close.minusSeconds(1)).instant());
        assertEquals(Instant.parse("2026-11-27T21:00:00Z"), WeeklyClose.atOrAfter(close.plusSeconds(1)).instant());
        // Saturday 01:00 UTC is still Friday evening in New York, after the close.
        assertEquals(Instant.parse("2026-11-27T21:00:00Z"), WeeklyClose.atOrAfter(Instant.parse("2026-11-21T01:00:00Z")).instant());
    }

    @Test
    void thePreviousWeekIsTheFridayBeforeAtItsOwnOffset() {
        WeeklyClose afterTheChange = WeeklyClose.ofWeekOf(LocalDate.parse("2026-11-06"));
        assertEquals(Instant.parse("2026-10-30T20:00:00Z"), afterTheChange.previousWeek().instant());
    }
}
