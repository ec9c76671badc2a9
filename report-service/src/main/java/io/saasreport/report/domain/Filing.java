package io.saasreport.report.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One fiscal quarter's reported figures, as ingest publishes them on {@code company.filings} (spec: metrics.md,
 * "Inputs"). Flows are for the quarter, balances at {@code periodEnd}; every figure but {@code revenue} may be absent.
 */
public record Filing(
        String ticker,
        Integer fiscalYear,
        Integer fiscalQuarter,
        LocalDate periodEnd,
        Instant filedAt,
        Double revenue,
        Double subscriptionRevenue,
        Double grossProfit,
        Double salesAndMarketing,
        Double researchAndDevelopment,
        Double generalAndAdministrative,
        Double operatingIncome,
        Double operatingCashFlow,
        Double capitalExpenditures,
        Double cash,
        Double debt,
        Double sharesOutstanding,
        Double netRevenueRetention) {

    public Filing {
        require(ticker != null && !ticker.isBlank(), "ticker");
        require(fiscalYear != null, "fiscalYear");
        require(fiscalQuarter != null && fiscalQuarter >= 1 && fiscalQuarter <= 4, "fiscalQuarter (1..4)");
        require(periodEnd != null, "periodEnd");
        require(filedAt != null, "filedAt");
        require(revenue != null, "revenue");
    }

    /** Consecutive quarters have consecutive indexes: the quarter before {@code (y, 1)} is {@code (y - 1, 4)}. */
    public int quarterIndex() {
        return fiscalYear * 4 + fiscalQuarter - 1;
    }

    private static void require(boolean present, String field) {
        if (!present) {
            throw new IllegalArgumentException("filing without a valid " + field);
        }
    }
}
