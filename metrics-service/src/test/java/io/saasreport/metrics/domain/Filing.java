package io.saasreport.metrics.domain;

import java.time.Instant;
import java.time.LocalDate;

/** Builds {@link FilingEvent}s for tests: a complete quarter by default, fields overridable one by one. */
final class Filing {

    private final String ticker;
    private final int year;
    private final int quarter;
    private Instant filedAt;
    private Double revenue = 100.0;
    private Double subscriptionRevenue = 90.0;
    private Double grossProfit = 75.0;
    private Double salesAndMarketing = 30.0;
    private Double researchAndDevelopment = 20.0;
    private Double generalAndAdministrative = 10.0;
    private Double operatingIncome = 15.0;
    private Double operatingCashFlow = 25.0;
    private Double capitalExpenditures = 5.0;
    private Double cash = 1_000.0;
    private Double debt = 400.0;
    private Long sharesOutstanding = 100L;
    private Double netRevenueRetention = 1.2;

    private Filing(String ticker, int year, int quarter) {
        this.ticker = ticker;
        this.year = year;
        this.quarter = quarter;
        this.filedAt = LocalDate.of(year, 1, 1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC)
                .plusSeconds((quarter * 90L - 60) * 86_400);
    }

    static Filing of(String ticker, int year, int quarter) {
        return new Filing(ticker, year, quarter);
    }

    Filing filedAt(Instant value) { filedAt = value; return this; }
    Filing revenue(Double value) { revenue = value; return this; }
    Filing subscriptionRevenue(Double value) { subscriptionRevenue = value; return this; }
    Filing grossProfit(Double value) { grossProfit = value; return this; }
    Filing salesAndMarketing(Double value) { salesAndMarketing = value; return this; }
    Filing researchAndDevelopment(Double value) { researchAndDevelopment = value; return this; }
    Filing generalAndAdministrative(Double value) { generalAndAdministrative = value; return this; }
    Filing operatingIncome(Double value) { operatingIncome = value; return this; }
    Filing operatingCashFlow(Double value) { operatingCashFlow = value; return this; }
    Filing capitalExpenditures(Double value) { capitalExpenditures = value; return this; }
    Filing cash(Double value) { cash = value; return this; }
    Filing debt(Double value) { debt = value; return this; }
    Filing sharesOutstanding(Long value) { sharesOutstanding = value; return this; }
    Filing netRevenueRetention(Double value) { netRevenueRetention = value; return this; }

    FilingEvent build() {
        return new FilingEvent(ticker, year, quarter, null, filedAt, revenue, subscriptionRevenue, grossProfit,
                salesAndMarketing, researchAndDevelopment, generalAndAdministrative, operatingIncome,
                operatingCashFlow, capitalExpenditures, cash, debt, sharesOutstanding, netRevenueRetention);
    }
}
