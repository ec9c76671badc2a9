package io.saasreport.report.rest;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.saasreport.report.domain.UniverseSnapshot;

/**
 * What every read of one universe takes: the universe's name from the path ({@code /api/v1/universes/{name}}; none
 * on the default universe's alias {@code /api/v1/universe}) and the ETag of the answer the client already holds.
 */
public class UniverseRequest {

    @PathParam("name")
    @Parameter(description = "The universe's name ('universe': the default universe)")
    public String name;

    @HeaderParam(HttpHeaders.IF_NONE_MATCH)
    @Parameter(description = "The ETag of the answer held: 304 while it is still the current one")
    public String ifNoneMatch;

    /** The universe asked for: the default one on the alias path. */
    String universe() {
        return name == null ? UniverseSnapshot.KEY : name;
    }

    boolean isDefault() {
        return UniverseSnapshot.KEY.equals(universe());
    }
}
