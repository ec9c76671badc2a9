package io.saasreport.metrics.domain.event;

import java.time.Instant;
import java.time.LocalDate;

/** Builds {@link FilingEvent}s for tests: a complete quarter by default, fields overridable one by one. */
public final class Filing {

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

    public static Filing of(String ticker, int year, int quarter) {
        return new Filing(ticker, year, quarter);
    }

    public Filing filedAt(Instant value) { filedAt = value; return this; }
    public Filing revenue(Double value) { revenue = value; return this; }
    public Filing subscriptionRevenue(Double value) { subscriptionRevenue = value; return this; }
    public Filing grossProfit(Double value) { grossProfit = value; return this; }
    public Filing salesAndMarketing(Double value) { salesAndMarketing = value; return this; }
    public Filing researchAndDevelopment(Double value) { researchAndDevelopment = value; return this; }
    public Filing generalAndAdministrative(Double value) { generalAndAdministrative = value; return this; }
    public Filing operatingIncome(Double value) { operatingIncome = value; return this; }
    public Filing operatingCashFlow(Double value) { operatingCashFlow = value; return this; }
    public Filing capitalExpenditures(Double value) { capitalExpenditures = value; return this; }
    public Filing cash(Double value) { cash = value; return this; }
    public Filing debt(Double value) { debt = value; return this; }
    public Filing sharesOutstanding(Long value) { sharesOutstanding = value; return this; }
    public Filing netRevenueRetention(Double value) { netRevenueRetention = value; return this; }

    public FilingEvent build() {
        return new FilingEvent(ticker, year, quarter, null, filedAt, revenue, subscriptionRevenue, grossProfit,
                salesAndMarketing, researchAndDevelopment, generalAndAdministrative, operatingIncome,
                operatingCashFlow, capitalExpenditures, cash, debt, sharesOutstanding, netRevenueRetention);
    }
}
