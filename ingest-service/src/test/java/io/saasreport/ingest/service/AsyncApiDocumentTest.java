package io.saasreport.ingest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.saasreport.contracts.InputTopics;
import io.saasreport.contracts.TopicSchemas;
import io.saasreport.ingest.domain.CompanyEvent;
import io.saasreport.ingest.domain.Correction;
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
    /** One correction of each type, for the topic it travels on. */
    private static final List<Correction> CORRECTIONS = List.of(
            Correction.priceWithdrawal("CTRT", "2024-03-01T21:00:00Z"),
            Correction.filingWithdrawal("CTRT", "2025", "2", Instant.now()),
            Correction.companyRemoval("CTRT", Instant.now()));
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
        String topic = type.topic();
        JsonNode channel = document.channelAt(topic);
        List<String> messages = new ArrayList<>(List.of("#/components/messages/" + type.wireName()));
        CORRECTIONS.stream().filter(correction -> correction.topic().equals(topic))
                .forEach(correction -> messages.add("#/components/messages/" + messageName(correction)));
        assertEquals(messages, channel.path("messages").findValuesAsText("$ref"), "messages of " + topic);
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
        assertEquals(new TreeSet<>(InputTopics.ALL), document.channelAddresses());
        assertEquals(document.channelAddresses(), document.operationChannelAddresses("send"));
    }

    /** Each correction's schema holds the correction record's fields it uses, in the record's order. */
    @Test
    void theCorrectionSchemasHoldTheCorrectionRecordsFields() {
        Set<String> documented = new LinkedHashSet<>();
        for (Correction correction : CORRECTIONS) {
            List<String> fields = AsyncApiDocument.valueFields(correction.type());
            List<String> components = new ArrayList<>(AsyncApiDocument.components(Correction.class));
            components.retainAll(fields);
            assertEquals(components, fields, correction.type());
            documented.addAll(fields);
        }
        List<String> components = new ArrayList<>(AsyncApiDocument.components(Correction.class));
        components.remove("type");
        assertEquals(components, List.copyOf(documented), "every field of a correction is in a correction's schema");
    }

    @Test
    void publishedCorrectionsValidateAgainstTheirSchemasAndCarryTheDocumentedHeaders() throws IOException {
        Map<TopicPartition, Long> before = KafkaTestClient.onTestBroker().endOffsets(Topics.INPUT);
        Requests.authorized().delete("/api/v1/companies/CTRT").then().statusCode(202);
        Requests.authorized().delete("/api/v1/companies/CTRT/prices/2024-03-01T21:00:00Z").then().statusCode(202);
        Requests.authorized().contentType("application/json").body("{\"price\":151.2}")
                .put("/api/v1/companies/CTRT/prices/2024-03-01T21:00:00Z").then().statusCode(202);
        Requests.authorized().delete("/api/v1/companies/CTRT/filings/2025/2").then().statusCode(202);

        List<ConsumerRecord<String, String>> records = KafkaTestClient.onTestBroker().since(before);
        Set<String> types = new TreeSet<>();
        for (ConsumerRecord<String, String> record : records) {
            JsonNode value = JSON.readTree(record.value());
            String type = value.path("type").asText();
            AsyncApiDocument.assertValid(value, type);
            JsonNode message = document.message(messageName(CORRECTIONS.stream()
                    .filter(correction -> correction.type().equals(type)).findFirst().orElseThrow()));
            assertEquals(TopicSchemas.resource(type), message.path("payload").path("schema").path("$ref").asText());
            assertEquals(List.of("#/components/messages/" + message.path("name").asText()),
                    document.channelAt(record.topic()).path("messages").findValuesAsText("$ref").stream()
                            .filter(ref -> ref.endsWith("/" + message.path("name").asText())).toList(),
                    "a message of the channel it travels on");
            document.assertHeaders(record.headers(), message.path("headers"));
            types.add(type);
        }
        assertEquals(4, records.size());
        assertEquals(new TreeSet<>(TopicSchemas.CORRECTIONS), types);
    }

    /** The AsyncAPI message of a correction: its type in camel case ({@code price-correction}: priceCorrection). */
    private static String messageName(Correction correction) {
        String[] words = correction.type().split("-");
        return words[0] + Character.toUpperCase(words[1].charAt(0)) + words[1].substring(1);
    }

    /** The classpath resource a message's payload refers to (relative to this document, at the classpath root). */
    private static String payloadResource(EventType type) {
        JsonNode payload = document.message(type.wireName()).path("payload");
        assertEquals("application/schema+json;version=draft-2020-12", payload.path("schemaFormat").asText());
        return payload.path("schema").path("$ref").asText();
    }

}
