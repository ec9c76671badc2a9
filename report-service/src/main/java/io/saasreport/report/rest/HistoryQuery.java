package io.saasreport.report.rest;

import java.time.Clock;
import java.time.Instant;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.saasreport.report.domain.HistoryResolution;
import io.saasreport.report.domain.HistoryRetention;

/** The parameters every history read takes: a time range, a resolution (or one picked from the range) and a limit. */
public class HistoryQuery {

    static final int MAX_LIMIT = 5000;
    static final int DEFAULT_LIMIT = 500;
    /** The 400 answer of every history read, as documented. */
    static final String REFUSED = "from or to is not an ISO-8601 instant, resolution is unknown or limit is out of 1..5000";

    @QueryParam("from")
    @IsoInstant
    @Parameter(description = "Earliest asOf, inclusive (ISO-8601 instant)")
    public String from;

    @QueryParam("to")
    @IsoInstant
    @Parameter(description = "Latest asOf, inclusive (ISO-8601 instant)")
    public String to;

    @QueryParam("resolution")
    @Pattern(regexp = "minute|hour|day|week", message = "must be minute, hour, day or week")
    @Parameter(description = "One point per UTC minute, hour or day, or per weekly close (Friday 16:00 New York): the "
            + "last point of each. Without it: the finest resolution still kept at 'from' that gives at most 'limit' "
            + "points over the range; week when 'from' is absent.",
            schema = @Schema(enumeration = { "minute", "hour", "day", "week" }))
    public String resolution;

    // Text checked by a pattern, so that "many" or "1e9" is a 400 naming the field rather than a framework 404.
    @QueryParam("limit")
    @DefaultValue("" + DEFAULT_LIMIT)
    @Pattern(regexp = "([1-9][0-9]{0,2}|[1-4][0-9]{3}|" + MAX_LIMIT + ")", message = "must be a whole number from 1 to " + MAX_LIMIT)
    @Parameter(description = "The most points answered, 1 to 5000 (default 500): the newest ones of the range, still "
            + "oldest first", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "5000", defaultValue = "500"))
    public String limit;

    int limit() {
        return Integer.parseInt(limit);
    }

    /** Within years 1 to 9999, which the database stores: a bound beyond holds the same points (none, or all). */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /** The bounds, parsed once: a read asks for them several times, and parsing an instant is not cheap. */
    private Instant[] bounds;

    Instant from() {
        return bounds()[0];
    }

    Instant to() {
        return bounds()[1];
    }

    private Instant[] bounds() {
        if (bounds == null) {
            bounds = new Instant[] {withinStorable(OptionalInstant.parse(from)), withinStorable(OptionalInstant.parse(to))};
        }
        return bounds;
    }

    private static Instant withinStorable(Instant bound) {
        if (bound == null) {
            return null;
        }
        return bound.isBefore(EARLIEST) ? EARLIEST : bound.isAfter(LATEST) ? LATEST : bound;
    }

    /** The resolution asked for, or the one the range calls for. */
    HistoryResolution resolution(HistoryRetention retention, Clock clock) {
        return resolution == null || resolution.isBlank()
                ? retention.forRange(from(), to(), clock.instant(), limit())
                : HistoryResolution.named(resolution).orElseThrow();
    }

    /** Whether the range is open at both ends (the dashboard's question, answered once per view state). */
    boolean unbounded() {
        return from() == null && to() == null;
    }
}
