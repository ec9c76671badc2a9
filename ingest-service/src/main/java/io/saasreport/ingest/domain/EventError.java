package io.saasreport.ingest.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Why one event (or file row) was refused: where it is ({@code index} in a JSON array, {@code line} in
 * NDJSON or a file), which field (and where in it), and the rule it breaks. {@code field} is absent when the whole event is at fault.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventError(Integer index, Integer line, String field, String message, Integer position) {

    /** {@code position}: where in the field's text the fault is (1 = first character), for a universe's rule. */
    public EventError(Integer index, Integer line, String field, String message) {
        this(index, line, field, message, null);
    }

    public static EventError at(Position position, String field, String message) {
        return new EventError(position.index(), position.line(), field, message);
    }
}
