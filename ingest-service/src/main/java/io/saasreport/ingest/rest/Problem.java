package io.saasreport.ingest.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.saasreport.ingest.domain.EventError;
import io.saasreport.ingest.domain.RejectionReason;

/**
 * An RFC 9457 problem ({@code application/problem+json}) with two extensions: {@code reason}, the
 * machine-readable cause (also the meter tag), and {@code errors}, one entry per bad event or row.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        @Schema(description = "URI identifying the kind of problem: " + TYPE_BASE + "<reason with hyphens>, the base of "
                + "every service", example = TYPE_BASE + "validation") String type,
        String title, int status, String detail, String instance, String reason,
        List<EventError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The base of every problem type URI of the system (the report service's too). */
    public static final String TYPE_BASE = "urn:saasreport:problem:";

    /** The problem {@code type} URI of a reason: its tag with hyphens, as in {@code urn:saasreport:problem:too-large}. */
    public static String type(RejectionReason reason) {
        return TYPE_BASE + reason.tag().replace('_', '-');
    }
}
