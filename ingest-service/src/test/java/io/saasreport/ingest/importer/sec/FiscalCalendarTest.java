package io.saasreport.ingest.importer.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.MonthDay;

import org.junit.jupiter.api.Test;

class FiscalCalendarTest {

    private final FiscalCalendar january = new FiscalCalendar(MonthDay.of(1, 31));
    private final FiscalCalendar december = new FiscalCalendar(MonthDay.of(12, 31));

    @Test
    void namesTheFiscalYearByTheYearItEndsIn() {
        assertEquals(new FiscalQuarter(2025, 1), january.quarterEndingOn(LocalDate.parse("2024-04-30")));
        assertEquals(new FiscalQuarter(2025, 3), january.quarterEndingOn(LocalDate.parse("2024-10-31")));
        assertEquals(new FiscalQuarter(2025, 4), january.quarterEndingOn(LocalDate.parse("2025-01-31")));
        assertEquals(new FiscalQuarter(2024, 2), december.quarterEndingOn(LocalDate.parse("2024-06-30")));
    }

    @Test
    void placesFiftyThreeWeekYearEndsInTheYearTheyClose() {
        // A retailer-style year ending on the Saturday nearest 31 December can end on 2 January.
        assertEquals(new FiscalQuarter(2024, 4), december.quarterEndingOn(LocalDate.parse("2025-01-02")));
        assertEquals(new FiscalQuarter(2025, 1), december.quarterEndingOn(LocalDate.parse("2025-04-03")));
    }

    @Test
    void startsTheFiscalYearTheDayAfterTheLastEnded() {
        assertEquals(LocalDate.parse("2024-02-01"), january.startOfYear(2025));
    }
}
