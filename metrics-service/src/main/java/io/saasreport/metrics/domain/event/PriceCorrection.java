package io.saasreport.metrics.domain.event;

import java.time.Instant;

/**
 * A correction of the price held at exactly {@code at}: with {@code price}, that instant's price becomes it (taken
 * as a price when none was held there); without, the price at {@code at} is withdrawn, as if it never came.
 * {@code eventId} is the input record's id (its CloudEvents {@code ce_id}), null when the record had none.
 */
public record PriceCorrection(String ticker, Instant at, Double price, String eventId) implements CompanyScopedEvent {

    public PriceCorrection {
        EventValidation.requireTicker(ticker);
        EventValidation.require(at, "at");
        if (price != null && (!(price > 0) || !Double.isFinite(price))) {
            throw new IllegalArgumentException("price must be a positive finite number, was " + price);
        }
    }

    /** A withdrawal: no price at {@code at}. */
    public static PriceCorrection withdrawal(String ticker, Instant at) {
        return new PriceCorrection(ticker, at, null, null);
    }

    public boolean withdraws() {
        return price == null;
    }

    @Override
    public PriceCorrection withEventId(String id) {
        return new PriceCorrection(ticker, at, price, id);
    }
}
