package io.saasreport.ingest.service;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

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
    private final RecordSender sender;

    UniverseDefinitionPublisher(RecordSender sender) {
        this.sender = sender;
    }

    public void define(UniverseDefinition definition) {
        send(definition.name(), sender.json(definition), DEFINED_TYPE);
    }

    public void remove(String name) {
        send(name, null, REMOVED_TYPE);
    }

    private void send(String name, String value, String type) {
        sender.publish(List.of(new OutgoingRecord(InputTopics.DEFINITIONS, name, value, type, null)),
                "the universe '" + name + "'", Map.of(UniverseDefinition.TYPE_TAG, 1));
    }
}
