package io.saasreport.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import io.saasreport.contracts.TopicSchemas;

/**
 * A service's {@code asyncapi.yaml} (AsyncAPI 3) as its document test reads it, with the checks every such test
 * makes of really published records: the value against its topic's JSON Schema from the contracts module, the
 * headers against the message's documented headers.
 */
public final class AsyncApiDocument {

    /** The contracts' schemas, resolved from the classpath; formats (dates, instants) are asserted. */
    private static final SchemaRegistry CONTRACTS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder
                    .schemaIdResolvers(ids -> ids.mapPrefix(TopicSchemas.ID_BASE, "classpath:" + TopicSchemas.FOLDER))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private final JsonNode root;

    private AsyncApiDocument(JsonNode root) {
        this.root = root;
    }

    /** {@code /asyncapi.yaml} on the classpath of {@code service} (a class of the service under test). */
    public static AsyncApiDocument of(Class<?> service) {
        try (InputStream yaml = resource(service, "/asyncapi.yaml")) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
            assertEquals("3.0.0", root.path("asyncapi").asText());
            return new AsyncApiDocument(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service's {@code application.properties}, where its channels' topics are configured. */
    public static Properties applicationProperties(Class<?> service) {
        try (InputStream in = resource(service, "/application.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode root() {
        return root;
    }

    public JsonNode message(String name) {
        JsonNode message = root.path("components").path("messages").path(name);
        assertTrue(message.isObject(), "no message " + name);
        return message;
    }

    public JsonNode channelAt(String address) {
        for (JsonNode channel : root.path("channels")) {
            if (address.equals(channel.path("address").asText())) {
                return channel;
            }
        }
        throw new AssertionError("no channel with address " + address);
    }

    public Set<String> channelAddresses() {
        Set<String> addresses = new TreeSet<>();
        root.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
        return addresses;
    }

    /** The addresses of the channels the operations name; every operation's action must be {@code action}. */
    public Set<String> operationChannelAddresses(String action) {
        Set<String> addresses = new TreeSet<>();
        root.path("operations").forEach(operation -> {
            assertEquals(action, operation.path("action").asText());
            addresses.add(resolve(operation.path("channel")).path("address").asText());
        });
        return addresses;
    }

    /** Follows local {@code $ref}s ({@code #/a/b}) until a node without one. */
    public JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            assertTrue(ref.startsWith("#/"), "only local references: " + ref);
            node = root.at(ref.substring(1));
            assertFalse(node.isMissingNode(), "dangling reference " + ref);
        }
        return node;
    }

    /**
     * A record's headers are the documented ones ({@code allOf}: the common headers, then the message's own
     * {@code ce_type}): the same names in the same order, all required, each value meeting its const, pattern and
     * format ({@code uuid}, {@code date-time}).
     */
    public void assertHeaders(Headers headers, JsonNode documentedHeaders) {
        JsonNode documented = resolve(documentedHeaders);
        JsonNode common = resolve(documented.path("allOf").path(0));
        List<String> names = new ArrayList<>();
        headers.forEach(header -> names.add(header.key()));
        assertEquals(names(common.path("properties")), names);
        assertEquals(texts(common.path("required")), names);
        assertEquals(documented.path("allOf").path(1).path("properties").path("ce_type").path("const").asText(),
                header(headers, "ce_type"));
        for (String name : names) {
            assertHeaderMeets(common.path("properties").path(name), name, header(headers, name));
        }
    }

    /** The value validates against its topic's schema from the contracts module. */
    public static void assertValid(JsonNode value, String topic) {
        var schema = CONTRACTS.getSchema(SchemaLocation.of(TopicSchemas.id(topic)));
        assertEquals(List.of(), schema.validate(value), topic + ": " + value);
    }

    /**
     * The fields of a topic's value as its contracts schema lists them, without the {@code type} tag: what a
     * service's record of that value must hold (each service keeps its own record, in its own number types).
     */
    public static List<String> valueFields(String topic) {
        JsonNode properties = CONTRACTS.getSchema(SchemaLocation.of(TopicSchemas.id(topic))).getSchemaNode().path("properties");
        List<String> fields = names(properties);
        fields.remove("type");
        return fields;
    }

    /** A record's component names, in order. */
    public static List<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    /** An object's field names, in order. */
    public static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A JSON array's texts, or a single text as a one-element list. */
    public static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> texts.add(item.asText()));
        } else if (!node.isMissingNode()) {
            texts.add(node.asText());
        }
        return texts;
    }

    private static void assertHeaderMeets(JsonNode schema, String name, String value) {
        if (schema.has("const")) {
            assertEquals(schema.get("const").asText(), value, name);
        }
        if (schema.has("pattern")) {
            assertTrue(value.matches(schema.get("pattern").asText()), name + " = " + value);
        }
        switch (schema.path("format").asText()) {
            case "uuid" -> assertEquals(value, UUID.fromString(value).toString(), name);
            case "date-time" -> assertNotNull(OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME), name);
            default -> {
            }
        }
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        assertNotNull(header, "missing header " + name);
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static InputStream resource(Class<?> service, String name) {
        InputStream in = service.getResourceAsStream(name);
        assertNotNull(in, "missing classpath resource " + name);
        return in;
    }
}
