package io.saasreport.ingest.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.saasreport.contracts.EventError;

/** Event times between the floor and now plus the tolerance, named by field. */
class TimeWindowTest {

    private static final Instant NOW = Instant.parse("2026-12-06T20:00:00Z");
    private static final TimeWindow WINDOW = TimeWindow.of(LocalDate.of(1990, 1, 1), Duration.ofHours(24), NOW);
    private static final Position FIRST = Position.index(0);

    @Test
    void fromTheFloorToNowPlusTheTolerance() {
        assertEquals(Instant.parse("1990-01-01T00:00:00Z"), WINDOW.earliest());
        assertEquals(Optional.empty(), WINDOW.check(Instant.parse("1990-01-01T00:00:00Z")));
        assertEquals(Optional.empty(), WINDOW.check(Instant.parse("2026-12-07T20:00:00Z")));
        assertEquals(Optional.of("must not be after 2026-12-07T20:00:00Z (now + 24h), was 2026-12-07T20:00:01Z"),
                WINDOW.check(Instant.parse("2026-12-07T20:00:01Z")));
        assertEquals(Optional.of("must not be before 1990-01-01T00:00:00Z (the earliest time taken), was 1989-12-31T23:59:59Z"),
                WINDOW.check(Instant.parse("1989-12-31T23:59:59Z")));
        assertEquals(Optional.empty(), WINDOW.check(LocalDate.of(2026, 12, 7)));
        assertEquals(Optional.of("must not be after 2026-12-07T20:00:00Z (now + 24h), was 2026-12-08T00:00:00Z"),
                WINDOW.check(LocalDate.of(2026, 12, 8)));
    }

    @Test
    void namesEachTimeFieldOfEachEvent() {
        Instant future = Instant.parse("2099-01-01T21:00:00Z");
        assertEquals(List.of("at"), fields(new PriceEvent("SNOW", BigDecimal.TEN, future)));
        assertEquals(List.of("periodEnd", "filedAt"), fields(new FilingEvent("SNOW", 2099, 1, LocalDate.of(2099, 1, 31), future,
                BigDecimal.TEN, null, null, null, null, null, null, null, null, null, null, null, null)));
        assertEquals(List.of("asOf"), fields(new EstimateEvent("SNOW", future, BigDecimal.TEN, null, null, null, null, null, null)));
        assertEquals(List.of("asOf"), fields(new MacroEvent(Instant.parse("1970-01-01T00:00:00Z"), BigDecimal.ONE)));
        assertEquals(List.of(), fields(new CompanyEvent("SNOW", "Snowflake Inc.")));
    }

    @Test
    void aFiscalYearEndMayLieUpToTwoYearsAhead() {
        assertEquals(List.of(), fields(estimateWithFy1End(LocalDate.of(2028, 12, 6))));
        assertEquals(List.of("fy1End"), fields(estimateWithFy1End(LocalDate.of(2028, 12, 7))));
        assertEquals(List.of("fy1End"), fields(estimateWithFy1End(LocalDate.of(1989, 12, 31))));
    }

    private static EstimateEvent estimateWithFy1End(LocalDate fy1End) {
        return new EstimateEvent("SNOW", NOW, null, null, BigDecimal.ONE, BigDecimal.TEN, fy1End, null, null);
    }

    private static List<String> fields(IngestEvent event) {
        return WINDOW.check(event, FIRST).stream().map(EventError::field).toList();
    }
}
