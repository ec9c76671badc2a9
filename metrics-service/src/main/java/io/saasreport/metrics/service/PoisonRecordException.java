package io.saasreport.metrics.service;

/** Why a record can never be applied (unreadable or invalid): it goes to the dead-letter topic. */
public class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
