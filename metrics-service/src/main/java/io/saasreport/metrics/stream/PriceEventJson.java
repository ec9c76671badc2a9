package io.saasreport.metrics.stream;

import java.io.IOException;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.saasreport.metrics.domain.event.PriceEvent;

/**
 * The commonest input, a price event in its plain form, read with the mapper's own streaming parser instead of
 * polymorphic data binding (a catch-up reads ticks by the hundred thousand, in a JVM whose code is still cold).
 * Plain means: one object of string {@code type} "price", {@code ticker}, {@code at} (UTC, as
 * {@link IsoInstantDeserializer} reads it) and optionally {@code eventId}, a numeric {@code price}, and other fields
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
                    case "type" -> type = type == null ? text(parser, value) : null;
                    case "ticker" -> ticker = ticker == null ? text(parser, value) : null;
                    case "at" -> at = at == null ? text(parser, value) : null;
                    case "eventId" -> eventId = eventId == null ? text(parser, value) : null;
                    case "price" -> price = price == null && (value == JsonToken.VALUE_NUMBER_INT
                            || value == JsonToken.VALUE_NUMBER_FLOAT) ? parser.getDoubleValue() : null;
                    default -> parser.skipChildren();
                }
                // A field given twice, or of another kind than plain, is data binding's to judge.
                if (field.equals("type") && type == null || field.equals("ticker") && ticker == null
                        || field.equals("at") && at == null || field.equals("eventId") && eventId == null
                        || field.equals("price") && price == null) {
                    return null;
                }
            }
            if (!"price".equals(type) || ticker == null || price == null || at == null) {
                return null;
            }
            Instant time = IsoInstantDeserializer.parse(at);
            if (time == null || !(price >= Double.MIN_NORMAL) || !Double.isFinite(price)) {
                return null;
            }
            return new PriceEvent(ticker, price, time, eventId);
        } catch (IOException | IllegalArgumentException unreadable) {
            return null;
        }
    }

    private static String text(JsonParser parser, JsonToken value) throws IOException {
        return value == JsonToken.VALUE_STRING ? parser.getText() : null;
    }
}
