package io.saasreport.report.rest;

import jakarta.ws.rs.core.Response.Status;

/** The edition was asked for by something that is neither {@code latest} nor an ISO date. */
public class InvalidEditionDateException extends ReportProblem {

    public InvalidEditionDateException(String date) {
        super(Status.BAD_REQUEST, "invalid-edition-date", "Invalid edition date",
                "date: '" + date + "' is neither 'latest' nor an ISO-8601 date (YYYY-MM-DD)");
    }
}
