package io.saasreport.contracts;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An error answer of every service's HTTP API, in the RFC 9457 {@code application/problem+json} format, with two
 * extensions the ingest service fills: {@code reason}, the machine-readable cause (also its meter tag), and
 * {@code errors}, one entry per bad event or row. Members without a value are left out.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        @Schema(description = "URI identifying the kind of problem: " + TYPE_BASE + "<kind>, the base of every service",
                example = TYPE_BASE + "validation") String type,
        @Schema(description = "Short summary of the kind of problem") String title,
        @Schema(description = "HTTP status code") int status,
        @Schema(description = "What went wrong in this request") String detail,
        @Schema(description = "The request path") String instance,
        @Schema(description = "The ingest service's machine-readable cause, e.g. too_large") String reason,
        @Schema(description = "The ingest service's faults, one per bad event or row") List<EventError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The base of every problem type URI of the system. */
    public static final String TYPE_BASE = "urn:saasreport:problem:";

    /** A problem without the ingest service's extensions. */
    public Problem(String type, String title, int status, String detail, String instance) {
        this(type, title, status, detail, instance, null, List.of());
    }

    /** The type URI of a kind of problem, e.g. {@code urn:saasreport:problem:unknown-company}. */
    public static String type(String kind) {
        return TYPE_BASE + kind;
    }
}
