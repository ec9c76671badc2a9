package io.saasreport.metrics.domain.event;

/** An event about one company: naming its ticker puts the company in the universe. */
public sealed interface CompanyScopedEvent extends MarketEvent
        permits PriceEvent, FilingEvent, EstimateEvent, CompanyEvent, PriceCorrection, FilingWithdrawal,
        CompanyRemoval {

    String ticker();

    /**
     * The same event with the id of the input record it came in (the figures' sources name it); the stream stage
     * takes the id from the record's CloudEvents {@code ce_id} header.
     */
    CompanyScopedEvent withEventId(String id);
}
