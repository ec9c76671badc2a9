package io.saasreport.metrics.domain.event;

import java.time.Instant;

/**
 * Removes a company: everything held about it is dropped and it leaves every universe; its revision goes on, so a
 * company named again later carries on from a revision higher than any it published. {@code at} is when it was
 * removed.
 */
public record CompanyRemoval(String ticker, Instant at) implements CompanyScopedEvent {

    public CompanyRemoval {
        EventValidation.requireTicker(ticker);
        EventValidation.require(at, "at");
    }

    /** Feeds no figure: its id is not kept. */
    @Override
    public CompanyRemoval withEventId(String id) {
        return this;
    }
}
