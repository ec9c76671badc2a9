package io.saasreport.report.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads an optional ISO-8601 instant parameter (see {@link IsoInstant}). */
final class OptionalInstant {

    /** The instant; null when the parameter is absent or blank, or is no instant. */
    static Instant parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private OptionalInstant() {
    }
}
