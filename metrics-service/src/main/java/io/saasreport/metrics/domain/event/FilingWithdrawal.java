package io.saasreport.metrics.domain.event;

import java.time.Instant;

/**
 * Withdraws the filing held for one fiscal quarter, whatever its {@code filedAt}: the quarter is no longer held, so
 * any filing for it is taken again (a bad filing dated in the future would otherwise win over every correction).
 * {@code at} is when it was withdrawn.
 */
public record FilingWithdrawal(String ticker, int fiscalYear, int fiscalQuarter, Instant at)
        implements CompanyScopedEvent {

    public FilingWithdrawal {
        EventValidation.requireTicker(ticker);
        EventValidation.require(at, "at");
        new FiscalQuarter(fiscalYear, fiscalQuarter); // 1..4, or an IllegalArgumentException that says so
    }

    public FiscalQuarter quarter() {
        return new FiscalQuarter(fiscalYear, fiscalQuarter);
    }

    /** Feeds no figure: its id is not kept. */
    @Override
    public FilingWithdrawal withEventId(String id) {
        return this;
    }
}
