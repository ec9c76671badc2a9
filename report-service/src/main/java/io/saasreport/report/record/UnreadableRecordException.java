package io.saasreport.report.record;

import com.fasterxml.jackson.core.JsonProcessingException;

/** A consumed value that is not the JSON its topic carries (or lacks a required field): it goes to the dead-letter topic. */
public class UnreadableRecordException extends RuntimeException {

    UnreadableRecordException(String expected, JsonProcessingException cause) {
        super("Not a valid " + expected + ": " + cause.getOriginalMessage(), cause);
    }
}
