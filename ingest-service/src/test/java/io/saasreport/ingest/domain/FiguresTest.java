package io.saasreport.ingest.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** A figure's bounds, read from precision and scale only: extreme exponents are refused at once. */
class FiguresTest {

    @Test
    void zeroAndEveryRealFigureAreFigures() {
        for (String figure : List.of("0", "0.000", "-0", "0E-500000000", "0.000001", "-0.000001", "999999999999999.99",
                "-999999999999999", "151.20", "868823000", "4.25", "1.0000000000000000000000000001", "2025")) {
            assertEquals(Optional.empty(), Figures.check(new BigDecimal(figure)), figure);
        }
    }

    @Test
    void magnitudesNoFigureHasAreRefusedAtOnce() {
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            for (String extreme : List.of("1e15", "-1e15", "1000000000000000", "0.00000099", "1e-7", "1e-400", "4.9e-324",
                    "1e-500000000", "1e400000000", "-1e400000000", "1e-2147483647", "9e2147483647")) {
                assertEquals(Optional.of("must be 0 or of a magnitude from 1e-6 to below 1e15 (no real figure is outside), was "
                        + new BigDecimal(extreme)), Figures.check(new BigDecimal(extreme)), extreme);
            }
        });
    }

    @Test
    void textIsReadOnlyWhenShortAndAFigure() {
        assertEquals(new BigDecimal("130.22"), Figures.parse("130.22"));
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            assertEquals("must be a number of at most 100 characters, was 1000000 characters long",
                    assertThrows(NumberFormatException.class, () -> Figures.parse("9".repeat(1_000_000))).getMessage());
            assertEquals("must be a number, was 'N/A'", assertThrows(NumberFormatException.class, () -> Figures.parse("N/A")).getMessage());
            assertTrue(assertThrows(NumberFormatException.class, () -> Figures.parse("1e-500000000")).getMessage()
                    .startsWith("must be 0 or of a magnitude"));
        });
    }
}
