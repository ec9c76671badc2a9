package io.saasreport.metrics.domain.event;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One fiscal quarter's reported figures: flows for the quarter, balances ({@code cash}, {@code debt},
 * {@code sharesOutstanding}) at {@code periodEnd}. Only the identifying fields and {@code revenue} are required.
 * {@code capitalExpenditures} is positive when money is spent; {@code netRevenueRetention} 1.18 means 118 %.
 * {@code eventId} is the input record's id (its CloudEvents {@code ce_id}), null when the record had none.
 */
public record FilingEvent(
        String ticker,
        int fiscalYear,
        int fiscalQuarter,
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
        Long sharesOutstanding,
        Double netRevenueRetention,
        String eventId) implements CompanyScopedEvent {

    public FilingEvent {
        EventValidation.requireTicker(ticker);
        EventValidation.require(filedAt, "filedAt");
        EventValidation.require(revenue, "revenue");
        if (fiscalQuarter < 1 || fiscalQuarter > 4) {
            throw new IllegalArgumentException("fiscalQuarter must be 1..4, was " + fiscalQuarter);
        }
        EventValidation.requireFiniteIfPresent(revenue, "revenue");
        EventValidation.requireFiniteIfPresent(subscriptionRevenue, "subscriptionRevenue");
        EventValidation.requireFiniteIfPresent(grossProfit, "grossProfit");
        EventValidation.requireFiniteIfPresent(salesAndMarketing, "salesAndMarketing");
        EventValidation.requireFiniteIfPresent(researchAndDevelopment, "researchAndDevelopment");
        EventValidation.requireFiniteIfPresent(generalAndAdministrative, "generalAndAdministrative");
        EventValidation.requireFiniteIfPresent(operatingIncome, "operatingIncome");
        EventValidation.requireFiniteIfPresent(operatingCashFlow, "operatingCashFlow");
        EventValidation.requireFiniteIfPresent(capitalExpenditures, "capitalExpenditures");
        EventValidation.requireFiniteIfPresent(cash, "cash");
        EventValidation.requireFiniteIfPresent(debt, "debt");
        EventValidation.requireFiniteIfPresent(netRevenueRetention, "netRevenueRetention");
    }

    /** A filing without an input event id (built in code rather than read from a record). */
    public FilingEvent(String ticker, int fiscalYear, int fiscalQuarter, LocalDate periodEnd, Instant filedAt,
            Double revenue, Double subscriptionRevenue, Double grossProfit, Double salesAndMarketing,
            Double researchAndDevelopment, Double generalAndAdministrative, Double operatingIncome,
            Double operatingCashFlow, Double capitalExpenditures, Double cash, Double debt, Long sharesOutstanding,
            Double netRevenueRetention) {
        this(ticker, fiscalYear, fiscalQuarter, periodEnd, filedAt, revenue, subscriptionRevenue, grossProfit,
                salesAndMarketing, researchAndDevelopment, generalAndAdministrative, operatingIncome, operatingCashFlow,
                capitalExpenditures, cash, debt, sharesOutstanding, netRevenueRetention, null);
    }

    @Override
    public FilingEvent withEventId(String id) {
        return new FilingEvent(ticker, fiscalYear, fiscalQuarter, periodEnd, filedAt, revenue, subscriptionRevenue,
                grossProfit, salesAndMarketing, researchAndDevelopment, generalAndAdministrative, operatingIncome,
                operatingCashFlow, capitalExpenditures, cash, debt, sharesOutstanding, netRevenueRetention, id);
    }

    public FiscalQuarter quarter() {
        return new FiscalQuarter(fiscalYear, fiscalQuarter);
    }
}
