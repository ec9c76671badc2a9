package io.saasreport.ingest.service;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.saasreport.ingest.config.IngestConfig;
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
    MutinyEmitter<Record<String, String>> definitions;

    @Inject
    ObjectMapper mapper;

    @Inject
    IngestConfig config;

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
        try {
            definitions.sendMessage(Message.of(Record.of(name, value), OutgoingRecord.metadata(name, type, null, OutgoingRecord.now())))
                    .await().atMost(config.publishTimeout());
        } catch (RuntimeException failure) {
            LOG.warnf(failure, "Kafka did not acknowledge the definition of universe %s", name);
            throw new RejectedRequestException(RejectionReason.KAFKA_UNAVAILABLE,
                    "Kafka did not acknowledge the universe '" + name + "'; sending the request again is safe",
                    List.of(), Map.of(UniverseDefinition.TYPE_TAG, 1), failure);
        }
        meters.accepted(Map.of(UniverseDefinition.TYPE_TAG, 1));
    }
}
