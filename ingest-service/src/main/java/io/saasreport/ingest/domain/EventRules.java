package io.saasreport.ingest.domain;

import java.math.BigDecimal;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The value rules of the input events that the file importers share with the JSON validator, and the one
 * rule a JSON Schema cannot state (a number must fit a double). Each check answers the message for a bad
 * value, or empty when the value is fine. Every other field rule is the contract's (input-fields.schema.json).
 */
public final class EventRules {

    /** The tickers of import requests follow the events' field kind of the same name. */
    public static Optional<String> checkTicker(String ticker) {
        if (ticker == null || ticker.isEmpty()) {
            return Optional.of("is required");
        }
        return EventContract.fieldKindViolations("Ticker", TextNode.valueOf(ticker)).stream()
                .findFirst().map(ViolationMessages::of);
    }

    /** Money and other figures are plain numbers that every consumer can hold as a double. */
    public static Optional<String> checkFinite(BigDecimal value) {
        return Double.isFinite(value.doubleValue()) ? Optional.empty() : Optional.of("must be a finite number");
    }

    public static Optional<String> checkPrice(BigDecimal price) {
        return checkFinite(price).or(() -> EventContract.fieldKindViolations("Price", DecimalNode.valueOf(price)).stream()
                .findFirst().map(ViolationMessages::of));
    }

    private EventRules() {
    }
}
