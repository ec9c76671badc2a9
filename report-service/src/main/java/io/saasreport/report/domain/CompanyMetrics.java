package io.saasreport.report.domain;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One company's metrics as the metrics service publishes them on {@code metrics.company} (spec: metrics.md,
 * "Company metrics"), with the growth bucket it publishes beside them. Every metric is {@code null} when unknown. The component order is the order of the
 * companies table and of its CSV export.
 */
@RegisterForReflection // CompanyField reads the components reflectively (sorting, CSV)
@Schema(name = "CompanyMetrics", description = "One company's current metrics; a metric is null when its inputs are missing.")
public record CompanyMetrics(
        @Schema(description = "Ticker symbol", required = true, examples = "BPH") String ticker,
        @Schema(description = "Company name", nullable = true) String name,
        @Schema(description = "The latest event time that went into these figures (ISO-8601 instant)", required = true) Instant asOf,
        @Schema(description = "Latest price, USD", nullable = true) Double price,
        @Schema(description = "Shares outstanding at the latest quarter end", nullable = true) Double sharesOutstanding,
        @Schema(description = "Cash, equivalents and short-term investments, USD", nullable = true) Double cash,
        @Schema(description = "Total debt, USD", nullable = true) Double debt,
        @Schema(description = "price * sharesOutstanding, USD", nullable = true) Double marketCap,
        @Schema(description = "marketCap + debt - cash, USD", nullable = true) Double enterpriseValue,
        @Schema(description = "Revenue over the last four quarters, USD", nullable = true) Double ltmRevenue,
        @Schema(description = "LTM revenue growth over the prior four quarters (fraction)", nullable = true) Double ltmGrowth,
        @Schema(description = "Consensus revenue for the next twelve months, USD", nullable = true) Double ntmRevenue,
        @Schema(description = "Consensus free cash flow for the next twelve months, USD", nullable = true) Double ntmFcf,
        @Schema(description = "ntmRevenue / ltmRevenue - 1 (fraction)", nullable = true) Double ntmGrowth,
        @Schema(description = "enterpriseValue / ntmRevenue (multiple)", nullable = true) Double evToNtmRevenue,
        @Schema(description = "evToNtmRevenue / (ntmGrowth * 100)", nullable = true) Double growthAdjustedMultiple,
        @Schema(description = "enterpriseValue / ntmFcf (multiple)", nullable = true) Double evToNtmFcf,
        @Schema(description = "LTM gross profit / LTM revenue (fraction)", nullable = true) Double grossMargin,
        @Schema(description = "LTM operating income / LTM revenue (fraction)", nullable = true) Double operatingMargin,
        @Schema(description = "LTM free cash flow / LTM revenue (fraction)", nullable = true) Double fcfMargin,
        @Schema(description = "LTM sales and marketing / LTM revenue (fraction)", nullable = true) Double salesMarketingPct,
        @Schema(description = "LTM research and development / LTM revenue (fraction)", nullable = true) Double researchDevelopmentPct,
        @Schema(description = "LTM general and administrative / LTM revenue (fraction)", nullable = true) Double generalAdministrativePct,
        @Schema(description = "ntmFcf / ntmRevenue (fraction)", nullable = true) Double ntmFcfMargin,
        @Schema(description = "ltmGrowth + fcfMargin (fraction)", nullable = true) Double ruleOf40Ltm,
        @Schema(description = "ntmGrowth + ntmFcfMargin (fraction)", nullable = true) Double ruleOf40Ntm,
        @Schema(description = "Net revenue retention as disclosed (1.18 means 118 %)", nullable = true) Double netRevenueRetention,
        @Schema(description = "4 * subscription revenue of the latest quarter, USD", nullable = true) Double impliedArr,
        @Schema(description = "impliedArr change over the previous quarter, USD", nullable = true) Double netNewArr,
        @Schema(description = "Gross-margin-adjusted CAC payback, months", nullable = true) Double gmAdjustedPaybackMonths,
        @Schema(description = "Price change over the last week (fraction)", nullable = true) Double weeklyPriceChange,
        @Schema(description = "NTM growth bucket as the metrics service assigns it (the thresholds are in its AsyncAPI "
                + "document); null while ntmGrowth is unknown", nullable = true, enumeration = { "high", "mid", "low" })
        String growthBucket) {

    public CompanyMetrics {
        if (ticker == null || ticker.isBlank()) {
            throw new IllegalArgumentException("company metrics without a ticker");
        }
        if (asOf == null) {
            throw new IllegalArgumentException("company metrics for " + ticker + " without asOf");
        }
    }
}
