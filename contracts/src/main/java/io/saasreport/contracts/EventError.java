package io.saasreport.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Why one event (or file row) was refused, an entry of a {@link Problem}'s {@code errors}: where it is
 * ({@code index} in a JSON array, {@code line} in NDJSON or a file), which field (and where in it), and the rule it
 * breaks. {@code field} is absent when the whole event is at fault.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventError(Integer index, Integer line, String field, String message, Integer position) {

    /** {@code position}: where in the field's text the fault is (1 = first character), for a universe's rule. */
    public EventError(Integer index, Integer line, String field, String message) {
        this(index, line, field, message, null);
    }
}
