package io.saasreport.ingest.domain;

import java.math.BigDecimal;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.TextNode;

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

    /**
     * Text that every reader can store and print: no C0 or C1 control character (NUL, tab, line breaks, DEL
     * included; PostgreSQL cannot store NUL) and no lone UTF-16 surrogate (it has no UTF-8 form).
     */
    public static Optional<String> checkText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lone = Character.isHighSurrogate(c)
                    ? i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
            if (Character.isISOControl(c) || lone) {
                return Optional.of(String.format("must not contain control characters or lone surrogates, "
                        + "has U+%04X at character %d", (int) c, i + 1));
            }
        }
        return Optional.empty();
    }

    private EventRules() {
    }
}
