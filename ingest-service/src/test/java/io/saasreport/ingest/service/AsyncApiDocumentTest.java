package io.saasreport.ingest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import io.quarkus.test.junit.QuarkusTest;
import io.saasreport.contracts.TopicSchemas;
import io.saasreport.ingest.domain.EventType;
import io.saasreport.ingest.rest.Requests;
import io.saasreport.stack.Topics;
import io.saasreport.stack.test.KafkaTestClient;

/**
 * {@code asyncapi.yaml} against the service: every topic the service publishes to is a channel whose payload
 * is that topic's JSON Schema from the contracts module, the records the service really publishes validate
 * against those schemas, and the headers are the ones {@link CloudEventHeaders} writes.
 */
@QuarkusTest
class AsyncApiDocumentTest {

    /** One event of each type with every optional field, so that each published field meets its schema. */
    private static final String EVENTS = """
            [{"type":"company","ticker":"CTRT","name":"Contract Test Inc."},
             {"type":"price","ticker":"CTRT","price":151.2,"at":"2024-03-01T16:00:00-05:00"},
             {"type":"filing","ticker":"CTRT","fiscalYear":2025,"fiscalQuarter":2,"periodEnd":"2024-07-31",
              "filedAt":"2024-08-29T21:05:00Z","revenue":868823000,"subscriptionRevenue":829250000,
              "grossProfit":586418000,"salesAndMarketing":378536000,"researchAndDevelopment":381890000,
              "generalAndAdministrative":91582000,"operatingIncome":-265682000,"operatingCashFlow":69887000,
              "capitalExpenditures":13596000,"cash":3937000000,"debt":0,"sharesOutstanding":335000000,
              "netRevenueRetention":1.27},
             {"type":"estimate","ticker":"CTRT","asOf":"2024-03-01T21:00:00Z","ntmRevenue":3.6e9,"ntmFcf":9e8,
              "fy1Revenue":3.4e9,"fy2Revenue":4.2e9,"fy1End":"2025-01-31","fy1Fcf":8e8,"fy2Fcf":1e9},
             {"type":"macro","asOf":"2024-03-01T21:00:00Z","tenYearYield":4.25}]""";

    private static final SchemaRegistry CONTRACTS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder
                    .schemaIdResolvers(ids -> ids.mapPrefix(TopicSchemas.ID_BASE, "classpath:" + TopicSchemas.FOLDER))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private static final ObjectMapper JSON = new ObjectMapper();

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
    void eachEventsChannelCarriesItsTopicsSchema(EventType type) {
        String topic = topicOf(channelOf(type));
        assertEquals(topic, type.topic(), "the topic EventType names for " + type);
        JsonNode channel = channelAt(topic);
        assertNotNull(channel, "no channel with address " + topic);
        assertEquals(List.of("#/components/messages/" + type.wireName()),
                channel.path("messages").findValuesAsText("$ref"), "messages of " + topic);
        assertEquals(TopicSchemas.resource(topic), payloadResource(type));
        assertNotNull(AsyncApiDocumentTest.class.getResource("/" + payloadResource(type)), "no schema file for " + topic);
    }

    @Test
    void publishedRecordsValidateAgainstTheirTopicsSchema() throws IOException {
        Map<TopicPartition, Long> before = KafkaTestClient.onTestBroker().endOffsets(Topics.INPUT);
        Requests.authorized().contentType("application/json").body(EVENTS.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/events")
                .then().statusCode(202);

        List<ConsumerRecord<String, String>> records = KafkaTestClient.onTestBroker().since(before);
        Set<String> topics = new TreeSet<>();
        for (ConsumerRecord<String, String> record : records) {
            var schema = CONTRACTS.getSchema(SchemaLocation.of(TopicSchemas.id(record.topic())));
            assertEquals(List.of(), schema.validate(JSON.readTree(record.value())), record.topic() + ": " + record.value());
            topics.add(record.topic());
        }
        assertEquals(new TreeSet<>(Topics.INPUT), topics, "one record on every input topic");
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

    private static JsonNode message(EventType type) {
        JsonNode message = document.path("components").path("messages").path(type.wireName());
        assertTrue(message.isObject(), "no message " + type.wireName());
        return message;
    }

    /** The classpath resource a message's payload refers to (relative to this document, at the classpath root). */
    private static String payloadResource(EventType type) {
        JsonNode payload = message(type).path("payload");
        assertEquals("application/schema+json;version=draft-2020-12", payload.path("schemaFormat").asText());
        return payload.path("schema").path("$ref").asText();
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
