package io.saasreport.report.rest;

import jakarta.ws.rs.core.Response.Status;

/** No universe of that name is published (never defined, removed, or not computed yet). */
public class UnknownUniverseException extends ReportProblem {

    public UnknownUniverseException(String name) {
        super(Status.NOT_FOUND, "unknown-universe", "Unknown universe",
                "No statistics are published for a universe named '" + name + "' (GET /api/v1/universes lists them)");
    }
}
