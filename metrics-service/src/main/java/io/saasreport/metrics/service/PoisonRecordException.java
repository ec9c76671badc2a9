package io.saasreport.metrics.service;

/** A record that can never be applied (unreadable or invalid): it goes to the dead-letter topic. */
public class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
