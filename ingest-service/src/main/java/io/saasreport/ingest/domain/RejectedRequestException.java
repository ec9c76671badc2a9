package io.saasreport.ingest.domain;

import java.util.List;
import java.util.Map;

import io.saasreport.contracts.EventError;

/**
 * A request refused as a whole: nothing of it is published. Carries what the problem body needs
 * ({@link #reason()}, {@link #getMessage()} as detail, {@link #errors()}) and how many events of each
 * type it turned away, for the {@code ingest.events.rejected} meter.
 */
public class RejectedRequestException extends RuntimeException {

    private final RejectionReason reason;
    private final List<EventError> errors;
    private final Map<String, Integer> rejectedByType;

    public RejectedRequestException(RejectionReason reason, String detail, List<EventError> errors,
            Map<String, Integer> rejectedByType, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
        this.errors = List.copyOf(errors);
        this.rejectedByType = Map.copyOf(rejectedByType);
    }

    /** A request whose events were read but break the rules; every event of it counts as rejected. */
    public static RejectedRequestException invalid(List<EventError> errors, Map<String, Integer> rejectedByType) {
        return new RejectedRequestException(RejectionReason.VALIDATION,
                errors.size() + " problem(s) found; nothing of this request was published", errors, rejectedByType, null);
    }

    /** A request that could not be read into events; {@code typeTag} is the type the endpoint expects, if any. */
    public static RejectedRequestException unreadable(RejectionReason reason, String detail, String typeTag) {
        return new RejectedRequestException(reason, detail, List.of(), Map.of(typeTag, 1), null);
    }

    /** A request holding more than {@code limit} events or rows: refused before any of them is checked. */
    public static RejectedRequestException tooMany(int limit, String what, String typeTag) {
        return unreadable(RejectionReason.TOO_LARGE, "The body holds more than " + limit + " " + what
                + "; the limit is " + limit + " (ingest.max-events-per-request): split it into smaller requests", typeTag);
    }

    public RejectionReason reason() {
        return reason;
    }

    public List<EventError> errors() {
        return errors;
    }

    public Map<String, Integer> rejectedByType() {
        return rejectedByType;
    }
}
