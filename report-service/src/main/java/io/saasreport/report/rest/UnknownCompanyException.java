package io.saasreport.report.rest;

import jakarta.ws.rs.core.Response.Status;

/** No metrics have been published for the ticker. */
public class UnknownCompanyException extends ReportProblem {

    public UnknownCompanyException(String ticker) {
        super(Status.NOT_FOUND, "unknown-company", "Unknown company", "No metrics have been published for " + ticker);
    }
}
