package io.saasreport.report.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An error answer in the RFC 9457 {@code application/problem+json} format. */
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(description = "URI identifying the kind of problem: " + TYPE_BASE + "<kind>, the base of every service",
                example = TYPE_BASE + "unknown-company") String type,
        @Schema(description = "Short summary of the kind of problem") String title,
        @Schema(description = "HTTP status code") int status,
        @Schema(description = "What went wrong in this request") String detail,
        @Schema(description = "The request path") String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The base of every problem type URI of the system (the ingest service's too). */
    public static final String TYPE_BASE = "urn:saasreport:problem:";

    /** The type URI of a kind of problem. */
    public static String type(String kind) {
        return TYPE_BASE + kind;
    }
}
