package io.saasreport.report.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class QuarterlyReportTest {

    private static Filing filing(int year, int quarter, double revenue, Double grossProfit, Double operatingCashFlow,
            Double capitalExpenditures) {
        return new Filing("ACME", year, quarter, LocalDate.of(year, quarter * 3, 28), Instant.parse("2026-01-01T00:00:00Z"),
                revenue, 90.0, grossProfit, null, null, null, -10.0, operatingCashFlow, capitalExpenditures, null, null, null, 1.2);
    }

    @Test
    void headlineFiguresAreSharesOfTheQuartersRevenue() {
        QuarterlyReport report = QuarterlyReport.of(filing(2026, 3, 100.0, 80.0, 30.0, 5.0), filing(2025, 3, 80.0, 60.0, 20.0, 2.0), "Acme");

        assertEquals(0.25, report.revenueGrowthYoy());
        assertEquals(0.8, report.grossMargin());
        assertEquals(-0.1, report.operatingMargin());
        assertEquals(0.25, report.fcfMargin());
        assertEquals(1.2, report.netRevenueRetention());
        assertEquals("Acme", report.name());
    }

    @Test
    void absentCapitalExpendituresCountAsNothingSpent() {
        assertEquals(0.3, QuarterlyReport.of(filing(2026, 3, 100.0, null, 30.0, null), null, null).fcfMargin());
    }

    @Test
    void figuresWithoutTheirInputsAreUnknown() {
        QuarterlyReport report = QuarterlyReport.of(filing(2026, 3, 100.0, null, null, 5.0), null, null);

        assertNull(report.revenueGrowthYoy());
        assertNull(report.grossMargin());
        assertNull(report.fcfMargin());
    }

    @Test
    void consecutiveQuartersHaveConsecutiveIndexesAcrossYears() {
        assertEquals(filing(2025, 4, 1, null, null, null).quarterIndex() + 1, filing(2026, 1, 1, null, null, null).quarterIndex());
    }
}
