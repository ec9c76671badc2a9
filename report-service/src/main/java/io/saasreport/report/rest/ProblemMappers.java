package io.saasreport.report.rest;

import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.saasreport.contracts.Problem;

/** Every error of the API leaves as {@code application/problem+json}. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private static final String INVALID_PARAMETER = Problem.type("invalid-parameter");

    @ServerExceptionMapper
    public Response reportProblem(ReportProblem problem, UriInfo uri) {
        Response.ResponseBuilder response = answer(problem.status().getStatusCode(), problem.type(), problem.title(),
                problem.getMessage(), uri);
        if (problem instanceof UniverseNotYetPublishedException || problem instanceof ViewStillLoadingException) {
            response.header(HttpHeaders.RETRY_AFTER, UniverseNotYetPublishedException.RETRY_AFTER_SECONDS);
        } else if (problem instanceof StreamFullException) {
            response.header(HttpHeaders.RETRY_AFTER, StreamFullException.RETRY_AFTER_SECONDS);
        }
        return response.build();
    }

    /** Bean Validation of the request's parameters. */
    @ServerExceptionMapper
    public Response invalidParameters(ConstraintViolationException violations, UriInfo uri) {
        String detail = violations.getConstraintViolations().stream()
                .map(ProblemMappers::describe)
                .sorted()
                .collect(Collectors.joining("; "));
        return answer(Status.BAD_REQUEST.getStatusCode(), INVALID_PARAMETER, "Invalid request parameter", detail, uri).build();
    }

    /** The framework's own refusals (unknown path, unacceptable media type, ...), in the same format. */
    @ServerExceptionMapper
    public Response framework(WebApplicationException exception, UriInfo uri) {
        int status = exception.getResponse().getStatus();
        return answer(status, "about:blank", Status.fromStatusCode(status) == null ? "HTTP " + status
                : Status.fromStatusCode(status).getReasonPhrase(), exception.getMessage(), uri).build();
    }

    /** Anything unexpected: logged here, answered without internals. */
    @ServerExceptionMapper
    public Response unexpected(Exception exception, UriInfo uri) {
        LOG.errorf(exception, "Failed to answer %s", uri.getPath());
        return answer(Status.INTERNAL_SERVER_ERROR.getStatusCode(), "about:blank", "Internal error",
                "The report could not answer; the service log has the cause", uri).build();
    }

    private static Response.ResponseBuilder answer(int status, String type, String title, String detail, UriInfo uri) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(type, title, status, detail, uri.getPath()));
    }

    /** "sort: unknown field 'foo'", naming the parameter rather than the Java method path. */
    private static String describe(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String parameter = path.substring(path.lastIndexOf('.') + 1);
        return parameter + ": " + violation.getMessage();
    }
}
