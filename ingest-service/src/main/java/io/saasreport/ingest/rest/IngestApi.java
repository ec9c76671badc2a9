package io.saasreport.ingest.rest;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

import io.saasreport.contracts.Problem;

/**
 * The OpenAPI description's header, the bearer scheme every write refers to, and the answers every write can get
 * (referred to by name: {@link #UNAUTHORIZED}, {@link #TOO_LARGE}, {@link #UNSUPPORTED_MEDIA_TYPE},
 * {@link #KAFKA_UNAVAILABLE}).
 */
@OpenAPIDefinition(info = @Info(title = "SaaS valuation report: ingest service", version = "1.0.0",
        description = "Takes price, filing, estimate, macro and company events (directly or from public data files), "
                + "validates them all or nothing, and publishes them to Kafka."),
        components = @Components(responses = {
                @APIResponse(name = IngestApi.UNAUTHORIZED, description = "No valid bearer API key; nothing was published",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = IngestApi.TOO_LARGE, description = "The body is over ingest.max-body-bytes, or holds "
                        + "more than ingest.max-events-per-request events or rows; nothing was published",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = IngestApi.UNSUPPORTED_MEDIA_TYPE, description = "The Content-Type is not one this "
                        + "endpoint reads (or not UTF-8); nothing was published",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = IngestApi.KAFKA_UNAVAILABLE,
                        description = "Kafka did not acknowledge in time; sending again is safe",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
        }))
@SecurityScheme(securitySchemeName = IngestApi.API_KEY, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key from the service's INGEST_API_KEYS")
public class IngestApi extends Application {

    public static final String API_KEY = "apiKey";
    /** 401 problem+json. */
    public static final String UNAUTHORIZED = "unauthorized";
    /** 413 problem+json. */
    public static final String TOO_LARGE = "tooLarge";
    /** 415 problem+json. */
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupportedMediaType";
    /** 503 problem+json. */
    public static final String KAFKA_UNAVAILABLE = "kafkaUnavailable";
}
