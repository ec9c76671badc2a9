package io.saasreport.ingest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.saasreport.ingest.domain.EventRules;
import io.saasreport.ingest.domain.EventSchema;
import io.saasreport.ingest.domain.EventType;
import io.saasreport.ingest.domain.FieldKind;
import io.saasreport.ingest.domain.IngestEvent;

/**
 * Keeps {@code asyncapi.yaml} in step with the code: the payload schemas against {@link EventSchema} and
 * {@link EventRules} (what the validator accepts) and the published records, the headers against
 * {@link CloudEventHeaders}, the channel addresses against the topics bound in application.properties.
 */
class AsyncApiDocumentTest {

    private static JsonNode document;
    private static Properties properties;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream yaml = resource("/asyncapi.yaml"); InputStream props = resource("/application.properties")) {
            document = new ObjectMapper(new YAMLFactory()).readTree(yaml);
            properties = new Properties();
            properties.load(props);
        }
    }

    @Test
    void isAnAsyncApi3Document() {
        assertEquals("3.0.0", document.path("asyncapi").asText());
        assertEquals("application/json", document.path("defaultContentType").asText());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void payloadDeclaresTheValidatorsFieldsInOrder(EventType type) {
        JsonNode payload = payload(type);
        Map<String, EventSchema.Field> fields = EventSchema.fieldsOf(type);

        List<String> expected = new ArrayList<>(List.of(EventSchema.TYPE_FIELD));
        expected.addAll(fields.keySet());
        assertEquals(expected, names(payload.path("properties")), "properties of " + type);

        List<String> required = new ArrayList<>(List.of(EventSchema.TYPE_FIELD));
        fields.values().stream().filter(EventSchema.Field::required).map(EventSchema.Field::name).forEach(required::add);
        assertEquals(required, texts(payload.path("required")), "required of " + type);

        assertEquals("object", payload.path("type").asText());
        assertTrue(payload.has("additionalProperties") && !payload.path("additionalProperties").asBoolean(true),
                type + ": unknown fields are refused, so additionalProperties must be false");
        assertEquals(type.wireName(), payload.path("properties").path(EventSchema.TYPE_FIELD).path("const").asText());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eachFieldSchemaStatesItsKindsRule(EventType type) {
        JsonNode properties = payload(type).path("properties");
        for (EventSchema.Field field : EventSchema.fieldsOf(type).values()) {
            JsonNode schema = resolve(properties.path(field.name()));
            kindFacets(field.kind()).forEach((facet, value) -> assertEquals(value, schema.path(facet).asText(),
                    type + "." + field.name() + " (" + field.kind() + "): " + facet));
        }
    }

    /** The records that are serialized to the topics have exactly the documented fields (besides {@code type}). */
    @Test
    void publishedRecordsHaveTheDocumentedFields() {
        JsonSubTypes subTypes = IngestEvent.class.getAnnotation(JsonSubTypes.class);
        assertEquals(EventType.values().length, subTypes.value().length);
        for (JsonSubTypes.Type subType : subTypes.value()) {
            EventType type = EventType.fromWireName(subType.name()).orElseThrow();
            List<String> components = Arrays.stream(subType.value().getRecordComponents())
                    .map(RecordComponent::getName).toList();
            List<String> documented = names(payload(type).path("properties"));
            assertEquals(documented.subList(1, documented.size()), components, subType.value().getSimpleName());
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void headersAreTheCloudEventHeadersTheServiceWrites(EventType type) {
        JsonNode headers = resolve(message(type).path("headers"));
        JsonNode common = resolve(headers.path("allOf").path(0));
        List<String> names = List.of(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.TYPE, CloudEventHeaders.SOURCE,
                CloudEventHeaders.ID, CloudEventHeaders.TIME, CloudEventHeaders.CONTENT_TYPE);
        assertEquals(names, names(common.path("properties")));
        assertEquals(names, texts(common.path("required")));
        assertEquals(CloudEventHeaders.SOURCE_VALUE,
                common.path("properties").path(CloudEventHeaders.SOURCE).path("const").asText());
        assertEquals(type.cloudEventType(),
                headers.path("allOf").path(1).path("properties").path(CloudEventHeaders.TYPE).path("const").asText());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void keyIsTheTickerOrMacro(EventType type) {
        JsonNode key = resolve(message(type).path("bindings").path("kafka").path("key"));
        if (type == EventType.MACRO) {
            assertEquals(IngestEvent.MACRO_KEY, key.path("const").asText());
        } else {
            assertEquals(EventRules.TICKER.pattern(), key.path("pattern").asText());
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eachEventIsDocumentedOnTheTopicItIsPublishedTo(EventType type) {
        String topic = topicOf(channelOf(type));
        JsonNode channel = channelAt(topic);
        assertNotNull(channel, "no channel with address " + topic);
        assertEquals(List.of("#/components/messages/" + type.wireName()),
                channel.path("messages").findValuesAsText("$ref"), "messages of " + topic);
    }

    @Test
    void everyChannelIsATopicTheServicePublishesToAndHasASendOperation() {
        Set<String> published = properties.stringPropertyNames().stream()
                .filter(name -> name.startsWith("mp.messaging.outgoing.") && name.endsWith(".topic"))
                .map(properties::getProperty)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = new TreeSet<>();
        document.path("channels").forEach(channel -> documented.add(channel.path("address").asText()));
        assertEquals(published, documented);

        Set<String> sent = new TreeSet<>();
        document.path("operations").forEach(operation -> {
            assertEquals("send", operation.path("action").asText());
            sent.add(resolve(operation.path("channel")).path("address").asText());
        });
        assertEquals(documented, sent);
    }

    /** The outgoing channel of each event type, as EventPublisher chooses it. */
    private static String channelOf(EventType type) {
        return switch (type) {
            case PRICE -> Channels.PRICES;
            case FILING -> Channels.FILINGS;
            case ESTIMATE -> Channels.ESTIMATES;
            case MACRO -> Channels.MACRO;
            case COMPANY -> Channels.COMPANIES;
        };
    }

    /** What the schema of a field of this kind must say (FieldKind's checks, EventRules' limits). */
    private static Map<String, String> kindFacets(FieldKind kind) {
        Map<String, String> facets = new LinkedHashMap<>();
        switch (kind) {
            case TICKER -> {
                facets.put("type", "string");
                facets.put("pattern", EventRules.TICKER.pattern());
            }
            case NAME -> {
                facets.put("type", "string");
                facets.put("minLength", "1");
                facets.put("maxLength", String.valueOf(EventRules.MAX_NAME_LENGTH));
            }
            case INSTANT -> {
                facets.put("type", "string");
                facets.put("format", "date-time");
            }
            case DATE -> {
                facets.put("type", "string");
                facets.put("format", "date");
            }
            case NUMBER -> facets.put("type", "number");
            case PRICE -> {
                facets.put("type", "number");
                facets.put("exclusiveMinimum", "0");
            }
            case FISCAL_YEAR -> {
                facets.put("type", "integer");
                facets.put("minimum", String.valueOf(EventRules.MIN_FISCAL_YEAR));
                facets.put("maximum", String.valueOf(EventRules.MAX_FISCAL_YEAR));
            }
            case FISCAL_QUARTER -> {
                facets.put("type", "integer");
                facets.put("minimum", "1");
                facets.put("maximum", "4");
            }
        }
        return facets;
    }

    private static JsonNode message(EventType type) {
        JsonNode message = document.path("components").path("messages").path(type.wireName());
        assertTrue(message.isObject(), "no message " + type.wireName());
        return message;
    }

    private static JsonNode payload(EventType type) {
        return resolve(message(type).path("payload"));
    }

    private static JsonNode channelAt(String address) {
        for (JsonNode channel : document.path("channels")) {
            if (address.equals(channel.path("address").asText())) {
                return channel;
            }
        }
        return null;
    }

    private static String topicOf(String channel) {
        String topic = properties.getProperty("mp.messaging.outgoing." + channel + ".topic");
        assertNotNull(topic, "no topic bound to " + channel);
        return topic;
    }

    /** Follows local {@code $ref}s ({@code #/a/b}) until a schema or object without one. */
    private static JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            assertTrue(ref.startsWith("#/"), "only local references: " + ref);
            node = document.at(ref.substring(1));
            assertTrue(!node.isMissingNode(), "dangling reference " + ref);
        }
        return node;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static InputStream resource(String name) {
        InputStream in = AsyncApiDocumentTest.class.getResourceAsStream(name);
        assertNotNull(in, "missing classpath resource " + name);
        return in;
    }
}
