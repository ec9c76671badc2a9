package io.saasreport.metrics.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.saasreport.metrics.domain.CompanyMetrics;
import io.saasreport.metrics.domain.CompanySources;
import io.saasreport.metrics.domain.TickerValue;
import io.saasreport.metrics.domain.UniverseAlert;
import io.saasreport.metrics.domain.UniverseSnapshot;

/**
 * Keeps {@code asyncapi.yaml} in step with the code: each payload schema has exactly the components of its
 * record (and the revision beside them), the records the topology really writes (worked example through
 * TopologyTestDriver) match the documented payloads, keys and headers, and the channel addresses are the topics
 * in application.properties.
 */
class AsyncApiDocumentTest {

    private static final ObjectMapper JSON = StreamJson.MAPPER;

    private static JsonNode document;
    private static Properties properties;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream yaml = resource("/asyncapi.yaml"); InputStream props = resource("/application.properties")) {
            document = new ObjectMapper(new YAMLFactory()).readTree(yaml);
            properties = new Properties();
            properties.load(props);
        }
        assertEquals("3.0.0", document.path("asyncapi").asText());
    }

    @ParameterizedTest
    @ValueSource(classes = {CompanyMetrics.class, CompanySources.class, CompanySources.PriceSource.class,
            CompanySources.QuarterSource.class, CompanySources.EstimateSource.class, CompanySources.FigureSource.class,
            UniverseSnapshot.class, UniverseSnapshot.Buckets.class,
            UniverseSnapshot.Bucket.class, UniverseSnapshot.OperatingMedians.class, UniverseSnapshot.Regression.class,
            UniverseSnapshot.Quartiles.class, UniverseSnapshot.OperatingQuartiles.class,
            TickerValue.class})
    void schemaHasExactlyTheRecordsComponents(Class<?> record) {
        JsonNode schema = schema(record.getSimpleName());
        List<String> components = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            components.add(component.getName());
            JsonNode property = schema.path("properties").path(component.getName());
            assertTypeMatches(component.getGenericType(), property, record.getSimpleName() + "." + component.getName());
        }
        for (Method derived : record.getDeclaredMethods()) { // published beside the components, derived from them
            JsonProperty published = derived.getAnnotation(JsonProperty.class);
            if (published != null) {
                components.add(published.value());
                assertTypeMatches(derived.getGenericReturnType(), schema.path("properties").path(published.value()),
                        record.getSimpleName() + "." + published.value());
            }
        }
        if (record == CompanyMetrics.class) {
            components.add("sources"); // written beside the figures (CompanyFigures)
            assertEquals("#/components/schemas/CompanySources", schema.path("properties").path("sources").path("$ref").asText());
        }
        if (record == CompanyMetrics.class || record == UniverseSnapshot.class) {
            components.add("revision"); // written beside the record's own fields
            assertEquals("#/components/schemas/Revision", schema.path("properties").path("revision").path("$ref").asText());
            assertEquals(List.of("integer"), texts(resolve(schema.path("properties").path("revision")).path("type")));
        }
        assertEquals(components, names(schema.path("properties")), record.getSimpleName() + " properties");
        assertEquals(components, texts(schema.path("required")), record.getSimpleName() + ": nulls are always written");
        assertFalse(schema.path("additionalProperties").asBoolean(true), record.getSimpleName() + " additionalProperties");
    }

    @Test
    void publishedCompanyMetricsOfTheWorkedExampleMatchTheSchema() throws IOException {
        try (TopologyHarness topology = workedExample()) {
            assertFalse(topology.companyRecords.isEmpty());
            JsonNode message = document.path("components").path("messages").path("companyMetrics");
            for (TestRecord<String, String> record : topology.companyRecords) {
                JsonNode value = JSON.readTree(record.value());
                assertConforms(value, resolve(message.path("payload")), "metrics.company");
                assertEquals(value.path("ticker").asText(), record.key());
                assertHeaders(record, message.path("headers"));
            }
        }
    }

    @Test
    void publishedUniverseOfTheWorkedExampleMatchesTheSchema() throws IOException {
        try (TopologyHarness topology = workedExample()) {
            topology.publishInterval();
            assertFalse(topology.universeRecords.isEmpty());

            TestRecord<String, String> record = topology.universeRecords.get(topology.universeRecords.size() - 1);
            JsonNode value = JSON.readTree(record.value());
            assertFalse(value.path("regression").isNull(), "the example should exercise the regression object");
            assertFalse(value.path("topByEvToNtmRevenue").isEmpty(), "the example should fill the top lists");
            JsonNode message = document.path("components").path("messages").path("universeSnapshot");
            assertConforms(value, resolve(message.path("payload")), "metrics.universe");
            assertTrue(record.key().matches(message.path("bindings").path("kafka").path("key").path("pattern").asText()),
                    record.key());
            assertEquals("universe", record.key());
            assertHeaders(record, message.path("headers"));
        }
    }

    @Test
    void deadLettersCarryTheDocumentedHeadersOnADocumentedTopic() {
        try (TopologyHarness topology = new TopologyHarness()) {
            String topic = topic("prices");
            topology.send(topic, "ACME", "{not json");

            List<TestRecord<String, String>> dead = topology.deadLetters(topic);
            assertEquals(1, dead.size());
            assertTrue(channelAddresses().contains(topic + ".dlq"), "undocumented topic " + topic + ".dlq");
            assertEquals("{not json", dead.get(0).value());

            JsonNode headers = resolve(document.path("components").path("messages").path("deadLetter").path("headers"));
            Set<String> written = new TreeSet<>();
            dead.get(0).headers().forEach(header -> written.add(header.key()));
            written.remove("dead-letter-cause"); // documented as optional
            Set<String> documented = new TreeSet<>(names(headers.path("properties")));
            documented.remove("dead-letter-cause");
            assertEquals(documented, written);
            assertTrue(written.containsAll(texts(headers.path("required"))));
        }
    }

    @Test
    void channelsAreTheOutputTopicsAndTheDeadLetterTopicsOfEveryInput() {
        Set<String> expected = new TreeSet<>();
        expected.add(topic("company"));
        expected.add(topic("universe"));
        expected.add(topic("alerts"));
        for (String input : List.of("prices", "filings", "estimates", "macro", "profiles", "definitions")) {
            expected.add(topic(input) + ".dlq");
        }
        assertEquals(expected, channelAddresses());

        Set<String> withOperation = new TreeSet<>();
        document.path("operations").forEach(operation -> withOperation.add(resolve(operation.path("channel")).path("address").asText()));
        assertEquals(expected, withOperation);
    }

    @Test
    void theAlertSchemaHasExactlyTheAlertsComponents() {
        JsonNode schema = schema(UniverseAlert.class.getSimpleName());
        List<String> components = new ArrayList<>();
        for (RecordComponent component : UniverseAlert.class.getRecordComponents()) {
            components.add(component.getName());
        }
        assertEquals(components, names(schema.path("properties")));
        List<String> types = new ArrayList<>();
        for (UniverseAlert.Type type : UniverseAlert.Type.values()) {
            types.add(type.wireName());
        }
        assertEquals(types, texts(schema.path("properties").path("type").path("enum")));
        assertFalse(schema.path("additionalProperties").asBoolean(true));
    }

    @Test
    void outputTopicsAreDocumentedAsCompacted() {
        for (String channel : List.of("company", "universe")) {
            JsonNode policy = channelAt(topic(channel))
                    .path("bindings").path("kafka").path("topicConfiguration").path("cleanup.policy");
            assertEquals(List.of("compact"), texts(policy), channel);
        }
    }

    @Test
    void theTopologyReadsAndWritesTheConfiguredTopics() {
        MetricsTopology.Settings defaults = MetricsTopology.Settings.defaults();
        assertEquals(List.of(topic("prices"), topic("filings"), topic("estimates"), topic("profiles"), topic("macro")),
                defaults.inputs());
        assertEquals(topic("company"), defaults.companyFigures());
        assertEquals(topic("universe"), defaults.universe());
        assertEquals(topic("definitions"), defaults.definitions());
        assertEquals(topic("alerts"), defaults.alerts());
    }

    // --- The records as they are really written ---------------------------------------------------------

    private static TopologyHarness workedExample() {
        TopologyHarness topology = new TopologyHarness();
        TopologyHarness.workedExampleEvents().forEach(topology::send);
        return topology;
    }

    private void assertHeaders(TestRecord<String, String> record, JsonNode documented) {
        JsonNode common = resolve(documented.path("allOf").path(0));
        List<String> names = new ArrayList<>();
        StreamSupport.stream(record.headers().spliterator(), false).map(Header::key).forEach(names::add);
        assertEquals(names(common.path("properties")), names);
        assertEquals(texts(common.path("required")), names);

        String type = header(record, "ce_type");
        assertEquals(documented.path("allOf").path(1).path("properties").path("ce_type").path("const").asText(), type);
        for (String name : names) {
            JsonNode schema = common.path("properties").path(name);
            String value = header(record, name);
            if (schema.has("const")) {
                assertEquals(schema.get("const").asText(), value, name);
            }
            if (schema.has("pattern")) {
                assertTrue(value.matches(schema.get("pattern").asText()), name + " = " + value);
            }
        }
    }

    private static String header(TestRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertNotNull(header, "missing header " + name);
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    // --- A small schema check: exactly the documented keys, of the documented JSON types ----------------

    private static void assertConforms(JsonNode value, JsonNode schema, String at) {
        schema = resolve(schema);
        List<String> types = texts(schema.path("type"));
        if (value.isNull()) {
            assertTrue(types.contains("null"), at + " is null but not nullable");
            return;
        }
        String actual = value.isObject() ? "object" : value.isArray() ? "array" : value.isTextual() ? "string" : value.isBoolean() ? "boolean"
                : value.isIntegralNumber() && types.contains("integer") ? "integer" : value.isNumber() ? "number" : "?";
        assertTrue(types.contains(actual), at + " is " + actual + ", documented " + types);
        if ("date-time".equals(schema.path("format").asText())) {
            Instant.parse(value.asText());
        }
        if (value.isObject() && schema.path("additionalProperties").isObject()) { // a map
            for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) value::fields) {
                assertConforms(field.getValue(), schema.path("additionalProperties"), at + "." + field.getKey());
            }
        } else if (value.isObject()) {
            assertEquals(new TreeSet<>(names(schema.path("properties"))), new TreeSet<>(names(value)), at + " keys");
            for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) value::fields) {
                assertConforms(field.getValue(), schema.path("properties").path(field.getKey()), at + "." + field.getKey());
            }
        } else if (value.isArray()) {
            assertTrue(value.size() <= schema.path("maxItems").asInt(Integer.MAX_VALUE), at + " too long");
            for (int i = 0; i < value.size(); i++) {
                assertConforms(value.get(i), schema.path("items"), at + "[" + i + "]");
            }
        }
    }

    /** The documented JSON type of a record component: boxed numbers are nullable, records are referenced. */
    private static void assertTypeMatches(Type type, JsonNode property, String at) {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            assertEquals("array", texts(property.path("type")).get(0), at + " (an array, nullable or not)");
            assertTypeMatches(list.getActualTypeArguments()[0], property.path("items"), at + "[]");
            return;
        }
        if (type instanceof ParameterizedType map && map.getRawType() == Map.class) {
            assertEquals(List.of("object"), texts(property.path("type")), at);
            assertTypeMatches(map.getActualTypeArguments()[1], property.path("additionalProperties"), at + "{}");
            return;
        }
        Class<?> raw = (Class<?>) type;
        if (raw.isRecord()) {
            assertEquals("#/components/schemas/" + raw.getSimpleName(), property.path("$ref").asText(), at);
            return;
        }
        JsonNode resolved = resolve(property);
        List<String> expected = raw == double.class ? List.of("number")
                : raw == Double.class ? List.of("number", "null")
                : raw == int.class ? List.of("integer")
                : raw == boolean.class ? List.of("boolean")
                : raw == LocalDate.class ? texts(resolved.path("type"))
                : raw == String.class || raw == Instant.class ? texts(resolved.path("type")) // nullability per field
                : raw.isEnum() ? List.of("string", "null")
                : List.of("unmapped " + raw);
        assertEquals(expected, texts(resolved.path("type")), at);
        if (raw.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object constant : raw.getEnumConstants()) {
                names.add(StreamJson.write(constant).replace("\"", ""));
            }
            names.add("null");
            assertEquals(names, texts(resolved.path("enum")), at + " enum");
        }
        if (raw == String.class || raw == Instant.class) {
            assertEquals("string", texts(resolved.path("type")).get(0), at);
            assertEquals(raw == Instant.class, "date-time".equals(resolved.path("format").asText()), at + " format");
        }
    }

    // --- Document access ----------------------------------------------------------------------------

    private static JsonNode schema(String name) {
        JsonNode schema = document.path("components").path("schemas").path(name);
        assertTrue(schema.isObject(), "no schema " + name);
        return schema;
    }

    private static Set<String> channelAddresses() {
        Set<String> addresses = new TreeSet<>();
        document.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
        return addresses;
    }

    private static JsonNode channelAt(String address) {
        for (JsonNode channel : document.path("channels")) {
            if (address.equals(channel.path("address").asText())) {
                return channel;
            }
        }
        throw new AssertionError("no channel with address " + address);
    }

    private static String topic(String name) {
        String topic = properties.getProperty("metrics.topic." + name);
        assertNotNull(topic, "no topic configured as metrics.topic." + name);
        return topic;
    }

    /** Follows local {@code $ref}s ({@code #/a/b}) until a node without one. */
    private static JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            assertTrue(ref.startsWith("#/"), "only local references: " + ref);
            node = document.at(ref.substring(1));
            assertFalse(node.isMissingNode(), "dangling reference " + ref);
        }
        return node;
    }

    /** A JSON array's texts, or a single text as a one-element list. */
    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> texts.add(item.asText()));
        } else if (!node.isMissingNode()) {
            texts.add(node.asText());
        }
        return texts;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static InputStream resource(String name) {
        InputStream in = AsyncApiDocumentTest.class.getResourceAsStream(name);
        assertNotNull(in, "missing classpath resource " + name);
        return in;
    }
}
