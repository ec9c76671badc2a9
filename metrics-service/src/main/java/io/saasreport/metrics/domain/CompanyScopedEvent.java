package io.saasreport.metrics.domain;

/** An event about one company: naming its ticker puts the company in the universe. */
public sealed interface CompanyScopedEvent extends MarketEvent
        permits PriceEvent, FilingEvent, EstimateEvent, CompanyEvent {

    String ticker();
}
