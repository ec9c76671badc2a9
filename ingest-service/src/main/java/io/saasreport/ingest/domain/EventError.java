package io.saasreport.ingest.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Why one event (or file row) was refused: where it is ({@code index} in a JSON array, {@code line} in
 * NDJSON or a file), which field, and the rule it breaks. {@code field} is absent when the whole event is at fault.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventError(Integer index, Integer line, String field, String message) {

    public static EventError at(Position position, String field, String message) {
        return new EventError(position.index(), position.line(), field, message);
    }
}
