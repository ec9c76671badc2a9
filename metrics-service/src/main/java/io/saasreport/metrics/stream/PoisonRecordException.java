package io.saasreport.metrics.stream;

/** Why a record can never be applied (unreadable or invalid): it goes to the dead-letter topic. */
final class PoisonRecordException extends RuntimeException {

    PoisonRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
