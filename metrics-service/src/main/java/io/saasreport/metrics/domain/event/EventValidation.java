package io.saasreport.metrics.domain.event;

import io.saasreport.contracts.PrintableText;

/** Checks shared by the event records' constructors, so a malformed event fails on deserialization. */
public final class EventValidation {

    private EventValidation() {
    }

    public static String requireTicker(String ticker) {
        if (ticker == null || ticker.isBlank()) {
            throw new IllegalArgumentException("ticker is required");
        }
        return ticker;
    }

    public static <T> T require(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    /** Absent is fine; present must be a real number (the metrics never carry NaN or infinities). */
    public static void requireFiniteIfPresent(Double value, String field) {
        if (value != null && !Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be finite, was " + value);
        }
    }

    /** Absent is fine; present must be printable text (PrintableText: the ingest API refuses the same). */
    public static void requirePrintableIfPresent(String text, String field) {
        String problem = text == null ? null : PrintableText.problemWith(text);
        if (problem != null) {
            throw new IllegalArgumentException(field + " " + problem);
        }
    }
}
