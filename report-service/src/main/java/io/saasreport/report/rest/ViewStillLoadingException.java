package io.saasreport.report.rest;

import jakarta.ws.rs.core.Response.Status;

import io.saasreport.report.view.ReportView;
import io.saasreport.report.view.ViewState;

/**
 * The in-memory view is still being loaded from PostgreSQL after a start: until it is, an empty table would be a wrong
 * answer, so the figures answer 503 with Retry-After (the reads' readiness is DOWN meanwhile too).
 */
public class ViewStillLoadingException extends ReportProblem {

    public ViewStillLoadingException() {
        super(Status.SERVICE_UNAVAILABLE, "view-loading", "Figures still loading",
                "The report service is loading its figures after a start; retry shortly");
    }

    /** The view's current state, once it has been loaded. */
    static ViewState loaded(ReportView view) {
        if (!view.loaded()) {
            throw new ViewStillLoadingException();
        }
        return view.current();
    }
}
