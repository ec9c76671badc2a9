package io.saasreport.metrics.stream;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.saasreport.contracts.UtcInstants;
import io.saasreport.metrics.domain.event.PriceEvent;

/**
 * The commonest input, a price event in its plain form, read with the mapper's own streaming parser instead of
 * polymorphic data binding (a catch-up reads ticks by the hundred thousand, in a JVM whose code is still cold).
 * Plain means: one object of string {@code type} "price", {@code ticker}, {@code at} (UTC, as
 * {@link UtcInstants} reads it) and optionally {@code eventId}, a numeric {@code price}, and other fields
 * of any value, which data binding ignores too. Anything else (a null, a repeated field, a number as text, another
 * type, an invalid price or a malformed text) is left to data binding, which decides and words the error as before.
 */
final class PriceEventJson {

    private PriceEventJson() {
    }

    /** The price event the text holds in plain form, or null when data binding is to read it. */
    static PriceEvent read(String json) {
        try (JsonParser parser = StreamJson.MAPPER.getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String type = null;
            String ticker = null;
            String at = null;
            String eventId = null;
            Double price = null;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "type" -> type = once(type, text(parser, value));
                    case "ticker" -> ticker = once(ticker, text(parser, value));
                    case "at" -> at = once(at, text(parser, value));
                    case "eventId" -> eventId = once(eventId, text(parser, value));
                    case "price" -> price = once(price, value == JsonToken.VALUE_NUMBER_INT
                            || value == JsonToken.VALUE_NUMBER_FLOAT ? parser.getDoubleValue() : null);
                    default -> parser.skipChildren();
                }
            }
            if (!"price".equals(type)) {
                return null;
            }
            // The event's own rules refuse a missing field, a time that is no instant and an invalid price.
            return new PriceEvent(ticker, price, at == null ? null : UtcInstants.parse(at), eventId);
        } catch (IOException | IllegalArgumentException | NotPlain unreadable) {
            return null;
        }
    }

    private static String text(JsonParser parser, JsonToken value) throws IOException {
        return value == JsonToken.VALUE_STRING ? parser.getText() : null;
    }

    /** A field's value the first time it is seen and of the plain kind; else the text is data binding's to judge. */
    private static <T> T once(T held, T value) {
        if (held != null || value == null) {
            throw new NotPlain();
        }
        return value;
    }

    /** The text is not a price event in plain form (no stack trace: it only sends the text to data binding). */
    private static final class NotPlain extends RuntimeException {
        NotPlain() {
            super(null, null, false, false);
        }
    }
}
