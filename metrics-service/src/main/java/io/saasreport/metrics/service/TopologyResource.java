package io.saasreport.metrics.service;

import org.apache.kafka.streams.Topology;
import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The running topology as Kafka Streams describes it: sub-topologies, processors, stores and topics. */
@Path("/topology")
public class TopologyResource {

    private final Topology topology;

    public TopologyResource(Topology topology) {
        this.topology = topology;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "The Kafka Streams topology of the metrics service, as TopologyDescription prints it")
    public String describe() {
        return topology.describe().toString();
    }
}
