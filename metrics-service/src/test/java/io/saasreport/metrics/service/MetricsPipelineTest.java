package io.saasreport.metrics.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.saasreport.metrics.domain.JsonComparison;
import io.saasreport.metrics.persistence.CompanyStateEntity;
import io.saasreport.metrics.persistence.ConsumerOffsetEntity;
import io.saasreport.stack.test.KafkaTestResource;
import io.saasreport.stack.test.PostgresTestResource;

/** The metrics service on the real broker and database: input topics in, output topics out. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsPipelineTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    @Order(1)
    void workedExampleEventsProduceTheExpectedUniverseAndCompanies() throws IOException {
        for (String line : resource("example/events.ndjson").lines().filter(l -> !l.isBlank()).toList()) {
            JsonNode event = MAPPER.readTree(line);
            String type = event.path("type").asText();
            String key = type.equals("macro") ? "macro" : event.path("ticker").asText();
            TopicClient.send(topicOf(type), key, line);
        }
        JsonNode expectedUniverse = MAPPER.readTree(resource("example/expected-universe.json"));
        JsonNode expectedCompanies = MAPPER.readTree(resource("example/expected-companies.json"));

        Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> universe = TopicClient.readAll("metrics.universe");
            assertTrue(!universe.isEmpty(), "no universe published yet");
            ConsumerRecord<String, String> latest = universe.get(universe.size() - 1);
            assertEquals("universe", latest.key());
            JsonComparison.assertMatches(expectedUniverse, MAPPER.readTree(latest.value()), "$");
        });

        List<ConsumerRecord<String, String>> companies = TopicClient.readAll("metrics.company");
        for (JsonNode expected : expectedCompanies) {
            String ticker = expected.path("ticker").asText();
            ConsumerRecord<String, String> latest = companies.stream().filter(r -> ticker.equals(r.key()))
                    .reduce((first, second) -> second).orElseThrow(() -> new AssertionError("no metrics for " + ticker));
            JsonComparison.assertMatchesFields(expected, MAPPER.readTree(latest.value()), ticker);
            assertEquals("io.saasreport.metrics.company", header(latest, "ce_type"));
        }
        long storedCompanies = QuarkusTransaction.requiringNew().call(() -> CompanyStateEntity.count());
        assertEquals(expectedCompanies.size(), storedCompanies);
        long storedPartitions = QuarkusTransaction.requiringNew().call(() -> ConsumerOffsetEntity.count());
        assertTrue(storedPartitions >= 5, "offsets stored for the partitions read: " + storedPartitions);
    }

    @Test
    @Order(2)
    void poisonPriceGoesToDeadLetterTopicAndTheNextPriceIsStillApplied() {
        TopicClient.send("market.prices", "DLQT", "{not json");
        TopicClient.send("market.prices", "DLQT",
                "{\"type\":\"price\",\"ticker\":\"DLQT\",\"price\":12.5,\"at\":\"2026-01-05T21:00:00Z\"}");

        Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> dead = TopicClient.readAll("market.prices.dlq");
            assertEquals(1, dead.size());
            assertEquals("{not json", dead.get(0).value());
            assertTrue(header(dead.get(0), "dead-letter-reason").contains("unreadable event"),
                    header(dead.get(0), "dead-letter-reason"));

            JsonNode applied = TopicClient.readAll("metrics.company").stream().filter(r -> "DLQT".equals(r.key()))
                    .reduce((first, second) -> second).map(r -> readTree(r.value()))
                    .orElseThrow(() -> new AssertionError("DLQT not published"));
            assertEquals(12.5, applied.path("price").asDouble());
        });
    }

    @Test
    @Order(3)
    void metersCountAppliedAndDeadLetteredEvents() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("metrics_events_applied_total{type=\"price\"}"))
                .body(containsString("metrics_events_dead_lettered_total{topic=\"market.prices\"} 1.0"))
                .body(containsString("metrics_event_processing_seconds_bucket"))
                .body(containsString("metrics_event_lag_seconds_count{source=\"kafka_timestamp\"}"));
    }

    /** Scaled out: another instance's figures join this universe; this instance's own echoes are skipped. */
    @Test
    @Order(4)
    void figuresOfAnotherInstanceJoinTheUniverseAndOwnEchoesAreSkipped() {
        sendFigures("PEER", "/metrics-service/another-instance", 50.0);
        sendFigures("SELF", "/metrics-service/test-instance", 60.0);

        Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> universe = TopicClient.readAll("metrics.universe");
            JsonNode latest = MAPPER.readTree(universe.get(universe.size() - 1).value());
            assertEquals(9, latest.path("companyCount").asInt());
            assertEquals("PEER", latest.path("topByEvToNtmRevenue").get(0).path("ticker").asText());
            assertEquals(50.0, latest.path("topByEvToNtmRevenue").get(0).path("value").asDouble());
        });
    }

    private static void sendFigures(String ticker, String source, double multiple) {
        String figures = "{\"ticker\":\"" + ticker + "\",\"name\":\"" + ticker + " Inc.\",\"asOf\":\"2026-11-20T21:00:00Z\","
                + "\"evToNtmRevenue\":" + multiple + ",\"ntmGrowth\":0.3}";
        TopicClient.send("metrics.company", ticker, figures, "ce_source", source);
    }

    private static String topicOf(String type) {
        return switch (type) {
            case "price" -> "market.prices";
            case "filing" -> "company.filings";
            case "estimate" -> "company.estimates";
            case "macro" -> "market.macro";
            case "company" -> "company.profiles";
            default -> throw new IllegalArgumentException(type);
        };
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = MetricsPipelineTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
