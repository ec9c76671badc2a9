package io.saasreport.ingest.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The answer to a write: how many events Kafka acknowledged. */
public record Accepted(int accepted) {

    static Response response(int accepted) {
        return Response.accepted(new Accepted(accepted)).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
