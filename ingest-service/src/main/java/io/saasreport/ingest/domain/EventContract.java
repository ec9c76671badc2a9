package io.saasreport.ingest.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import io.saasreport.contracts.TopicSchemas;

/**
 * The JSON Schemas of the input topics (the contracts module), loaded once from the classpath: each
 * event type's schema, and any part of them by its location.
 */
final class EventContract {

    /** The schemas' ids resolve to the classpath, never to the network. */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder
                    .schemaIdResolvers(ids -> ids.mapPrefix(TopicSchemas.ID_BASE, "classpath:" + TopicSchemas.FOLDER))
                    // In draft 2020-12 'format' only annotates unless asked to assert: dates and instants must parse.
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private static final Map<EventType, Schema> BY_TYPE = loadAll();

    /** Every way {@code event} breaks its type's schema. */
    static List<Error> violations(EventType type, JsonNode event) {
        return BY_TYPE.get(type).validate(event);
    }

    /** Every way {@code value} breaks the field kind {@code kind} (a name under the field kinds' $defs). */
    static List<Error> fieldKindViolations(String kind, JsonNode value) {
        String location = TopicSchemas.ID_BASE + TopicSchemas.FIELD_KINDS + "#/$defs/" + kind;
        return REGISTRY.getSchema(SchemaLocation.of(location)).validate(value);
    }

    /** The fields of {@code type}, in the schema's order. */
    static Iterable<String> fieldNames(EventType type) {
        return () -> BY_TYPE.get(type).getSchemaNode().get("properties").fieldNames();
    }

    /** The schema (object) holding the keyword a violation names, e.g. the field kind whose 'type' failed. */
    static JsonNode schemaAround(Error violation) {
        SchemaLocation keyword = violation.getSchemaLocation();
        String parent = keyword.getAbsoluteIri() + "#" + keyword.getFragment().getParent();
        return REGISTRY.getSchema(SchemaLocation.of(parent)).getSchemaNode();
    }

    private static Map<EventType, Schema> loadAll() {
        Map<EventType, Schema> schemas = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            Schema schema = REGISTRY.getSchema(SchemaLocation.of(TopicSchemas.id(type.topic())));
            schema.initializeValidators();
            schemas.put(type, schema);
        }
        return schemas;
    }

    private EventContract() {
    }
}
