package io.saasreport.ingest.domain;

import java.math.BigDecimal;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.saasreport.contracts.PrintableText;

/**
 * The value rules of the input events that the file importers share with the JSON validator, and those a JSON Schema
 * cannot state (a figure's magnitude, {@link Figures}; text free of control characters). Each check answers the
 * message for a bad value, or empty when the value is fine. Every other field rule is the contract's
 * (input-fields.schema.json).
 */
public final class EventRules {

    /** The tickers of import requests follow the events' field kind of the same name. */
    public static Optional<String> checkTicker(String ticker) {
        if (ticker == null || ticker.isEmpty()) {
            return Optional.of("is required");
        }
        return checkText(ticker).or(() -> EventContract.fieldKindViolations("Ticker", TextNode.valueOf(ticker)).stream()
                .findFirst().map(ViolationMessages::of));
    }

    /** A price is a figure above zero, so always a positive normal double (1e-400 would become 0.0). */
    public static Optional<String> checkPrice(BigDecimal price) {
        return Figures.check(price).or(() -> EventContract.fieldKindViolations("Price", DecimalNode.valueOf(price)).stream()
                .findFirst().map(ViolationMessages::of));
    }

    /** Text every reader can store and print ({@link PrintableText}): NUL, other controls and lone surrogates are refused. */
    public static Optional<String> checkText(String text) {
        return Optional.ofNullable(PrintableText.problemWith(text));
    }

    private EventRules() {
    }
}
