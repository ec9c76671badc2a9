package io.saasreport.ingest.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.saasreport.ingest.domain.EventError;

/**
 * An RFC 9457 problem ({@code application/problem+json}) with two extensions: {@code reason}, the
 * machine-readable cause (also the meter tag), and {@code errors}, one entry per bad event or row.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, String reason,
        List<EventError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
