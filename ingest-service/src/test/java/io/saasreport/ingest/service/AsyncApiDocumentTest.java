package io.saasreport.ingest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

import io.quarkus.test.junit.QuarkusTest;
import io.saasreport.contracts.TopicSchemas;
import io.saasreport.ingest.domain.CompanyEvent;
import io.saasreport.ingest.domain.EstimateEvent;
import io.saasreport.ingest.domain.EventType;
import io.saasreport.ingest.domain.FilingEvent;
import io.saasreport.ingest.domain.IngestEvent;
import io.saasreport.ingest.domain.MacroEvent;
import io.saasreport.ingest.domain.PriceEvent;
import io.saasreport.ingest.rest.Requests;
import io.saasreport.stack.Topics;
import io.saasreport.testsupport.AsyncApiDocument;
import io.saasreport.testsupport.KafkaTestClient;

/**
 * {@code asyncapi.yaml} against the service: every topic the service publishes to is a channel whose payload
 * is that topic's JSON Schema from the contracts module, and the records the service really publishes validate
 * against those schemas and carry the documented CloudEvents headers, which the connector writes from the channels'
 * settings and each message's CloudEvents metadata ({@link OutgoingRecord}).
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

    private static final String CONNECTOR = "mp.messaging.connector.smallrye-kafka.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static AsyncApiDocument document;
    private static Properties properties;

    @BeforeAll
    static void load() {
        document = AsyncApiDocument.of(AsyncApiDocumentTest.class);
        properties = AsyncApiDocument.applicationProperties(AsyncApiDocumentTest.class);
    }

    @Test
    void isAnAsyncApi3Document() {
        assertEquals("3.0.0", document.root().path("asyncapi").asText());
        assertEquals("application/json", document.root().path("defaultContentType").asText());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eachEventsChannelCarriesItsTopicsSchema(EventType type) {
        String topic = topicOf(channelOf(type));
        assertEquals(topic, type.topic(), "the topic EventType names for " + type);
        JsonNode channel = document.channelAt(topic);
        assertEquals(List.of("#/components/messages/" + type.wireName()),
                channel.path("messages").findValuesAsText("$ref"), "messages of " + topic);
        assertEquals(TopicSchemas.resource(topic), payloadResource(type));
        assertNotNull(AsyncApiDocumentTest.class.getResource("/" + payloadResource(type)), "no schema file for " + topic);
    }

    /** Each record holds its topic's fields, in the schema's order: a field added to the contract is added here. */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void eachEventRecordHoldsItsTopicsFields(EventType type) {
        Class<? extends IngestEvent> record = switch (type) {
            case PRICE -> PriceEvent.class;
            case FILING -> FilingEvent.class;
            case ESTIMATE -> EstimateEvent.class;
            case MACRO -> MacroEvent.class;
            case COMPANY -> CompanyEvent.class;
        };
        assertEquals(AsyncApiDocument.valueFields(type.topic()), AsyncApiDocument.components(record.asSubclass(Record.class)));
    }

    @Test
    void publishedRecordsValidateAgainstTheirTopicsSchemaAndCarryTheDocumentedHeaders() throws IOException {
        Map<TopicPartition, Long> before = KafkaTestClient.onTestBroker().endOffsets(Topics.INPUT);
        Requests.authorized().contentType("application/json").body(EVENTS.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/events")
                .then().statusCode(202);

        List<ConsumerRecord<String, String>> records = KafkaTestClient.onTestBroker().since(before);
        Set<String> topics = new TreeSet<>();
        for (ConsumerRecord<String, String> record : records) {
            AsyncApiDocument.assertValid(JSON.readTree(record.value()), record.topic());
            EventType type = Arrays.stream(EventType.values()).filter(t -> t.topic().equals(record.topic()))
                    .findFirst().orElseThrow();
            document.assertHeaders(record.headers(), document.message(type.wireName()).path("headers"));
            topics.add(record.topic());
        }
        assertEquals(new TreeSet<>(Topics.INPUT), topics, "one record on every input topic");
    }

    @Test
    void publishedUniverseDefinitionsAndTombstonesCarryTheDocumentedHeaders() {
        List<String> definitions = List.of(Topics.DEFINITIONS);
        Map<TopicPartition, Long> before = KafkaTestClient.onTestBroker().endOffsets(definitions);
        Requests.authorized().contentType("application/json").body("{\"tickers\":[\"CTRT\"]}")
                .put("/api/v1/universes/contract-test").then().statusCode(202);
        Requests.authorized().delete("/api/v1/universes/contract-test").then().statusCode(202);

        List<ConsumerRecord<String, String>> records = KafkaTestClient.onTestBroker().since(before);
        assertEquals(2, records.size());
        document.assertHeaders(records.get(0).headers(), document.message("universeDefinition").path("headers"));
        document.assertHeaders(records.get(1).headers(), document.message("universeRemoved").path("headers"));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void documentedHeadersAreTheConfiguredCloudEventAttributes(EventType type) {
        JsonNode headers = document.resolve(document.message(type.wireName()).path("headers"));
        JsonNode common = document.resolve(headers.path("allOf").path(0)).path("properties");
        assertEquals(properties.getProperty(CONNECTOR + "cloud-events-source"), common.path("ce_source").path("const").asText());
        String contentType = properties.getProperty(CONNECTOR + "cloud-events-data-content-type");
        assertEquals(contentType, common.path("ce_datacontenttype").path("const").asText());
        assertEquals(contentType, common.path("content-type").path("const").asText());
        assertEquals(type.cloudEventType(), headers.path("allOf").path(1).path("properties").path("ce_type").path("const").asText());
    }

    @Test
    void everyChannelIsATopicTheServicePublishesToAndHasASendOperation() {
        Set<String> published = properties.stringPropertyNames().stream()
                .filter(name -> name.startsWith("mp.messaging.outgoing.") && name.endsWith(".topic"))
                .map(properties::getProperty)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(published, document.channelAddresses());
        assertEquals(document.channelAddresses(), document.operationChannelAddresses("send"));
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

    /** The classpath resource a message's payload refers to (relative to this document, at the classpath root). */
    private static String payloadResource(EventType type) {
        JsonNode payload = document.message(type.wireName()).path("payload");
        assertEquals("application/schema+json;version=draft-2020-12", payload.path("schemaFormat").asText());
        return payload.path("schema").path("$ref").asText();
    }

    private static String topicOf(String channel) {
        String topic = properties.getProperty("mp.messaging.outgoing." + channel + ".topic");
        assertNotNull(topic, "no topic bound to " + channel);
        return topic;
    }
}
