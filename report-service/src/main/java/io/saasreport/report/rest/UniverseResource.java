package io.saasreport.report.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.saasreport.report.domain.UniverseSnapshot;
import io.saasreport.report.domain.UniverseStatistics;
import io.saasreport.report.view.ReportView;
import io.saasreport.report.view.UniverseEntry;
import io.saasreport.report.view.ViewState;

/**
 * The universes: the list of those published, and each one by name ({@link UniverseReads}) under
 * {@code /api/v1/universes/{name}}; the default universe ({@code universe}) also under {@code /api/v1/universe}, the
 * published contract's first path, by the same code.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Universes", description = "The default and the named universes' statistics")
public class UniverseResource {

    /** One line of the list of universes. */
    public record UniverseSummary(String name, boolean isDefault, Integer companyCount, Instant asOf, Long revision,
            Double medianEvToNtmRevenue) {
    }

    private final UniverseReads reads;
    private final ReportView view;

    UniverseResource(UniverseReads reads, ReportView view) {
        this.reads = reads;
        this.view = view;
    }

    @GET
    @Path("universes")
    @Operation(summary = "Every universe published, by name (the default universe is 'universe')")
    @APIResponse(responseCode = "200", description = "The universes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = UniverseSummary.class)))
    public List<UniverseSummary> universes() {
        ViewState state = ViewStillLoadingException.loaded(view);
        List<UniverseSummary> summaries = new ArrayList<>();
        state.universes().forEach((name, entry) -> summaries.add(summary(name, entry)));
        return summaries;
    }

    /** The default universe: its reads take no name from the path ({@link UniverseRequest#universe()}). */
    @Path("universe")
    public UniverseReads defaultUniverse() {
        return reads;
    }

    /** One universe by name, the default one included; the name reaches the reads through {@link UniverseRequest}. */
    @Path("universes/{name}")
    public UniverseReads universe() {
        return reads;
    }

    private static UniverseSummary summary(String name, UniverseEntry entry) {
        UniverseStatistics statistics = entry.statistics();
        return new UniverseSummary(name, UniverseSnapshot.KEY.equals(name), statistics.companyCount(),
                statistics.asOf(), entry.version().revision(), statistics.medianEvToNtmRevenue());
    }
}
