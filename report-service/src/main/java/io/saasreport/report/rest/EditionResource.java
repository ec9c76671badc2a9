package io.saasreport.report.rest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.saasreport.report.domain.WeeklyClose;
import io.saasreport.report.edition.ChartJsWebJar;
import io.saasreport.report.edition.Edition;
import io.saasreport.report.edition.EditionCache;
import io.saasreport.report.edition.EditionHtml;
import io.saasreport.report.edition.EditionMarkdown;
import io.saasreport.report.meters.ReportMeters;

/**
 * The weekly editions, in three forms chosen by the Accept header: JSON (also for {@code *}{@code /*}), Markdown, and
 * a printable HTML page. The server's quality factors (qs) make a browser, which accepts HTML first and anything
 * else at a lower q, get the page; an Accept that none of the three satisfies gets 406.
 */
@Path("/api/v1/editions/{date}")
@Tag(name = "Editions", description = "The weekly report as of a Friday close, with the changes since the week before")
@APIResponse(responseCode = "400", description = "date is neither 'latest' nor an ISO-8601 date",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "The week has not begun, or no figures are stored at or before its close",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "406", description = "The Accept header allows none of JSON, Markdown and HTML",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class EditionResource {

    static final String LATEST = "latest";
    private static final String DATE_DESCRIPTION = "'latest' (this week's edition, provisional until Friday's close) or "
            + "any ISO date of the week (Monday to Sunday): the edition as of that week's Friday close, 16:00 New York";

    private final EditionCache editions;
    private final ChartJsWebJar chartJs;
    private final ReportMeters meters;
    private final Clock clock;

    EditionResource(EditionCache editions, ChartJsWebJar chartJs, ReportMeters meters, Clock clock) {
        this.editions = editions;
        this.chartJs = chartJs;
        this.meters = meters;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A week's edition of the report",
            description = "Every section of the weekly report (headline medians with quartiles, top-10 multiples, growth "
                    + "buckets, scatter with the fit, operating medians, movers, latest quarterly reports, the medians at "
                    + "the last 12 weekly closes) as of the week's Friday close, built from the stored history, and the "
                    + "changes since the previous week's edition. A closed week's edition is the same whenever it is "
                    + "asked for; 'gaps' names any section the stored history cannot give for that week.")
    @APIResponse(responseCode = "200", description = "The edition",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Edition.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    // The bytes serialized once per kept edition, and gzipped once for the clients that accept it: an edition of 2,000
    // companies is about a megabyte of JSON (its quarterly reports and scatter), a fifth of that gzipped.
    public Response json(@Parameter(description = DATE_DESCRIPTION, example = "2026-11-20") @PathParam("date") String date,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding, @Context HttpHeaders headers) {
        // A Response names its own type, so the server would send JSON to any Accept: refuse as the other forms do.
        if (headers.getAcceptableMediaTypes().stream().noneMatch(MediaType.APPLICATION_JSON_TYPE::isCompatible)) {
            throw new NotAcceptableException();
        }
        return edition(date, "edition").json().respond(ifNoneMatch, acceptEncoding, MediaType.APPLICATION_JSON_TYPE);
    }

    @GET
    // qs below JSON's: a client that accepts anything gets JSON; one that asks for Markdown gets it.
    @Produces(EditionMarkdown.MEDIA_TYPE + ";qs=0.5;charset=utf-8")
    @Operation(summary = "A week's edition as Markdown", description = "The same sections as GitHub-flavoured Markdown tables.")
    @APIResponse(responseCode = "200", description = "The edition",
            content = @Content(mediaType = EditionMarkdown.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public String markdown(@PathParam("date") String date) {
        return EditionMarkdown.render(edition(date, "edition-markdown").edition());
    }

    @GET
    // Above text/markdown, below JSON: a browser (text/html first, */* at q=0.8) gets the page.
    @Produces(MediaType.TEXT_HTML + ";qs=0.9;charset=utf-8")
    @Operation(summary = "A week's edition as a printable page",
            description = "Tables written by the server; charts drawn with the dashboard's Chart.js from the embedded JSON.")
    @APIResponse(responseCode = "200", description = "The edition",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    public String html(@PathParam("date") String date) {
        EditionCache.Kept edition = edition(date, "edition-html");
        return EditionHtml.render(edition.edition(), new String(edition.json().body(), StandardCharsets.UTF_8), chartJs.script());
    }

    private EditionCache.Kept edition(String date, String endpoint) {
        WeeklyClose close = LATEST.equals(date) ? WeeklyClose.ofWeekOf(clock.instant()) : WeeklyClose.ofWeekOf(parse(date));
        LocalDate today = clock.instant().atZone(WeeklyClose.NEW_YORK).toLocalDate();
        if (close.friday().minusDays(4).isAfter(today)) {
            throw new NoEditionException("The week of " + close.friday() + " has not begun (today is " + today + " in New York)");
        }
        EditionCache.Kept edition = editions.of(close).orElseThrow(() -> new NoEditionException(
                "No universe statistics are stored at or before " + close.instant() + " (the close of " + close.friday() + ")"));
        meters.snapshotServed(endpoint);
        return edition;
    }

    private static LocalDate parse(String date) {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new InvalidEditionDateException(date);
        }
    }
}
