package io.saasreport.ingest.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.saasreport.ingest.TestData;
import io.saasreport.ingest.domain.EstimateEvent;
import io.saasreport.contracts.EventError;
import io.saasreport.ingest.domain.RejectedRequestException;
import io.saasreport.ingest.domain.RejectionReason;

class EstimateCsvImporterTest {

    @Test
    void eachRowIsAnEstimateOfTheFiscalYearPair() {
        List<EstimateEvent> events = EstimateCsvImporter.parse("""
                ticker,asOf,fy1End,fy1Revenue,fy2Revenue,fy1Fcf,fy2Fcf
                ACME,2025-06-02,2026-01-31,4525000000,5510000000,1100000000,1400000000
                BETA,2025-06-03T14:30:00Z,2025-12-31,120.5,150,,
                """, TestData.window(), TestData.MAX_ROWS);
        assertEquals(List.of(
                new EstimateEvent("ACME", Instant.parse("2025-06-02T20:00:00Z"), null, null, new BigDecimal("4525000000"),
                        new BigDecimal("5510000000"), LocalDate.parse("2026-01-31"), new BigDecimal("1100000000"),
                        new BigDecimal("1400000000")),
                new EstimateEvent("BETA", Instant.parse("2025-06-03T14:30:00Z"), null, null, new BigDecimal("120.5"),
                        new BigDecimal("150"), LocalDate.parse("2025-12-31"), null, null)), events);
    }

    @Test
    void columnsComeInAnyOrder() {
        assertEquals(EstimateCsvImporter.parse("ticker,asOf,fy1End,fy1Revenue,fy2Revenue\nACME,2025-06-02,2026-01-31,1,2\n", TestData.window(), TestData.MAX_ROWS),
                EstimateCsvImporter.parse("fy2Revenue,fy1Revenue,fy1End,asOf,ticker\n2,1,2026-01-31,2025-06-02,ACME\n", TestData.window(), TestData.MAX_ROWS));
    }

    @Test
    void aBadRowRefusesTheFileNamingItsLineAndField() {
        RejectedRequestException refused = assertThrows(RejectedRequestException.class, () -> EstimateCsvImporter.parse("""
                ticker,asOf,fy1End,fy1Revenue,fy2Revenue
                ACME,2025-06-02,2026-01-31,1,2
                BETA,yesterday,2026-01-31,1,2
                GAMMA,2025-06-02,2026-01-31,lots,2
                """, TestData.window(), TestData.MAX_ROWS));
        assertEquals(RejectionReason.VALIDATION, refused.reason());
        assertEquals(List.of(
                new EventError(null, 3, "asOf", "must be a date (YYYY-MM-DD) or an instant (2025-03-03T21:00:00Z), was 'yesterday'"),
                new EventError(null, 4, "fy1Revenue", "must be a number, was 'lots'")), refused.errors());
    }

    @Test
    void anUnknownLayoutIsMalformed() {
        RejectedRequestException refused = assertThrows(RejectedRequestException.class,
                () -> EstimateCsvImporter.parse("ticker,asOf,ntm\nACME,2025-06-02,1\n", TestData.window(), TestData.MAX_ROWS));
        assertEquals(RejectionReason.MALFORMED, refused.reason());
    }
}
