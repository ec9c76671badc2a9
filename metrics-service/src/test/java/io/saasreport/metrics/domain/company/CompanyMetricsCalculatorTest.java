package io.saasreport.metrics.domain.company;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import io.saasreport.metrics.domain.event.CompanyEvent;
import io.saasreport.metrics.domain.event.EstimateEvent;
import io.saasreport.metrics.domain.event.Filing;
import io.saasreport.metrics.domain.event.PriceEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CompanyMetricsCalculatorTest {

    private static final String TICKER = "ACME";
    private static final Instant NOW = Instant.parse("2026-11-20T21:00:00Z");
    private static final double TOLERANCE = 1e-12;

    private final CompanyState state = new CompanyState(TICKER);

    /** Eight consecutive quarters 2025Q1..2026Q4: revenue 100 a quarter in 2025 and 125 in 2026. */
    private void twoYearsOfQuarters() {
        for (int quarter = 1; quarter <= 4; quarter++) {
            state.apply(Filing.of(TICKER, 2025, quarter).revenue(100.0).build());
            state.apply(Filing.of(TICKER, 2026, quarter).revenue(125.0).build());
        }
    }

    private CompanyMetrics metrics() {
        return CompanyMetricsCalculator.compute(state);
    }

    @Test
    void ltmSumsTheLastFourQuartersAndGrowthComparesWithThePriorFour() {
        twoYearsOfQuarters();

        CompanyMetrics metrics = metrics();

        assertEquals(500.0, metrics.ltmRevenue());
        assertEquals(0.25, metrics.ltmGrowth(), TOLERANCE);
        assertEquals(4 * 75.0 / 500, metrics.grossMargin(), TOLERANCE);
        assertEquals(4 * 15.0 / 500, metrics.operatingMargin(), TOLERANCE);
        assertEquals(4 * (25.0 - 5.0) / 500, metrics.fcfMargin(), TOLERANCE);
        assertEquals(4 * 30.0 / 500, metrics.salesMarketingPct(), TOLERANCE);
        assertEquals(4 * 20.0 / 500, metrics.researchDevelopmentPct(), TOLERANCE);
        assertEquals(4 * 10.0 / 500, metrics.generalAdministrativePct(), TOLERANCE);
        assertEquals(0.25 + 0.16, metrics.ruleOf40Ltm(), TOLERANCE);
    }

    @Test
    void ltmIsNullWhenQuartersAreNotConsecutive() {
        state.apply(Filing.of(TICKER, 2026, 4).build());
        state.apply(Filing.of(TICKER, 2026, 3).build());
        state.apply(Filing.of(TICKER, 2026, 1).build());
        state.apply(Filing.of(TICKER, 2025, 4).build());

        CompanyMetrics metrics = metrics();

        assertNull(metrics.ltmRevenue());
        assertNull(metrics.grossMargin());
        assertNull(metrics.fcfMargin());
        assertNull(metrics.ruleOf40Ltm());
        // Q0's own figures do not need the LTM.
        assertEquals(1.2, metrics.netRevenueRetention());
        assertEquals(1000.0, metrics.cash());
    }

    @Test
    void ltmIsNullWithFewerThanFourQuarters() {
        state.apply(Filing.of(TICKER, 2026, 2).build());
        state.apply(Filing.of(TICKER, 2026, 1).build());
        state.apply(Filing.of(TICKER, 2025, 4).build());

        assertNull(metrics().ltmRevenue());
    }

    @Test
    void ltmSumIsNullWhenOneQuarterLacksTheField() {
        twoYearsOfQuarters();
        state.apply(Filing.of(TICKER, 2026, 2).revenue(125.0).generalAndAdministrative(null)
                .filedAt(NOW).build());

        CompanyMetrics metrics = metrics();

        assertNull(metrics.generalAdministrativePct());
        assertEquals(500.0, metrics.ltmRevenue());
    }

    @Test
    void ltmGrowthNeedsEightConsecutiveQuarters() {
        for (int quarter = 1; quarter <= 4; quarter++) {
            state.apply(Filing.of(TICKER, 2026, quarter).build());
        }
        state.apply(Filing.of(TICKER, 2025, 4).build());
        state.apply(Filing.of(TICKER, 2025, 3).build());
        state.apply(Filing.of(TICKER, 2025, 1).build());

        CompanyMetrics metrics = metrics();

        assertEquals(400.0, metrics.ltmRevenue());
        assertNull(metrics.ltmGrowth());
        assertNull(metrics.ruleOf40Ltm());
    }

    @Test
    void capexAbsentCountsAsZeroInFreeCashFlow() {
        for (int quarter = 1; quarter <= 4; quarter++) {
            state.apply(Filing.of(TICKER, 2026, quarter).capitalExpenditures(quarter == 2 ? null : 5.0).build());
        }

        assertEquals((4 * 25.0 - 3 * 5.0) / 400, metrics().fcfMargin(), TOLERANCE);
    }

    @Test
    void fcfMarginIsNullWhenOperatingCashFlowIsMissing() {
        for (int quarter = 1; quarter <= 4; quarter++) {
            state.apply(Filing.of(TICKER, 2026, quarter).operatingCashFlow(quarter == 3 ? null : 25.0).build());
        }

        assertNull(metrics().fcfMargin());
    }

    @Test
    void marketCapAndEnterpriseValueFromLatestPriceAndQ0Balances() {
        state.apply(Filing.of(TICKER, 2026, 1).sharesOutstanding(200L).cash(50.0).debt(30.0).build());
        state.apply(new PriceEvent(TICKER, 10.0, NOW.minusSeconds(60)));
        state.apply(new PriceEvent(TICKER, 12.0, NOW));

        CompanyMetrics metrics = metrics();

        assertEquals(12.0, metrics.price());
        assertEquals(200.0, metrics.sharesOutstanding());
        assertEquals(2400.0, metrics.marketCap());
        assertEquals(2400.0 + 30 - 50, metrics.enterpriseValue());
    }

    @Test
    void cashAndDebtAbsentCountAsZeroForEnterpriseValueOnly() {
        state.apply(Filing.of(TICKER, 2026, 1).sharesOutstanding(200L).cash(null).debt(null).build());
        state.apply(new PriceEvent(TICKER, 10.0, NOW));

        CompanyMetrics metrics = metrics();

        assertEquals(2000.0, metrics.enterpriseValue());
        assertNull(metrics.cash());
        assertNull(metrics.debt());
    }

    @Test
    void marketCapIsNullWithoutSharesOutstanding() {
        state.apply(Filing.of(TICKER, 2026, 1).sharesOutstanding(null).build());
        state.apply(new PriceEvent(TICKER, 10.0, NOW));

        CompanyMetrics metrics = metrics();

        assertNull(metrics.marketCap());
        assertNull(metrics.enterpriseValue());
        assertEquals(10.0, metrics.price());
    }

    @Test
    void ntmBlendWeighsFiscalYearsByWholeDaysToFy1End() {
        // asOf 2026-11-14 (UTC date) to fy1End 2026-12-21: 37 days, w = 37/365.
        state.apply(new EstimateEvent(TICKER, Instant.parse("2026-11-14T21:00:00Z"), null, null,
                19740247864.34, 23805453077.79, LocalDate.of(2026, 12, 21), 3667626619.21, 4482654756.81));

        CompanyMetrics metrics = metrics();

        assertEquals(23393363782.18, metrics.ntmRevenue(), 1e-9 * 23393363782.18);
        assertEquals(4400035466.1491785, metrics.ntmFcf(), 1e-9 * 4400035466.1491785);
    }

    @Test
    void ntmBlendUsesTheUtcDateOfAsOf() {
        // 23:30 in New York on 2026-12-20 is already 2026-12-21 in UTC: zero days left, all FY2.
        state.apply(new EstimateEvent(TICKER, Instant.parse("2026-12-21T04:30:00Z"), null, null,
                100.0, 200.0, LocalDate.of(2026, 12, 21), null, null));

        assertEquals(200.0, metrics().ntmRevenue());
    }

    @Test
    void ntmBlendWeightIsClampedBetweenZeroAndOne() {
        state.apply(new EstimateEvent(TICKER, NOW, null, null, 100.0, 200.0, LocalDate.of(2026, 1, 31), null, null));
        assertEquals(200.0, metrics().ntmRevenue(), "fy1End passed: w = 0");

        state.apply(new EstimateEvent(TICKER, NOW.plusSeconds(1), null, null, 100.0, 200.0,
                LocalDate.of(2028, 6, 30), null, null));
        assertEquals(100.0, metrics().ntmRevenue(), "fy1End more than a year away: w = 1");
    }

    @Test
    void ntmBlendNeedsBothFiscalYearsAndFy1End() {
        state.apply(new EstimateEvent(TICKER, NOW, null, null, 100.0, null, LocalDate.of(2027, 1, 31), 10.0, 20.0));

        CompanyMetrics metrics = metrics();

        assertNull(metrics.ntmRevenue());
        assertEquals(10.0 * 72 / 365 + 20.0 * (1 - 72 / 365.0), metrics.ntmFcf(), TOLERANCE);
    }

    @Test
    void directNtmFiguresWinOverFiscalYears() {
        state.apply(new EstimateEvent(TICKER, NOW, 300.0, 30.0, 100.0, 200.0, LocalDate.of(2027, 1, 31), 10.0, 20.0));

        assertEquals(300.0, metrics().ntmRevenue());
        assertEquals(30.0, metrics().ntmFcf());
    }

    @Test
    void multiplesAndGrowthFromEstimate() {
        twoYearsOfQuarters();
        // EV = 10 * 100 + 400 - 1000 = 400; NTM revenue 800 is 60 % above the LTM 500.
        state.apply(new PriceEvent(TICKER, 10.0, NOW));
        state.apply(EstimateEvent.ntm(TICKER, NOW, 800.0, 80.0));

        CompanyMetrics metrics = metrics();

        assertEquals(400.0, metrics.enterpriseValue());
        assertEquals(0.6, metrics.ntmGrowth(), TOLERANCE);
        assertEquals(0.5, metrics.evToNtmRevenue(), TOLERANCE);
        assertEquals(0.5 / 60, metrics.growthAdjustedMultiple(), TOLERANCE);
        assertEquals(5.0, metrics.evToNtmFcf(), TOLERANCE);
        assertEquals(0.1, metrics.ntmFcfMargin(), TOLERANCE);
        assertEquals(0.7, metrics.ruleOf40Ntm(), TOLERANCE);
    }

    @Test
    void growthAdjustedMultipleIsTwoTenthsForTwentyTimesAtHundredPercentGrowth() {
        for (int quarter = 1; quarter <= 4; quarter++) {
            state.apply(Filing.of(TICKER, 2026, quarter).revenue(100.0).sharesOutstanding(1000L)
                    .cash(0.0).debt(0.0).build());
        }
        state.apply(new PriceEvent(TICKER, 16.0, NOW));
        state.apply(EstimateEvent.ntm(TICKER, NOW, 800.0, null));

        CompanyMetrics metrics = metrics();

        assertEquals(20.0, metrics.evToNtmRevenue(), TOLERANCE);
        assertEquals(1.0, metrics.ntmGrowth(), TOLERANCE);
        assertEquals(0.2, metrics.growthAdjustedMultiple(), TOLERANCE);
    }

    @Test
    void evToNtmRevenueIsNullUnlessNtmRevenueIsPositive() {
        twoYearsOfQuarters();
        state.apply(new PriceEvent(TICKER, 10.0, NOW));
        state.apply(EstimateEvent.ntm(TICKER, NOW, 0.0, 80.0));

        CompanyMetrics metrics = metrics();

        assertNull(metrics.evToNtmRevenue());
        assertNull(metrics.growthAdjustedMultiple());
        assertNull(metrics.ntmFcfMargin(), "division by zero is null, never infinite");
        assertEquals(-1.0, metrics.ntmGrowth(), TOLERANCE);
    }

    @Test
    void growthAdjustedMultipleIsNullUnlessNtmGrowthIsPositive() {
        twoYearsOfQuarters();
        state.apply(new PriceEvent(TICKER, 10.0, NOW));
        state.apply(EstimateEvent.ntm(TICKER, NOW, 500.0, 80.0));

        CompanyMetrics metrics = metrics();

        assertEquals(0.0, metrics.ntmGrowth(), TOLERANCE);
        assertEquals(0.8, metrics.evToNtmRevenue(), TOLERANCE);
        assertNull(metrics.growthAdjustedMultiple());
    }

    @Test
    void evToNtmFcfIsNullUnlessNtmFcfIsPositive() {
        twoYearsOfQuarters();
        state.apply(new PriceEvent(TICKER, 10.0, NOW));
        state.apply(EstimateEvent.ntm(TICKER, NOW, 800.0, -80.0));

        CompanyMetrics metrics = metrics();

        assertNull(metrics.evToNtmFcf());
        assertEquals(-0.1, metrics.ntmFcfMargin(), TOLERANCE);
    }

    @Test
    void ntmGrowthIsNullWithoutLtmRevenue() {
        state.apply(Filing.of(TICKER, 2026, 4).build());
        state.apply(EstimateEvent.ntm(TICKER, NOW, 800.0, 80.0));

        CompanyMetrics metrics = metrics();

        assertNull(metrics.ntmGrowth());
        assertNull(metrics.ruleOf40Ntm());
        assertEquals(800.0, metrics.ntmRevenue());
    }

    @Test
    void ltmRatiosAreNullWhenLtmRevenueIsZero() {
        for (int quarter = 1; quarter <= 4; quarter++) {
            state.apply(Filing.of(TICKER, 2026, quarter).revenue(0.0).build());
        }
        state.apply(EstimateEvent.ntm(TICKER, NOW, 800.0, 80.0));

        CompanyMetrics metrics = metrics();

        assertEquals(0.0, metrics.ltmRevenue());
        assertNull(metrics.grossMargin());
        assertNull(metrics.ntmGrowth());
    }

    @Test
    void impliedArrAndNetNewArrFromSubscriptionRevenue() {
        state.apply(Filing.of(TICKER, 2026, 1).subscriptionRevenue(80.0).build());
        state.apply(Filing.of(TICKER, 2026, 2).subscriptionRevenue(90.0).build());

        CompanyMetrics metrics = metrics();

        assertEquals(360.0, metrics.impliedArr());
        assertEquals(40.0, metrics.netNewArr());
    }

    @Test
    void paybackFromPreviousQuarterSalesAndMarketingAndCurrentGrossMargin() {
        state.apply(Filing.of(TICKER, 2026, 1).subscriptionRevenue(80.0).salesAndMarketing(24.0).build());
        state.apply(Filing.of(TICKER, 2026, 2).subscriptionRevenue(90.0).salesAndMarketing(99.0)
                .grossProfit(75.0).revenue(100.0).build());

        // 24 / (40 * 0.75) * 12 = 9.6 months.
        assertEquals(9.6, metrics().gmAdjustedPaybackMonths(), TOLERANCE);
    }

    @Test
    void paybackIsNullWhenNetNewArrIsNotPositive() {
        state.apply(Filing.of(TICKER, 2026, 1).subscriptionRevenue(90.0).build());
        state.apply(Filing.of(TICKER, 2026, 2).subscriptionRevenue(90.0).build());
        assertEquals(0.0, metrics().netNewArr());
        assertNull(metrics().gmAdjustedPaybackMonths());

        state.apply(Filing.of(TICKER, 2026, 2).subscriptionRevenue(85.0).filedAt(NOW).build());
        assertEquals(-20.0, metrics().netNewArr());
        assertNull(metrics().gmAdjustedPaybackMonths());
    }

    @Test
    void paybackIsNullWhenGrossMarginIsNotPositive() {
        state.apply(Filing.of(TICKER, 2026, 1).subscriptionRevenue(80.0).build());
        state.apply(Filing.of(TICKER, 2026, 2).subscriptionRevenue(90.0).grossProfit(0.0).build());

        assertEquals(40.0, metrics().netNewArr());
        assertNull(metrics().gmAdjustedPaybackMonths());
    }

    @Test
    void netNewArrIsNullWhenThePreviousQuarterIsMissing() {
        state.apply(Filing.of(TICKER, 2025, 4).subscriptionRevenue(80.0).build());
        state.apply(Filing.of(TICKER, 2026, 2).subscriptionRevenue(90.0).build());

        CompanyMetrics metrics = metrics();

        assertEquals(360.0, metrics.impliedArr());
        assertNull(metrics.netNewArr());
        assertNull(metrics.gmAdjustedPaybackMonths());
    }

    @Test
    void weeklyChangeComparesWithTheLastPriceAtOrBeforeAWeekBeforeTheLatest() {
        state.apply(new PriceEvent(TICKER, 80.0, NOW.minus(Duration.ofDays(9))));
        state.apply(new PriceEvent(TICKER, 100.0, NOW.minus(Duration.ofDays(7)).minusSeconds(1)));
        state.apply(new PriceEvent(TICKER, 105.0, NOW.minus(Duration.ofDays(6))));
        state.apply(new PriceEvent(TICKER, 110.0, NOW));

        assertEquals(0.1, metrics().weeklyPriceChange(), TOLERANCE);
    }

    @Test
    void weeklyChangeCountsAPriceExactlyAWeekBefore() {
        state.apply(new PriceEvent(TICKER, 100.0, NOW.minus(Duration.ofDays(7))));
        state.apply(new PriceEvent(TICKER, 90.0, NOW));

        assertEquals(-0.1, metrics().weeklyPriceChange(), TOLERANCE);
    }

    @Test
    void weeklyChangeIsNullWithoutAPriceAWeekBefore() {
        state.apply(new PriceEvent(TICKER, 100.0, NOW.minus(Duration.ofDays(6))));
        state.apply(new PriceEvent(TICKER, 90.0, NOW));

        assertNull(metrics().weeklyPriceChange());
    }

    @Test
    void companyWithOnlyANameHasOnlyNullFigures() {
        state.apply(new CompanyEvent(TICKER, "Acme Inc."));

        CompanyMetrics metrics = metrics();

        assertEquals(new CompanyMetrics(TICKER, "Acme Inc.", null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null), metrics);
    }

    @Test
    void asOfIsTheLatestEventTimeBehindTheFigures() {
        state.apply(Filing.of(TICKER, 2026, 1).filedAt(NOW.minusSeconds(30)).build());
        state.apply(new PriceEvent(TICKER, 10.0, NOW.minusSeconds(60)));
        state.apply(EstimateEvent.ntm(TICKER, NOW.minusSeconds(90), 800.0, 80.0));

        assertEquals(NOW.minusSeconds(30), metrics().asOf());
    }
}
