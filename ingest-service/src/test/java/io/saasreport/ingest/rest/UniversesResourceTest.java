package io.saasreport.ingest.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.saasreport.stack.Topics;
import io.saasreport.testsupport.KafkaTestClient;

/** Named universes defined and removed over HTTP: the records on universe.definitions, and every refusal. */
@QuarkusTest
class UniversesResourceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Everything the ingest service writes: a refused definition must reach none of it. */
    private static final List<String> WRITTEN = java.util.stream.Stream.concat(Topics.INPUT.stream(),
            java.util.stream.Stream.of(Topics.DEFINITIONS)).toList();

    @Test
    void aTickerListIsPublishedUnderTheUniversesName() throws Exception {
        Map<TopicPartition, Long> before = KafkaTestClient.onTestBroker().endOffsets(WRITTEN);
        put("portfolio", "{\"tickers\":[\"SNOW\",\"DDOG\",\"SNOW\"]}").then().statusCode(202).body("accepted", equalTo(1));

        ConsumerRecord<String, String> record = single(before);
        assertEquals("portfolio", record.key());
        JsonNode value = MAPPER.readTree(record.value());
        assertEquals(MAPPER.readTree("[\"SNOW\",\"DDOG\"]"), value.get("tickers"));
        assertEquals("portfolio", value.get("name").asText());
        Instant.parse(value.get("definedAt").asText());
        assertEquals("io.saasreport.universe.defined", KafkaTestClient.header(record, "ce_type"));
        assertEquals("portfolio", KafkaTestClient.header(record, "ce_subject"));
    }

    @Test
    void aRuleIsPublishedAsWritten() throws Exception {
        Map<TopicPartition, Long> before = KafkaTestClient.onTestBroker().endOffsets(WRITTEN);
        put("growth", "{\"rule\":\"ntmGrowth > 0.30 and evToNtmRevenue < 20\"}").then().statusCode(202);

        JsonNode value = MAPPER.readTree(single(before).value());
        assertEquals("ntmGrowth > 0.30 and evToNtmRevenue < 20", value.get("rule").asText());
        assertNull(value.get("tickers"));
    }

    @Test
    void deleteWritesTheTombstone() {
        Map<TopicPartition, Long> before = KafkaTestClient.onTestBroker().endOffsets(WRITTEN);
        Requests.authorized().delete("/api/v1/universes/growth").then().statusCode(202);

        ConsumerRecord<String, String> record = single(before);
        assertEquals("growth", record.key());
        assertNull(record.value());
        assertEquals("io.saasreport.universe.removed", KafkaTestClient.header(record, "ce_type"));
        assertEquals("growth", KafkaTestClient.header(record, "ce_subject"));
        assertEquals("/ingest-service", KafkaTestClient.header(record, "ce_source"));
    }

    @Test
    void aRuleThatDoesNotParseOrNamesAnUnknownFigureIsRefusedWithItsPosition() {
        Map<TopicPartition, Long> before = KafkaTestClient.onTestBroker().endOffsets(WRITTEN);
        put("growth", "{\"rule\":\"ntmGrowth > 0.3 and growth > 2\"}").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("rule"))
                .body("errors[0].position", equalTo(21))
                .body("errors[0].message", startsWith("at position 21: unknown figure 'growth'"));
        put("growth", "{\"rule\":\"(ntmGrowth > 0.3\"}").then().statusCode(400)
                .body("errors[0].position", equalTo(17));
        assertEquals(List.of(), KafkaTestClient.onTestBroker().since(before));
    }

    @Test
    void badNamesBodiesAndTickersAreRefused() {
        Map<TopicPartition, Long> before = KafkaTestClient.onTestBroker().endOffsets(WRITTEN);
        put("universe", "{\"tickers\":[\"SNOW\"]}").then().statusCode(400).body("errors[0].field", equalTo("name"));
        put("Bad_Name", "{\"tickers\":[\"SNOW\"]}").then().statusCode(400).body("errors[0].field", equalTo("name"));
        put("both", "{\"tickers\":[\"SNOW\"],\"rule\":\"price > 1\"}").then().statusCode(400);
        put("neither", "{}").then().statusCode(400);
        put("extra", "{\"tickers\":[\"SNOW\"],\"colour\":\"red\"}").then().statusCode(400)
                .body("errors[0].field", equalTo("colour"));
        put("lower", "{\"tickers\":[\"snow\"]}").then().statusCode(400)
                .body("errors[0].field", equalTo("tickers")).body("errors[0].index", equalTo(0));
        put("broken", "{\"tickers\":").then().statusCode(400).body("reason", equalTo("malformed"));
        Requests.authorized().delete("/api/v1/universes/universe").then().statusCode(400);
        Requests.anonymous().contentType("application/json").body("{\"tickers\":[\"SNOW\"]}")
                .put("/api/v1/universes/anon").then().statusCode(401);
        Requests.anonymous().delete("/api/v1/universes/anon").then().statusCode(401);
        assertEquals(List.of(), KafkaTestClient.onTestBroker().since(before));
    }

    private static io.restassured.response.Response put(String name, String body) {
        return Requests.authorized().contentType("application/json").body(body).put("/api/v1/universes/" + name);
    }

    private static ConsumerRecord<String, String> single(Map<TopicPartition, Long> before) {
        List<ConsumerRecord<String, String>> records = KafkaTestClient.onTestBroker().since(before);
        assertEquals(1, records.size(), records.toString());
        return records.get(0);
    }
}
