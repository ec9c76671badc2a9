package io.saasreport.report.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A company's latest filed quarter with its headline figures, as the report's "quarterly reports" view shows them. */
@Schema(name = "QuarterlyReport", description = "A company's latest filed quarter and its headline figures; a figure is null when its inputs are missing.")
public record QuarterlyReport(
        @Schema(description = "Ticker symbol", required = true) String ticker,
        @Schema(description = "Company name, when the metrics service has published it", nullable = true) String name,
        @Schema(description = "Fiscal year", required = true) int fiscalYear,
        @Schema(description = "Fiscal quarter, 1..4", required = true) int fiscalQuarter,
        @Schema(description = "End of the quarter", required = true) LocalDate periodEnd,
        @Schema(description = "When the filing (or its latest restatement) was filed", required = true) Instant filedAt,
        @Schema(description = "Quarter revenue, USD", required = true) double revenue,
        @Schema(description = "Revenue / revenue of the same quarter a year earlier - 1 (fraction)", nullable = true) Double revenueGrowthYoy,
        @Schema(description = "Quarter subscription revenue, USD", nullable = true) Double subscriptionRevenue,
        @Schema(description = "Gross profit / revenue (fraction)", nullable = true) Double grossMargin,
        @Schema(description = "Operating income / revenue (fraction)", nullable = true) Double operatingMargin,
        @Schema(description = "(Operating cash flow - capital expenditures) / revenue (fraction); capex absent counts as 0", nullable = true) Double fcfMargin,
        @Schema(description = "Net revenue retention as disclosed (1.18 means 118 %)", nullable = true) Double netRevenueRetention) {

    /** The headline figures of {@code latest}; {@code yearAgo} is the same fiscal quarter a year earlier, or null. */
    public static QuarterlyReport of(Filing latest, Filing yearAgo, String name) {
        double revenue = latest.revenue();
        Double freeCashFlow = latest.operatingCashFlow() == null ? null
                : latest.operatingCashFlow() - (latest.capitalExpenditures() == null ? 0 : latest.capitalExpenditures());
        Double growth = yearAgo == null || yearAgo.revenue() <= 0 ? null : revenue / yearAgo.revenue() - 1;
        return new QuarterlyReport(latest.ticker(), name, latest.fiscalYear(), latest.fiscalQuarter(),
                latest.periodEnd(), latest.filedAt(), revenue, growth, latest.subscriptionRevenue(),
                shareOfRevenue(latest.grossProfit(), revenue), shareOfRevenue(latest.operatingIncome(), revenue),
                shareOfRevenue(freeCashFlow, revenue), latest.netRevenueRetention());
    }

    private static Double shareOfRevenue(Double amount, double revenue) {
        return amount == null || revenue <= 0 ? null : amount / revenue;
    }
}
