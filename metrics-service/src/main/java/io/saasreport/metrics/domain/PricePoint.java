package io.saasreport.metrics.domain;

import java.time.Instant;

/** One entry of a company's price history. */
public record PricePoint(Instant at, double price) {

    public PricePoint {
        EventValidation.require(at, "at");
        if (!(price > 0) || !Double.isFinite(price)) {
            throw new IllegalArgumentException("price must be a positive finite number, was " + price);
        }
    }
}
