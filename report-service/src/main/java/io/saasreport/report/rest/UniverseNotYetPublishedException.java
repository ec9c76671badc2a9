package io.saasreport.report.rest;

import jakarta.ws.rs.core.Response.Status;

/**
 * No universe statistics have been published yet. A 503 rather than a 404: the resource exists and will have a
 * value once the metrics service publishes, so clients should retry (the answer carries Retry-After).
 */
public class UniverseNotYetPublishedException extends ReportProblem {

    /** Seconds a client should wait before asking again. */
    static final int RETRY_AFTER_SECONDS = 5;

    public UniverseNotYetPublishedException() {
        super(Status.SERVICE_UNAVAILABLE, "universe-not-yet-published", "No universe statistics yet",
                "The metrics service has not published universe statistics yet; retry shortly");
    }
}
