package io.saasreport.ingest.domain;

import io.saasreport.contracts.EventError;

/** Where an event sits in a request: its index in a JSON array (0 for a single object) or its line (from 1). */
public record Position(Integer index, Integer line) {

    public static Position index(int index) {
        return new Position(index, null);
    }

    public static Position line(int line) {
        return new Position(null, line);
    }

    /** Why the event here was refused: {@code field} (null: the whole event) breaks the rule {@code message}. */
    public EventError error(String field, String message) {
        return new EventError(index, line, field, message);
    }
}
