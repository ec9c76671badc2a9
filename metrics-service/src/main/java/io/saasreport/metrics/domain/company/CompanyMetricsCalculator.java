package io.saasreport.metrics.domain.company;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.saasreport.metrics.domain.event.EstimateEvent;
import io.saasreport.metrics.domain.event.FilingEvent;
import io.saasreport.metrics.domain.event.FiscalQuarter;

import static io.saasreport.metrics.domain.company.CompanySources.ESTIMATE;
import static io.saasreport.metrics.domain.company.CompanySources.LATEST_QUARTER;
import static io.saasreport.metrics.domain.company.CompanySources.LTM_QUARTERS;
import static io.saasreport.metrics.domain.company.CompanySources.PREVIOUS_QUARTER;
import static io.saasreport.metrics.domain.company.CompanySources.PRICE;
import static io.saasreport.metrics.domain.company.CompanySources.PRIOR_LTM_QUARTERS;
import static io.saasreport.metrics.domain.company.CompanySources.WEEKLY_REFERENCE;
import static io.saasreport.metrics.domain.company.NullableMath.divide;
import static io.saasreport.metrics.domain.company.NullableMath.finite;
import static io.saasreport.metrics.domain.company.NullableMath.growth;
import static io.saasreport.metrics.domain.company.NullableMath.isPositive;
import static io.saasreport.metrics.domain.company.NullableMath.minus;
import static io.saasreport.metrics.domain.company.NullableMath.orZero;
import static io.saasreport.metrics.domain.company.NullableMath.plus;
import static io.saasreport.metrics.domain.company.NullableMath.times;

/** The one place where the spec's company formulas ("Company metrics") live. */
public final class CompanyMetricsCalculator {

    private static final int QUARTERS_IN_LTM = 4;
    private static final int QUARTERS_IN_TWO_YEARS = 8;
    private static final double DAYS_PER_YEAR = 365;

    private CompanyMetricsCalculator() {
    }

    public static CompanyMetrics compute(CompanyState state) {
        return computeWithSources(state).metrics();
    }

    /**
     * The figures and, traced beside each one as it is computed, the inputs it uses and why it is null when it is
     * (so the sources can never tell another story than the formulas).
     */
    public static CompanyFigures computeWithSources(CompanyState state) {
        FigureTrace trace = new FigureTrace();
        Optional<FilingEvent> q0 = state.latestQuarter();
        // Q0..Q3 (and Q0..Q7 for the growth) must all be held and consecutive, else every LTM figure is null.
        List<FilingEvent> ltm = state.consecutiveQuarters(QUARTERS_IN_LTM).orElse(null);
        List<FilingEvent> twoYears = state.consecutiveQuarters(QUARTERS_IN_TWO_YEARS).orElse(null);
        List<FilingEvent> priorLtm = twoYears == null ? null : twoYears.subList(4, 8);
        String ltmGap = ltm != null ? null : gap(state, QUARTERS_IN_LTM, "LTM needs four consecutive quarters");
        String priorLtmGap = twoYears != null ? null
                : gap(state, QUARTERS_IN_TWO_YEARS, "LTM growth needs eight consecutive quarters");

        Optional<PricePoint> latestPrice = state.latestPrice();
        Double price = trace.input("price", latestPrice.map(PricePoint::price).orElse(null), PRICE, () -> "no price held");
        Double sharesOutstanding = trace.input("sharesOutstanding",
                q0.map(FilingEvent::sharesOutstanding).map(Long::doubleValue).orElse(null), LATEST_QUARTER,
                () -> notReported(q0, "sharesOutstanding"));
        Double cash = trace.input("cash", q0.map(FilingEvent::cash).orElse(null), LATEST_QUARTER,
                () -> notReported(q0, "cash"));
        Double debt = trace.input("debt", q0.map(FilingEvent::debt).orElse(null), LATEST_QUARTER,
                () -> notReported(q0, "debt"));
        Double marketCap = trace.derived("marketCap", times(price, sharesOutstanding), null, "price", "sharesOutstanding");
        // Absent cash or debt counts as 0 for the enterprise value only (they are still reported as null).
        Double enterpriseValue = trace.derived("enterpriseValue",
                marketCap == null ? null : finite(marketCap + orZero(debt) - orZero(cash)), null, "marketCap");

        Double ltmRevenue = ltmSum(trace, "ltmRevenue", ltm, ltmGap, FilingEvent::revenue, "revenue");
        Double priorLtmRevenue = trace.requiring("priorLtmRevenue", sumOver(priorLtm, FilingEvent::revenue),
                PRIOR_LTM_QUARTERS, priorLtmGap, () -> "the prior LTM revenue is not a finite number");
        Double ltmGrowth = trace.derived("ltmGrowth", growth(ltmRevenue, priorLtmRevenue), "the prior LTM revenue is 0",
                "ltmRevenue", "priorLtmRevenue");

        EstimateEvent estimate = state.estimate().orElse(null);
        Double ntmRevenue = trace.input("ntmRevenue", ntmRevenue(estimate), ESTIMATE,
                () -> notEstimated(estimate, "ntmRevenue", "fy1Revenue, fy2Revenue"));
        Double ntmFcf = trace.input("ntmFcf", ntmFcf(estimate), ESTIMATE,
                () -> notEstimated(estimate, "ntmFcf", "fy1Fcf, fy2Fcf"));
        Double ntmGrowth = trace.derived("ntmGrowth", growth(ntmRevenue, ltmRevenue), "ltmRevenue is 0",
                "ntmRevenue", "ltmRevenue");

        Double evToNtmRevenue = trace.derived("evToNtmRevenue",
                isPositive(ntmRevenue) ? divide(enterpriseValue, ntmRevenue) : null,
                isPositive(ntmRevenue) ? null : "ntmRevenue is not positive (" + plain(ntmRevenue) + ")", "enterpriseValue", "ntmRevenue");
        // 20x at 100 % growth is 0.2: growth enters as a percentage.
        Double growthAdjustedMultiple = trace.derived("growthAdjustedMultiple",
                isPositive(ntmGrowth) ? divide(evToNtmRevenue, ntmGrowth * 100) : null,
                isPositive(ntmGrowth) ? null : "ntmGrowth is not positive (" + plain(ntmGrowth) + ")", "evToNtmRevenue", "ntmGrowth");
        Double evToNtmFcf = trace.derived("evToNtmFcf", isPositive(ntmFcf) ? divide(enterpriseValue, ntmFcf) : null,
                isPositive(ntmFcf) ? null : "ntmFcf is not positive (" + plain(ntmFcf) + ")", "enterpriseValue", "ntmFcf");

        Double grossMargin = shareOfLtmRevenue(trace, "grossMargin", ltm, ltmGap, FilingEvent::grossProfit,
                "grossProfit", ltmRevenue);
        Double operatingMargin = shareOfLtmRevenue(trace, "operatingMargin", ltm, ltmGap, FilingEvent::operatingIncome,
                "operatingIncome", ltmRevenue);
        Double fcfMargin = shareOfLtmRevenue(trace, "fcfMargin", ltm, ltmGap, CompanyMetricsCalculator::freeCashFlow,
                "operatingCashFlow", ltmRevenue);
        Double salesMarketingPct = shareOfLtmRevenue(trace, "salesMarketingPct", ltm, ltmGap,
                FilingEvent::salesAndMarketing, "salesAndMarketing", ltmRevenue);
        Double researchDevelopmentPct = shareOfLtmRevenue(trace, "researchDevelopmentPct", ltm, ltmGap,
                FilingEvent::researchAndDevelopment, "researchAndDevelopment", ltmRevenue);
        Double generalAdministrativePct = shareOfLtmRevenue(trace, "generalAdministrativePct", ltm, ltmGap,
                FilingEvent::generalAndAdministrative, "generalAndAdministrative", ltmRevenue);

        Double ntmFcfMargin = trace.derived("ntmFcfMargin", divide(ntmFcf, ntmRevenue), "ntmRevenue is 0",
                "ntmFcf", "ntmRevenue");
        Double ruleOf40Ltm = trace.derived("ruleOf40Ltm", plus(ltmGrowth, fcfMargin), null, "ltmGrowth", "fcfMargin");
        Double ruleOf40Ntm = trace.derived("ruleOf40Ntm", plus(ntmGrowth, ntmFcfMargin), null, "ntmGrowth", "ntmFcfMargin");
        Double netRevenueRetention = trace.input("netRevenueRetention",
                q0.map(FilingEvent::netRevenueRetention).orElse(null), LATEST_QUARTER,
                () -> notReported(q0, "netRevenueRetention"));

        // Q1 is the quarter immediately before Q0; a gap leaves it (and what needs it) missing.
        List<FilingEvent> lastTwo = state.consecutiveQuarters(2).orElse(null);
        FilingEvent q1 = lastTwo == null ? null : lastTwo.get(1);
        String q1Gap = q1 != null ? null : q0.map(latest -> "needs the quarter before " + latest.quarter().label() + " ("
                + latest.quarter().previous().label() + "), which is not held").orElse(NO_QUARTER);
        Double impliedArr = trace.input("impliedArr", q0.map(CompanyMetricsCalculator::impliedArr).orElse(null),
                LATEST_QUARTER, () -> notReported(q0, "subscriptionRevenue"));
        Double previousImpliedArr = trace.requiring("previousImpliedArr", q1 == null ? null : impliedArr(q1),
                PREVIOUS_QUARTER, q1Gap, () -> notReported(Optional.of(q1), "subscriptionRevenue"));
        Double netNewArr = trace.derived("netNewArr", minus(impliedArr, previousImpliedArr), null,
                "impliedArr", "previousImpliedArr");
        Double q0GrossMargin = trace.input("q0GrossMargin",
                q0.map(latest -> divide(latest.grossProfit(), latest.revenue())).orElse(null), LATEST_QUARTER,
                () -> q0.isEmpty() || q0.get().grossProfit() == null ? notReported(q0, "grossProfit")
                        : q0.get().quarter().label() + " revenue is 0");
        Double previousSalesAndMarketing = trace.requiring("previousSalesAndMarketing",
                q1 == null ? null : q1.salesAndMarketing(), PREVIOUS_QUARTER, q1Gap,
                () -> notReported(Optional.of(q1), "salesAndMarketing"));
        Double gmAdjustedPaybackMonths = trace.derived("gmAdjustedPaybackMonths",
                q1 == null ? null : paybackMonths(q1, netNewArr, q0GrossMargin),
                !isPositive(netNewArr) ? "netNewArr is not positive (" + plain(netNewArr) + ")"
                        : !isPositive(q0GrossMargin) ? "the gross margin of " + q0.get().quarter().label() + " is not positive (" + plain(q0GrossMargin) + ")"
                        : null,
                "netNewArr", "q0GrossMargin", "previousSalesAndMarketing");

        // p_ref: the last price at or before (time of the latest price - 7 days).
        Optional<PricePoint> weeklyReference = latestPrice
                .flatMap(latest -> state.priceAtOrBefore(latest.at().minus(CompanyState.WEEKLY_LOOKBACK)));
        Double referencePrice = trace.input("weeklyReferencePrice", weeklyReference.map(PricePoint::price).orElse(null),
                WEEKLY_REFERENCE, () -> latestPrice.map(latest -> "no price at or before "
                        + latest.at().minus(CompanyState.WEEKLY_LOOKBACK) + " (a week before the latest price)")
                        .orElse("no price held"));
        Double weeklyPriceChange = trace.derived("weeklyPriceChange", growth(price, referencePrice), null,
                "price", "weeklyReferencePrice");

        CompanyMetrics metrics = new CompanyMetrics(
                state.ticker(),
                state.name().orElse(null),
                state.latestEventTime().orElse(null),
                price, sharesOutstanding, cash, debt, marketCap, enterpriseValue,
                ltmRevenue, ltmGrowth, ntmRevenue, ntmFcf, ntmGrowth,
                evToNtmRevenue, growthAdjustedMultiple, evToNtmFcf,
                grossMargin, operatingMargin, fcfMargin,
                salesMarketingPct, researchDevelopmentPct, generalAdministrativePct,
                ntmFcfMargin, ruleOf40Ltm, ruleOf40Ntm,
                netRevenueRetention,
                impliedArr, netNewArr, gmAdjustedPaybackMonths, weeklyPriceChange);
        CompanySources sources = new CompanySources(
                latestPrice.map(CompanySources.PriceSource::of).orElse(null),
                weeklyReference.map(CompanySources.PriceSource::of).orElse(null),
                q0.map(filing -> CompanySources.QuarterSource.of(filing, state)).orElse(null),
                q1 == null ? null : CompanySources.QuarterSource.of(q1, state),
                quarters(ltm, state), quarters(priorLtm, state),
                estimateSource(estimate),
                trace.figures(CompanyMetrics.FIGURES));
        return new CompanyFigures(metrics, sources);
    }

    private static final String NO_QUARTER = "no quarter filed";

    /** "LTM needs four consecutive quarters; held: FY2026 Q1, FY2025 Q4, FY2025 Q2". */
    private static String gap(CompanyState state, int count, String rule) {
        List<FiscalQuarter> held = state.heldOfLatest(count);
        if (held.isEmpty()) {
            return NO_QUARTER;
        }
        return rule + "; held: " + held.stream().map(FiscalQuarter::label).collect(Collectors.joining(", "));
    }

    /** A number as a reader writes it (no exponent): -1839898170.03, not -1.83989817003E9. */
    private static String plain(Double value) {
        return value == null ? "null" : BigDecimal.valueOf(value).toPlainString();
    }

    private static String notReported(Optional<FilingEvent> quarter, String field) {
        return quarter.map(filing -> filing.quarter().label() + " does not report " + field).orElse(NO_QUARTER);
    }

    private static String notEstimated(EstimateEvent estimate, String ntmField, String fiscalYearFields) {
        return estimate == null ? "no estimate held"
                : "the estimate of " + estimate.asOf() + " gives neither " + ntmField + " nor " + fiscalYearFields
                        + " and fy1End";
    }

    /** A field summed over the LTM, traced: the LTM's gap, or the quarters that do not report the field. */
    private static Double ltmSum(FigureTrace trace, String name, List<FilingEvent> ltm, String ltmGap,
            Function<FilingEvent, Double> field, String fieldName) {
        return trace.requiring(name, sumOver(ltm, field), LTM_QUARTERS, ltmGap, () -> {
            List<String> lacking = ltm.stream().filter(quarter -> field.apply(quarter) == null)
                    .map(quarter -> quarter.quarter().label()).toList();
            return lacking.isEmpty() ? name + " is not a finite number"
                    : fieldName + " not reported for " + String.join(", ", lacking);
        });
    }

    /** {@code field summed over the LTM / ltmRevenue}, traced. */
    private static Double shareOfLtmRevenue(FigureTrace trace, String name, List<FilingEvent> ltm, String ltmGap,
            Function<FilingEvent, Double> field, String fieldName, Double ltmRevenue) {
        String sumName = "LTM " + fieldName;
        Double sum = ltmSum(trace, sumName, ltm, ltmGap, field, fieldName);
        return trace.derived(name, divide(sum, ltmRevenue), "ltmRevenue is 0", sumName, "ltmRevenue");
    }

    private static List<CompanySources.QuarterSource> quarters(List<FilingEvent> filings, CompanyState state) {
        return filings == null ? null : filings.stream().map(filing -> CompanySources.QuarterSource.of(filing, state)).toList();
    }

    private static CompanySources.EstimateSource estimateSource(EstimateEvent estimate) {
        if (estimate == null) {
            return null;
        }
        boolean blended = estimate.ntmRevenue() == null || estimate.ntmFcf() == null;
        return new CompanySources.EstimateSource(estimate.asOf(), estimate.eventId(), estimate.ntmRevenue(), estimate.ntmFcf(),
                estimate.fy1Revenue(), estimate.fy2Revenue(), estimate.fy1Fcf(), estimate.fy2Fcf(), estimate.fy1End(),
                blended ? blendWeight(estimate) : null);
    }

    /** The field summed over the given quarters; null if there are none or any quarter lacks it. */
    private static Double sumOver(List<FilingEvent> quarters, Function<FilingEvent, Double> field) {
        if (quarters == null) {
            return null;
        }
        double sum = 0;
        for (FilingEvent quarter : quarters) {
            Double value = field.apply(quarter);
            if (value == null) {
                return null;
            }
            sum += value;
        }
        return finite(sum);
    }

    /** Operating cash flow minus capital expenditures; absent capex counts as 0. */
    private static Double freeCashFlow(FilingEvent quarter) {
        Double operatingCashFlow = quarter.operatingCashFlow();
        return operatingCashFlow == null ? null : operatingCashFlow - orZero(quarter.capitalExpenditures());
    }

    private static Double impliedArr(FilingEvent quarter) {
        return times(4.0, quarter.subscriptionRevenue());
    }

    /**
     * {@code salesAndMarketing(Q1) / (netNewArr * grossMargin(Q0)) * 12}; null unless netNewArr and Q0's gross
     * margin are both positive.
     */
    private static Double paybackMonths(FilingEvent q1, Double netNewArr, Double q0GrossMargin) {
        if (!isPositive(netNewArr) || !isPositive(q0GrossMargin)) {
            return null;
        }
        return times(divide(q1.salesAndMarketing(), netNewArr * q0GrossMargin), 12.0);
    }

    static Double ntmRevenue(EstimateEvent estimate) {
        if (estimate == null) {
            return null;
        }
        if (estimate.ntmRevenue() != null) {
            return estimate.ntmRevenue();
        }
        return blend(estimate, estimate.fy1Revenue(), estimate.fy2Revenue());
    }

    static Double ntmFcf(EstimateEvent estimate) {
        if (estimate == null) {
            return null;
        }
        if (estimate.ntmFcf() != null) {
            return estimate.ntmFcf();
        }
        return blend(estimate, estimate.fy1Fcf(), estimate.fy2Fcf());
    }

    /**
     * {@code w * fy1 + (1 - w) * fy2} with {@code w = clamp(days(asOf, fy1End) / 365, 0, 1)}, days counted as whole
     * calendar days from the estimate's UTC date to {@code fy1End} (what reproduces the worked example exactly).
     */
    static Double blend(EstimateEvent estimate, Double fy1, Double fy2) {
        Double w = blendWeight(estimate);
        if (fy1 == null || fy2 == null || w == null) {
            return null;
        }
        return finite(w * fy1 + (1 - w) * fy2);
    }

    /** {@code w}, the FY1 weight of a blend; null without {@code fy1End}. */
    static Double blendWeight(EstimateEvent estimate) {
        if (estimate.fy1End() == null) {
            return null;
        }
        LocalDate asOfDate = LocalDate.ofInstant(estimate.asOf(), ZoneOffset.UTC);
        long days = ChronoUnit.DAYS.between(asOfDate, estimate.fy1End());
        return Math.max(0, Math.min(1, days / DAYS_PER_YEAR));
    }
}
