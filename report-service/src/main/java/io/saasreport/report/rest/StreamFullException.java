package io.saasreport.report.rest;

import jakarta.ws.rs.core.Response.Status;

/** This instance has as many event streams open as it allows: the client should retry later (or elsewhere). */
public class StreamFullException extends ReportProblem {

    /** Seconds a client should wait before connecting again. */
    static final int RETRY_AFTER_SECONDS = 10;

    public StreamFullException(int max) {
        super(Status.SERVICE_UNAVAILABLE, "stream-full", "Too many event streams",
                "This instance serves at most " + max + " event streams at a time; retry shortly");
    }
}
