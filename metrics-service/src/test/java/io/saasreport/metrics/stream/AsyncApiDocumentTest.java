package io.saasreport.metrics.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.saasreport.contracts.TopicSchemas;
import io.saasreport.metrics.config.ApplicationProperties;
import io.saasreport.metrics.config.MetricsConfig;
import io.saasreport.metrics.domain.universe.UniverseAlert;
import io.saasreport.testsupport.AsyncApiDocument;

/**
 * {@code asyncapi.yaml} against the service: each figure channel's payload is its topic's JSON Schema from the
 * contracts module, the records the topology really writes (worked example through TopologyTestDriver) validate
 * against those schemas and carry the documented keys and headers, and the channel addresses are the topics in
 * application.properties.
 */
class AsyncApiDocumentTest {

    private static final ObjectMapper JSON = StreamJson.MAPPER;

    private static AsyncApiDocument asyncApi;
    private static JsonNode document;
    private static Properties properties;

    @BeforeAll
    static void load() {
        asyncApi = AsyncApiDocument.of(AsyncApiDocumentTest.class);
        document = asyncApi.root();
        properties = AsyncApiDocument.applicationProperties(AsyncApiDocumentTest.class);
    }

    @Test
    void eachFigureChannelCarriesItsTopicsSchema() {
        Map<String, String> messageOfChannel = Map.of("company", "companyMetrics", "universe", "universeSnapshot");
        messageOfChannel.forEach((channel, message) -> {
            String topic = topic(channel);
            assertEquals(List.of("#/components/messages/" + message),
                    channelAt(topic).path("messages").findValuesAsText("$ref"), "messages of " + topic);
            JsonNode payload = document.path("components").path("messages").path(message).path("payload");
            assertEquals("application/schema+json;version=draft-2020-12", payload.path("schemaFormat").asText());
            assertEquals(TopicSchemas.resource(topic), payload.path("schema").path("$ref").asText());
            assertNotNull(AsyncApiDocumentTest.class.getResource("/" + TopicSchemas.resource(topic)), "no schema file for " + topic);
        });
    }

    @Test
    void publishedCompanyMetricsOfTheWorkedExampleMatchTheSchema() throws IOException {
        try (TopologyHarness topology = workedExample()) {
            assertFalse(topology.companyRecords.isEmpty());
            JsonNode message = document.path("components").path("messages").path("companyMetrics");
            for (TestRecord<String, String> record : topology.companyRecords) {
                JsonNode value = JSON.readTree(record.value());
                assertValid(value, topic("company"));
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
            assertValid(value, topic("universe"));
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
        MetricsConfig.Topics configured = ApplicationProperties.metricsConfig().topic();
        assertEquals(List.of(topic("prices"), topic("filings"), topic("estimates"), topic("profiles"), topic("macro")),
                MetricsTopology.inputs(configured));
        assertEquals(topic("company"), configured.company());
        assertEquals(topic("universe"), configured.universe());
        assertEquals(topic("definitions"), configured.definitions());
        assertEquals(topic("alerts"), configured.alerts());
    }

    // --- The records as they are really written ---------------------------------------------------------

    private static TopologyHarness workedExample() {
        TopologyHarness topology = new TopologyHarness();
        TopologyHarness.workedExampleEvents().forEach(topology::send);
        return topology;
    }

    private static void assertHeaders(TestRecord<String, String> record, JsonNode documented) {
        asyncApi.assertHeaders(record.headers(), documented);
    }

    private static void assertValid(JsonNode value, String topic) {
        AsyncApiDocument.assertValid(value, topic);
    }

    // --- Document access ----------------------------------------------------------------------------

    private static Set<String> channelAddresses() {
        return asyncApi.channelAddresses();
    }

    /** A payload schema still described in the document itself (not yet a contracts file). */
    private static JsonNode schema(String name) {
        return document.path("components").path("schemas").path(name);
    }

    private static JsonNode channelAt(String address) {
        return asyncApi.channelAt(address);
    }

    private static String topic(String name) {
        String topic = properties.getProperty("metrics.topic." + name);
        assertNotNull(topic, "no topic configured as metrics.topic." + name);
        return topic;
    }

    private static JsonNode resolve(JsonNode node) {
        return asyncApi.resolve(node);
    }

    private static List<String> texts(JsonNode node) {
        return AsyncApiDocument.texts(node);
    }

    private static List<String> names(JsonNode object) {
        return AsyncApiDocument.names(object);
    }
}
