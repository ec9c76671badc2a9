package io.saasreport.ingest.service;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.saasreport.ingest.domain.RejectedRequestException;
import io.saasreport.ingest.domain.RejectionReason;
import io.saasreport.ingest.domain.UniverseDefinition;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;

/**
 * Publishes a universe's definition, or the tombstone that removes it, on {@code universe.definitions} (compacted,
 * key: the name) and answers once Kafka acknowledged it, as {@link EventPublisher} does for events.
 */
@ApplicationScoped
public class UniverseDefinitionPublisher {

    static final String DEFINED_TYPE = "io.saasreport.universe.defined";
    static final String REMOVED_TYPE = "io.saasreport.universe.removed";
    private static final Logger LOG = Logger.getLogger(UniverseDefinitionPublisher.class);

    @Inject
    @Channel(Channels.DEFINITIONS)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BoundedSends.MAX_QUEUED)
    MutinyEmitter<Record<String, String>> definitions;

    @Inject
    ObjectMapper mapper;

    @Inject
    BoundedSends sends;

    @Inject
    IngestMeters meters;

    public void define(UniverseDefinition definition) {
        try {
            send(definition.name(), mapper.writeValueAsString(definition), DEFINED_TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the definition of " + definition.name(), e);
        }
    }

    public void remove(String name) {
        send(name, null, REMOVED_TYPE);
    }

    private void send(String name, String value, String type) {
        BoundedSends.Outcome outcome;
        try {
            outcome = sends.send(List.of(Record.of(name, value)), (record, ticket) -> definitions.sendMessage(
                    Message.of(record, OutgoingRecord.metadata(name, type, null, OutgoingRecord.now()).with(ticket))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = BoundedSends.Outcome.nothingSent(1, e);
        }
        if (!outcome.complete()) {
            LOG.warnf(outcome.failure(), "Kafka did not acknowledge the definition of universe %s", name);
            throw new RejectedRequestException(RejectionReason.KAFKA_UNAVAILABLE,
                    "Kafka did not acknowledge the universe '" + name + "' (" + EventPublisher.cause(outcome.failure())
                            + "); " + EventPublisher.whatWasPublished(outcome),
                    List.of(), Map.of(UniverseDefinition.TYPE_TAG, 1), outcome.failure());
        }
        meters.accepted(Map.of(UniverseDefinition.TYPE_TAG, 1));
    }
}
