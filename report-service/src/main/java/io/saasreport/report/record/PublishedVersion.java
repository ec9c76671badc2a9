package io.saasreport.report.record;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.saasreport.contracts.UtcInstants;

/**
 * A company value's ticker and {@link Version}, read without reading the rest: the metrics service writes the ticker
 * and {@code asOf} among its first fields and the revision as its last ({@code ...,"revision":12}), while the sources
 * in between are three quarters of its text. What a batch's conflation needs to know which values it keeps, so that
 * only those are read whole. Any other shape gives null, and the value is read whole.
 */
record PublishedVersion(String ticker, Version version) {

    /** The leading fields looked at for the ticker and asOf: ticker, name, asOf in the metrics service's order. */
    private static final int LEADING_FIELDS = 4;
    private static final String REVISION_TAIL = "\"revision\":";
    /** A long has at most 19 digits. */
    private static final int MAX_DIGITS = 19;

    static PublishedVersion of(String json, JsonFactory factory) {
        Long revision = trailingRevision(json);
        if (revision == null) {
            return null;
        }
        try (JsonParser parser = factory.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String ticker = null;
            String asOf = null;
            for (int field = 0; field < LEADING_FIELDS && (ticker == null || asOf == null); field++) {
                if (parser.nextToken() != JsonToken.FIELD_NAME) {
                    return null;
                }
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value != JsonToken.VALUE_STRING) {
                    parser.skipChildren();
                } else if (name.equals("ticker")) {
                    ticker = parser.getText();
                } else if (name.equals("asOf")) {
                    asOf = parser.getText();
                }
            }
            return ticker == null || asOf == null ? null
                    : new PublishedVersion(ticker, new Version(revision, instant(asOf)));
        } catch (IOException | DateTimeParseException e) {
            return null;
        }
    }

    /** The instant the metrics service writes, read from its digits (the JDK's parser for any other form). */
    private static Instant instant(String text) {
        Instant instant = UtcInstants.parse(text);
        return instant != null ? instant : Instant.parse(text);
    }

    /** Whether a record read whole ({@link Update}, or {@link Unreadable}) is the company and version read here. */
    boolean matches(Object outcome) {
        return outcome instanceof Update<?> update && !update.isTombstone() && ticker.equals(update.key())
                && version.equals(update.version());
    }

    /**
     * The revision that ends the value: {@code ,"revision":<integer>}} as its very last characters. In valid JSON that
     * can only be the top-level object's last member (anything nested or quoted would close after it).
     */
    private static Long trailingRevision(String json) {
        int end = json.length() - 1;
        if (end < 0 || json.charAt(end) != '}') {
            return null;
        }
        int digits = end;
        while (digits > 0 && Character.isDigit(json.charAt(digits - 1)) && json.charAt(digits - 1) < 128) {
            digits--;
        }
        int count = end - digits;
        if (count == 0 || count > MAX_DIGITS || (count > 1 && json.charAt(digits) == '0')) {
            return null;
        }
        int sign = digits > 0 && json.charAt(digits - 1) == '-' ? digits - 1 : digits;
        int name = sign - REVISION_TAIL.length();
        if (name < 1 || !json.startsWith(REVISION_TAIL, name) || json.charAt(name - 1) != ',') {
            return null;
        }
        try {
            return Long.parseLong(json.substring(sign, end));
        } catch (NumberFormatException e) {
            return null; // beyond a long
        }
    }
}
