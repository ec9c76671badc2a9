package io.saasreport.metrics.domain;

import java.time.Instant;

/** A trade or close: {@code price > 0} at exchange time {@code at}. */
public record PriceEvent(String ticker, Double price, Instant at) implements CompanyScopedEvent {

    public PriceEvent {
        EventValidation.requireTicker(ticker);
        EventValidation.require(price, "price");
        EventValidation.require(at, "at");
        if (!(price > 0) || !Double.isFinite(price)) {
            throw new IllegalArgumentException("price must be a positive finite number, was " + price);
        }
    }
}
