package io.saasreport.metrics.domain.company;

import java.time.Instant;

import io.saasreport.metrics.domain.event.EventValidation;
import io.saasreport.metrics.domain.event.PriceEvent;

/** One entry of a company's price history; {@code eventId} is the price event's id, null when unknown. */
public record PricePoint(Instant at, double price, String eventId) {

    public PricePoint {
        EventValidation.require(at, "at");
        if (!(price > 0) || !Double.isFinite(price)) {
            throw new IllegalArgumentException("price must be a positive finite number, was " + price);
        }
    }

    public PricePoint(Instant at, double price) {
        this(at, price, null);
    }

    public static PricePoint of(PriceEvent event) {
        return new PricePoint(event.at(), event.price(), event.eventId());
    }
}
