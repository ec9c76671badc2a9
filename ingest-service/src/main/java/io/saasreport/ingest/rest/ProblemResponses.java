package io.saasreport.ingest.rest;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.saasreport.contracts.Problem;
import io.saasreport.contracts.EventError;
import io.saasreport.ingest.domain.EventValidator;
import io.saasreport.ingest.domain.RejectedRequestException;
import io.saasreport.ingest.domain.RejectionReason;
import io.saasreport.ingest.security.ApiKeyAuthenticationMechanism;
import io.saasreport.ingest.service.IngestMeters;

/**
 * Every refusal leaves here as {@code application/problem+json}, and is counted here. Authentication
 * runs lazily ({@code quarkus.http.auth.proactive=false}) so that its failures reach these mappers too.
 */
public class ProblemResponses {

    private final IngestMeters meters;

    public ProblemResponses(IngestMeters meters) {
        this.meters = meters;
    }

    @ServerExceptionMapper
    public Response rejected(RejectedRequestException rejection, UriInfo uri) {
        meters.rejected(rejection.rejectedByType(), rejection.reason().tag());
        return problem(rejection.reason(), rejection.getMessage(), rejection.errors(), uri).build();
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException failure, UriInfo uri) {
        meters.rejected(Map.of(EventValidator.UNKNOWN_TYPE, 1), RejectionReason.UNAUTHORIZED.tag());
        String detail = failure instanceof AuthenticationFailedException
                ? "The bearer API key is not valid"
                : "Writes need an 'Authorization: Bearer <API key>' header";
        return problem(RejectionReason.UNAUTHORIZED, detail, List.of(), uri)
                .header(HttpHeaders.WWW_AUTHENTICATE, ApiKeyAuthenticationMechanism.challenge())
                .build();
    }

    static int statusOf(RejectionReason reason) {
        return switch (reason) {
            case UNAUTHORIZED -> 401;
            case KAFKA_UNAVAILABLE -> 503;
            case UNKNOWN_FEED -> 404;
            case FEED_UNAVAILABLE -> 409;
            // RFC 9110: content over a limit is 413, a media type the endpoint does not read 415; every other defect 400.
            case TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case VALIDATION, MALFORMED, EMPTY -> 400;
        };
    }

    private static Response.ResponseBuilder problem(RejectionReason reason, String detail,
            List<EventError> errors, UriInfo uri) {
        int status = statusOf(reason);
        Problem body = new Problem(Problem.type(reason.problemKind()), reason.title(), status, detail, uri.getPath(),
                reason.tag(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body);
    }
}
