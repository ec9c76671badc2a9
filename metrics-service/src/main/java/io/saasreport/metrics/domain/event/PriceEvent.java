package io.saasreport.metrics.domain.event;

import java.time.Instant;

/**
 * A trade or close: {@code price > 0} at exchange time {@code at}. {@code eventId} is the input record's id (its
 * CloudEvents {@code ce_id}), null when the record had none.
 */
public record PriceEvent(String ticker, Double price, Instant at, String eventId) implements CompanyScopedEvent {

    public PriceEvent {
        EventValidation.requireTicker(ticker);
        EventValidation.require(price, "price");
        EventValidation.require(at, "at");
        // A subnormal price (below Double.MIN_NORMAL, e.g. 4.9e-324) is no quote: its ratios overflow to infinity.
        if (!(price >= Double.MIN_NORMAL) || !Double.isFinite(price)) {
            throw new IllegalArgumentException("price must be a positive normal number, was " + price);
        }
    }

    public PriceEvent(String ticker, Double price, Instant at) {
        this(ticker, price, at, null);
    }

    @Override
    public PriceEvent withEventId(String id) {
        return new PriceEvent(ticker, price, at, id);
    }
}
