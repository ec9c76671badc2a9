package io.saasreport.report.rest;

import jakarta.ws.rs.core.Response.Status;

/** There is no edition for the week asked for: it has not begun, or no figures are stored at or before its close. */
public class NoEditionException extends ReportProblem {

    public NoEditionException(String detail) {
        super(Status.NOT_FOUND, "no-edition", "No edition for that week", detail);
    }
}
