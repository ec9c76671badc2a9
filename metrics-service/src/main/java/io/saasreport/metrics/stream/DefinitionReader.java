package io.saasreport.metrics.stream;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.saasreport.metrics.domain.universe.UniverseDefinition;
import io.saasreport.metrics.domain.universe.Universes;

/**
 * Reads {@code universe.definitions} (compacted, key: the universe's name): a definition, or a tombstone that
 * removes the universe. Both go to the universe stage under {@link UniverseStage#definitionKey the name's key};
 * a record that is not a valid definition of its key goes to {@code universe.definitions.dlq} with the reason.
 */
final class DefinitionReader implements Processor<String, String, String, Routed> {

    private ProcessorContext<String, Routed> context;

    @Override
    public void init(ProcessorContext<String, Routed> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, String> record) {
        route(record);
        DrainedInput.commitIfDrained(context);
    }

    private void route(Record<String, String> record) {
        try {
            String definition = record.value() == null ? removal(record.key()) : read(record);
            context.forward(new Record<>(UniverseStage.definitionKey(record.key()),
                    new Routed(Routed.Route.DEFINITION, definition), record.timestamp(), new RecordHeaders()));
        } catch (PoisonRecordException poison) {
            RecordHeaders headers = new RecordHeaders(record.headers().toArray());
            headers.add("dead-letter-reason", CloudEventHeaders.bytes(poison.getMessage()));
            context.recordMetadata().map(RecordMetadata::topic).ifPresent(
                    topic -> headers.add("dead-letter-topic", CloudEventHeaders.bytes(topic)));
            context.forward(new Record<>(record.key(), new Routed(Routed.Route.DEAD_LETTER,
                    record.value() == null ? "" : record.value()), record.timestamp(), headers));
        }
    }

    /** No definition: the universe of this name is removed. */
    private static String removal(String name) {
        if (name == null || Universes.DEFAULT.equals(name)) {
            throw new PoisonRecordException("a tombstone must name a defined universe, was " + name, null);
        }
        return null;
    }

    /** The definition, checked, as the universe stage reads it. */
    private static String read(Record<String, String> record) {
        UniverseDefinition definition;
        try {
            definition = StreamJson.MAPPER.readValue(record.value(), UniverseDefinition.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonRecordException("not a universe definition: " + e.getMessage(), e);
        }
        if (!definition.name().equals(record.key())) {
            throw new PoisonRecordException("record key " + record.key() + " is not the universe's name '"
                    + definition.name() + "'", null);
        }
        return StreamJson.write(definition);
    }
}
