package io.saasreport.metrics.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.saasreport.metrics.domain.JsonComparison;
import io.saasreport.testsupport.KafkaTestClient;
import io.saasreport.testsupport.KafkaTestResource;

/**
 * The packaged application on the real broker: Kafka Streams running, topics in and out, health, meters, topology.
 * Each test stands alone, in any order: it sends what it needs and waits for its own effect.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
class MetricsServiceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final KafkaTestClient KAFKA = KafkaTestClient.onTestBroker();
    private static final Pattern DEAD_LETTERED_PRICES = Pattern.compile(
            "^metrics_events_dead_lettered_total\\{topic=\"market.prices\"} ([0-9.]+)$", Pattern.MULTILINE);

    @Test
    void readyOnceKafkaStreamsRuns() {
        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'metrics-streams-state' }.data.state", equalTo("RUNNING")));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void workedExampleEventsEndAsTheExpectedFiguresOnTheOutputTopics() throws IOException {
        for (String line : resource("example/events.ndjson").lines().filter(l -> !l.isBlank()).toList()) {
            JsonNode event = MAPPER.readTree(line);
            String type = event.path("type").asText();
            KAFKA.send(topicOf(type), type.equals("macro") ? "macro" : event.path("ticker").asText(), line);
        }
        JsonNode expectedUniverse = MAPPER.readTree(resource("example/expected-universe.json"));
        JsonNode expectedCompanies = MAPPER.readTree(resource("example/expected-companies.json"));

        Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> universe = KAFKA.all("metrics.universe");
            assertTrue(!universe.isEmpty(), "no universe published yet");
            ConsumerRecord<String, String> latest = universe.get(universe.size() - 1);
            assertEquals("universe", latest.key());
            ObjectNode figures = (ObjectNode) MAPPER.readTree(latest.value());
            assertTrue(figures.remove("revision").asLong() >= 1);
            JsonComparison.assertMatches(expectedUniverse, JsonComparison.withoutQuartiles(figures), "$");
        });

        Map<String, JsonNode> latestCompanies = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : KAFKA.all("metrics.company")) {
            latestCompanies.put(record.key(), MAPPER.readTree(record.value()));
            assertEquals("io.saasreport.metrics.company", header(record, "ce_type"));
        }
        for (JsonNode expected : expectedCompanies) {
            String ticker = expected.path("ticker").asText();
            JsonNode actual = latestCompanies.get(ticker);
            assertTrue(actual != null, "no figures for " + ticker);
            JsonComparison.assertMatchesFields(expected, actual, ticker);
            assertTrue(actual.path("revision").asLong() >= 1, ticker);
        }
    }

    @Test
    void poisonPriceGoesToItsDeadLetterTopicAndTheNextPriceIsStillApplied() {
        KAFKA.send("market.prices", "DLQT", "{not json");
        KAFKA.send("market.prices", "DLQT",
                "{\"type\":\"price\",\"ticker\":\"DLQT\",\"price\":12.5,\"at\":\"2026-01-05T21:00:00Z\"}");

        Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> dead = KAFKA.all("market.prices.dlq").stream()
                    .filter(record -> "DLQT".equals(record.key())).toList();
            assertEquals(1, dead.size());
            assertEquals("{not json", dead.get(0).value());
            assertTrue(header(dead.get(0), "dead-letter-reason").startsWith("unreadable event"));

            JsonNode applied = KAFKA.all("metrics.company").stream().filter(r -> "DLQT".equals(r.key()))
                    .reduce((first, second) -> second).map(r -> readTree(r.value()))
                    .orElseThrow(() -> new AssertionError("DLQT not published"));
            assertEquals(12.5, applied.path("price").asDouble());
        });
    }

    @Test
    void metersShowAppliedEventsDeadLettersLagAndKafkaStreamsOwnMetrics() {
        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        double deadLetteredBefore = deadLetteredPrices();
        KAFKA.send("market.prices", "METR", "{not json either");
        KAFKA.send("market.prices", "METR",
                "{\"type\":\"price\",\"ticker\":\"METR\",\"price\":3.5,\"at\":\"2026-01-05T21:00:00Z\"}");

        Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertEquals(deadLetteredBefore + 1, deadLetteredPrices()));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("metrics_events_applied_total{type=\"price\"}"))
                .body(containsString("metrics_event_processing_seconds_bucket"))
                .body(containsString("metrics_event_lag_seconds_count{source=\"kafka_timestamp\"}"))
                .body(containsString("kafka_stream_thread_process_total"));
    }

    @Test
    void topologyEndpointDescribesBothStages() {
        given().get("/topology").then().statusCode(200)
                .body(containsString("Sub-topology: 0"))
                .body(containsString("Sub-topology: 1"))
                .body(containsString("apply-event (stores: [company-"))
                .body(containsString("company-prices"))
                .body(containsString("compute-universe (stores: ["))
                .body(containsString("universe-companies"))
                .body(containsString("universe-state"))
                .body(containsString("universe-definitions"))
                .body(containsString("universe-macro"))
                .body(containsString("read-definition"))
                .body(containsString("Source: definition-records (topics: [universe.definitions])"))
                .body(containsString("universe-input-repartition"));
    }

    /** The dead-lettered price count the meters show now (0 before the first). */
    private static double deadLetteredPrices() {
        Matcher count = DEAD_LETTERED_PRICES.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        return count.find() ? Double.parseDouble(count.group(1)) : 0;
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
        String value = KafkaTestClient.header(record, name);
        return value == null ? "" : value;
    }

    private static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = MetricsServiceTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
