package io.saasreport.ingest.rest;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The OpenAPI description's header and the bearer scheme every write refers to. */
@OpenAPIDefinition(info = @Info(title = "SaaS valuation report: ingest service", version = "1.0.0",
        description = "Takes price, filing, estimate, macro and company events (directly or from public data files), "
                + "validates them all or nothing, and publishes them to Kafka."))
@SecurityScheme(securitySchemeName = IngestApi.API_KEY, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key from the service's INGEST_API_KEYS")
public class IngestApi extends Application {

    public static final String API_KEY = "apiKey";
}
