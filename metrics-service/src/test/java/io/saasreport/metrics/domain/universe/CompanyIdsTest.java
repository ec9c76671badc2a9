package io.saasreport.metrics.domain.universe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.saasreport.metrics.domain.company.CompanyMetrics;

class CompanyIdsTest {

    @Test
    void numbersAreDenseInOrderOfFirstSightAndStay() {
        CompanyIds ids = new CompanyIds();

        assertEquals(CompanyIds.UNKNOWN, ids.find("MSFT"));
        assertEquals(0, ids.idOf("MSFT"));
        assertEquals(1, ids.idOf("CRM"));
        assertEquals(0, ids.idOf("MSFT"));
        assertEquals(1, ids.find("CRM"));
    }

    @Test
    void universesSharingNumbersHoldTheSameFiguresAtEachCompanysNumber() {
        CompanyIds ids = new CompanyIds();
        UniverseStatistics first = new UniverseStatistics(ids);
        UniverseStatistics second = new UniverseStatistics(ids);
        IndexedFigures crm = IndexedFigures.of(figures("CRM", 8.0), 1, ids);
        IndexedFigures msft = IndexedFigures.of(figures("MSFT", 12.0), 1, ids);

        first.update(crm);
        second.update(msft); // numbered 1, beyond the second's empty array
        second.update(crm);

        assertSame(crm, first.held("CRM"));
        assertSame(msft, second.held("MSFT"));
        assertNull(first.held("MSFT"));
        assertNull(first.held("NEVER-SEEN"));
        assertEquals(2, second.size());
        assertTrue(second.remove(msft));
        assertFalse(second.remove(msft));
        assertFalse(second.contains("MSFT"));
        assertEquals(1, second.size());
        assertEquals(8.0, second.snapshot().medianEvToNtmRevenue());
    }

    private static CompanyMetrics figures(String ticker, double evToNtmRevenue) {
        return new CompanyMetrics(ticker, ticker + " Inc.", Instant.parse("2026-11-20T21:00:00Z"), 20.0, 1e8, 1e9,
                1e8, 2e9, 1.1e9, 5e8, 0.2, 6e8, 1e8, 0.3, evToNtmRevenue, evToNtmRevenue / 30, 10.0, 0.7, 0.1, 0.2,
                0.3, 0.2, 0.1, 0.15, 0.4, 0.5, 1.1, 4e8, 1e7, 20.0, 0.01);
    }
}
