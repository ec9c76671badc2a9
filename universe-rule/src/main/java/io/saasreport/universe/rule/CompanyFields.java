package io.saasreport.universe.rule;

import java.util.Set;
import java.util.TreeSet;

/**
 * The figures a rule may compare: every numeric figure of a company as published on {@code metrics.company}, by its
 * published name. The metrics service checks in a test that this is exactly its {@code CompanyMetrics}' numbers.
 */
public final class CompanyFields {

    public static final Set<String> NUMERIC = Set.copyOf(new TreeSet<>(Set.of(
            "price", "sharesOutstanding", "cash", "debt", "marketCap", "enterpriseValue",
            "ltmRevenue", "ltmGrowth", "ntmRevenue", "ntmFcf", "ntmGrowth",
            "evToNtmRevenue", "growthAdjustedMultiple", "evToNtmFcf",
            "grossMargin", "operatingMargin", "fcfMargin",
            "salesMarketingPct", "researchDevelopmentPct", "generalAdministrativePct", "ntmFcfMargin",
            "ruleOf40Ltm", "ruleOf40Ntm", "netRevenueRetention", "impliedArr", "netNewArr",
            "gmAdjustedPaybackMonths", "weeklyPriceChange")));

    private CompanyFields() {
    }
}
