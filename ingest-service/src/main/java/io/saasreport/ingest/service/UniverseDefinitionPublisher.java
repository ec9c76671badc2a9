package io.saasreport.ingest.service;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.saasreport.contracts.InputTopics;
import io.saasreport.ingest.domain.UniverseDefinition;

/**
 * Publishes a universe's definition, or the tombstone that removes it, on {@code universe.definitions} (compacted,
 * key: the name) and answers once Kafka acknowledged it, as {@link EventPublisher} does for events.
 */
@ApplicationScoped
public class UniverseDefinitionPublisher {

    static final String DEFINED_TYPE = "io.saasreport.universe.defined";
    static final String REMOVED_TYPE = "io.saasreport.universe.removed";
    private static final Logger LOG = Logger.getLogger(UniverseDefinitionPublisher.class);

    private final RecordSender sender;
    private final IngestMeters meters;

    UniverseDefinitionPublisher(RecordSender sender, IngestMeters meters) {
        this.sender = sender;
        this.meters = meters;
    }

    public void define(UniverseDefinition definition) {
        send(definition.name(), sender.json(definition), DEFINED_TYPE);
    }

    public void remove(String name) {
        send(name, null, REMOVED_TYPE);
    }

    private void send(String name, String value, String type) {
        BoundedSends.Outcome outcome = sender.send(
                List.of(new OutgoingRecord(InputTopics.DEFINITIONS, name, value, type, null)));
        if (!outcome.complete()) {
            LOG.warnf(outcome.failure(), "Kafka did not acknowledge the definition of universe %s", name);
            throw RecordSender.unavailable("the universe '" + name + "'", outcome,
                    Map.of(UniverseDefinition.TYPE_TAG, 1));
        }
        meters.accepted(Map.of(UniverseDefinition.TYPE_TAG, 1));
    }
}
