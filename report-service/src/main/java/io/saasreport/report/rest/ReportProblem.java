package io.saasreport.report.rest;

import jakarta.ws.rs.core.Response.Status;

import io.saasreport.contracts.Problem;

/** A failure the API answers with a problem document; each subclass is one kind of problem. */
public abstract class ReportProblem extends RuntimeException {

    private final Status status;
    private final String slug;
    private final String title;

    protected ReportProblem(Status status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public Status status() {
        return status;
    }

    public String type() {
        return Problem.type(slug);
    }

    public String title() {
        return title;
    }
}
