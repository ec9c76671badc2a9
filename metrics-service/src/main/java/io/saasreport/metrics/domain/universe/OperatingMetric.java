package io.saasreport.metrics.domain.universe;

import java.util.function.Function;

import io.saasreport.metrics.domain.company.CompanyMetrics;

/** The company metrics whose universe medians form {@code operatingMedians}. */
public enum OperatingMetric {
    NTM_GROWTH(CompanyMetrics::ntmGrowth),
    LTM_GROWTH(CompanyMetrics::ltmGrowth),
    GROSS_MARGIN(CompanyMetrics::grossMargin),
    OPERATING_MARGIN(CompanyMetrics::operatingMargin),
    FCF_MARGIN(CompanyMetrics::fcfMargin),
    NET_REVENUE_RETENTION(CompanyMetrics::netRevenueRetention),
    GM_ADJUSTED_PAYBACK_MONTHS(CompanyMetrics::gmAdjustedPaybackMonths),
    SALES_MARKETING_PCT(CompanyMetrics::salesMarketingPct),
    RESEARCH_DEVELOPMENT_PCT(CompanyMetrics::researchDevelopmentPct),
    GENERAL_ADMINISTRATIVE_PCT(CompanyMetrics::generalAdministrativePct),
    RULE_OF_40_LTM(CompanyMetrics::ruleOf40Ltm),
    RULE_OF_40_NTM(CompanyMetrics::ruleOf40Ntm);

    private final Function<CompanyMetrics, Double> value;

    OperatingMetric(Function<CompanyMetrics, Double> value) {
        this.value = value;
    }

    public Double valueOf(CompanyMetrics metrics) {
        return value.apply(metrics);
    }
}
