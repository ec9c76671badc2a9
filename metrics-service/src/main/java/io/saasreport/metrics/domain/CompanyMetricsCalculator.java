package io.saasreport.metrics.domain;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static io.saasreport.metrics.domain.NullableMath.divide;
import static io.saasreport.metrics.domain.NullableMath.finite;
import static io.saasreport.metrics.domain.NullableMath.growth;
import static io.saasreport.metrics.domain.NullableMath.isPositive;
import static io.saasreport.metrics.domain.NullableMath.minus;
import static io.saasreport.metrics.domain.NullableMath.orZero;
import static io.saasreport.metrics.domain.NullableMath.plus;
import static io.saasreport.metrics.domain.NullableMath.times;

/** The one place where the spec's company formulas ("Company metrics") live. */
public final class CompanyMetricsCalculator {

    private static final int LTM_QUARTERS = 4;
    private static final int TWO_YEARS_OF_QUARTERS = 8;
    private static final double DAYS_PER_YEAR = 365;

    private CompanyMetricsCalculator() {
    }

    public static CompanyMetrics compute(CompanyState state) {
        Optional<FilingEvent> q0 = state.latestQuarter();
        // Q0..Q3 (and Q0..Q7 for the growth) must all be held and consecutive, else every LTM figure is null.
        List<FilingEvent> ltm = state.consecutiveQuarters(LTM_QUARTERS).orElse(null);
        List<FilingEvent> twoYears = state.consecutiveQuarters(TWO_YEARS_OF_QUARTERS).orElse(null);

        Double price = state.latestPrice().map(PricePoint::price).orElse(null);
        Double sharesOutstanding = q0.map(FilingEvent::sharesOutstanding).map(Long::doubleValue).orElse(null);
        Double cash = q0.map(FilingEvent::cash).orElse(null);
        Double debt = q0.map(FilingEvent::debt).orElse(null);
        Double marketCap = times(price, sharesOutstanding);
        // Absent cash or debt counts as 0 for the enterprise value only (they are still reported as null).
        Double enterpriseValue = marketCap == null ? null : finite(marketCap + orZero(debt) - orZero(cash));

        Double ltmRevenue = sumOver(ltm, FilingEvent::revenue);
        Double priorLtmRevenue = twoYears == null ? null : sumOver(twoYears.subList(4, 8), FilingEvent::revenue);
        Double ltmGrowth = growth(ltmRevenue, priorLtmRevenue);

        EstimateEvent estimate = state.estimate().orElse(null);
        Double ntmRevenue = ntmRevenue(estimate);
        Double ntmFcf = ntmFcf(estimate);
        Double ntmGrowth = growth(ntmRevenue, ltmRevenue);

        Double evToNtmRevenue = isPositive(ntmRevenue) ? divide(enterpriseValue, ntmRevenue) : null;
        // 20x at 100 % growth is 0.2: growth enters as a percentage.
        Double growthAdjustedMultiple = isPositive(ntmGrowth) ? divide(evToNtmRevenue, ntmGrowth * 100) : null;
        Double evToNtmFcf = isPositive(ntmFcf) ? divide(enterpriseValue, ntmFcf) : null;

        Double grossMargin = divide(sumOver(ltm, FilingEvent::grossProfit), ltmRevenue);
        Double operatingMargin = divide(sumOver(ltm, FilingEvent::operatingIncome), ltmRevenue);
        Double fcfMargin = divide(sumOver(ltm, CompanyMetricsCalculator::freeCashFlow), ltmRevenue);
        Double salesMarketingPct = divide(sumOver(ltm, FilingEvent::salesAndMarketing), ltmRevenue);
        Double researchDevelopmentPct = divide(sumOver(ltm, FilingEvent::researchAndDevelopment), ltmRevenue);
        Double generalAdministrativePct = divide(sumOver(ltm, FilingEvent::generalAndAdministrative), ltmRevenue);

        Double ntmFcfMargin = divide(ntmFcf, ntmRevenue);
        Double ruleOf40Ltm = plus(ltmGrowth, fcfMargin);
        Double ruleOf40Ntm = plus(ntmGrowth, ntmFcfMargin);

        // Q1 is the quarter immediately before Q0; a gap leaves it (and what needs it) missing.
        List<FilingEvent> lastTwo = state.consecutiveQuarters(2).orElse(null);
        Double impliedArr = q0.map(CompanyMetricsCalculator::impliedArr).orElse(null);
        Double netNewArr = lastTwo == null ? null : minus(impliedArr, impliedArr(lastTwo.get(1)));
        Double gmAdjustedPaybackMonths = lastTwo == null ? null : paybackMonths(lastTwo.get(0), lastTwo.get(1), netNewArr);

        Double weeklyPriceChange = weeklyPriceChange(state);

        return new CompanyMetrics(
                state.ticker(),
                state.name().orElse(null),
                state.latestEventTime().orElse(null),
                price, sharesOutstanding, cash, debt, marketCap, enterpriseValue,
                ltmRevenue, ltmGrowth, ntmRevenue, ntmFcf, ntmGrowth,
                evToNtmRevenue, growthAdjustedMultiple, evToNtmFcf,
                grossMargin, operatingMargin, fcfMargin,
                salesMarketingPct, researchDevelopmentPct, generalAdministrativePct,
                ntmFcfMargin, ruleOf40Ltm, ruleOf40Ntm,
                q0.map(FilingEvent::netRevenueRetention).orElse(null),
                impliedArr, netNewArr, gmAdjustedPaybackMonths, weeklyPriceChange);
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
    private static Double paybackMonths(FilingEvent q0, FilingEvent q1, Double netNewArr) {
        Double q0GrossMargin = divide(q0.grossProfit(), q0.revenue());
        if (!isPositive(netNewArr) || !isPositive(q0GrossMargin)) {
            return null;
        }
        return times(divide(q1.salesAndMarketing(), netNewArr * q0GrossMargin), 12.0);
    }

    /** {@code price / p_ref - 1}, p_ref the last price at or before (time of the latest price − 7 days). */
    private static Double weeklyPriceChange(CompanyState state) {
        return state.latestPrice()
                .flatMap(latest -> state.priceAtOrBefore(latest.at().minus(CompanyState.WEEKLY_LOOKBACK))
                        .map(reference -> growth(latest.price(), reference.price())))
                .orElse(null);
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
        if (fy1 == null || fy2 == null || estimate.fy1End() == null) {
            return null;
        }
        LocalDate asOfDate = LocalDate.ofInstant(estimate.asOf(), ZoneOffset.UTC);
        long days = ChronoUnit.DAYS.between(asOfDate, estimate.fy1End());
        double w = Math.max(0, Math.min(1, days / DAYS_PER_YEAR));
        return finite(w * fy1 + (1 - w) * fy2);
    }
}
