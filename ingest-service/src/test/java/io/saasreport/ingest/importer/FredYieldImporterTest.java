package io.saasreport.ingest.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.saasreport.ingest.TestData;
import io.saasreport.contracts.EventError;
import io.saasreport.ingest.domain.MacroEvent;
import io.saasreport.ingest.domain.RejectedRequestException;
import io.saasreport.ingest.domain.RejectionReason;

class FredYieldImporterTest {

    @Test
    void readsEveryObservationAndSkipsHolidays() {
        String csv = TestData.text(TestData.FRED_DGS10);
        long rows = csv.lines().count() - 1;
        long blanks = csv.lines().filter(line -> line.endsWith(",") || line.endsWith(",.")).count();
        List<MacroEvent> events = FredYieldImporter.parse(csv, TestData.window(), TestData.MAX_ROWS);
        assertEquals(rows - blanks, events.size());
        assertEquals(new MacroEvent(Instant.parse("2010-01-04T21:00:00Z"), new BigDecimal("3.85")), events.get(0));
        // 2010-01-18 (Martin Luther King Jr. Day) is blank in the file: no event that day.
        assertEquals(Instant.parse("2010-01-19T21:00:00Z"), events.get(10).asOf());
    }

    @Test
    void skipsDotValuesAndAcceptsTheOldDateHeader() {
        List<MacroEvent> events = FredYieldImporter.parse("DATE,DGS10\n2024-07-04,.\n2024-07-05,4.28\n", TestData.window(), TestData.MAX_ROWS);
        assertEquals(List.of(new MacroEvent(Instant.parse("2024-07-05T20:00:00Z"), new BigDecimal("4.28"))), events);
    }

    @Test
    void rejectsBadRowsNamingTheirLines() {
        RejectedRequestException rejection = assertThrows(RejectedRequestException.class,
                () -> FredYieldImporter.parse("observation_date,DGS10\n2024-07-05,4.28\n07/08/2024,4.30\n2024-07-09,high\n", TestData.window(), TestData.MAX_ROWS));
        assertEquals(List.of(
                new EventError(null, 3, "observation_date", "must be a date as YYYY-MM-DD, was '07/08/2024'"),
                new EventError(null, 4, "DGS10", "must be a number, was 'high'")), rejection.errors());
    }

    @Test
    void rejectsAnotherSeries() {
        assertEquals(RejectionReason.MALFORMED, assertThrows(RejectedRequestException.class,
                () -> FredYieldImporter.parse("observation_date,DGS2\n2024-07-05,4.28\n", TestData.window(), TestData.MAX_ROWS)).reason());
    }

    @Test
    void rejectsAFileOfHolidaysOnly() {
        assertEquals(RejectionReason.EMPTY, assertThrows(RejectedRequestException.class,
                () -> FredYieldImporter.parse("observation_date,DGS10\n2024-07-04,\n", TestData.window(), TestData.MAX_ROWS)).reason());
    }
}
