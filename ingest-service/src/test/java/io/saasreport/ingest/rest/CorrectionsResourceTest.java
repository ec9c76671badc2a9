package io.saasreport.ingest.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
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

/**
 * Corrections over HTTP: each on the topic of what it corrects, keyed by the ticker, with its CloudEvents type; and
 * every refusal (a field named, nothing published): bad tickers, instants, quarters, prices, bodies, no key.
 */
@QuarkusTest
class CorrectionsResourceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> WRITTEN = java.util.stream.Stream.concat(Topics.INPUT.stream(),
            java.util.stream.Stream.of(Topics.DEFINITIONS)).toList();

    @Test
    void aRemovalGoesOnTheFilingsTopicUnderTheTicker() throws Exception {
        Map<TopicPartition, Long> before = KafkaTestClient.onTestBroker().endOffsets(WRITTEN);
        Requests.authorized().delete("/api/v1/companies/SNOW").then().statusCode(202).body("accepted", equalTo(1));

        ConsumerRecord<String, String> record = single(before);
        assertEquals("company.filings", record.topic());
        assertEquals("SNOW", record.key());
        JsonNode value = MAPPER.readTree(record.value());
        assertEquals("company-removal", value.get("type").asText());
        assertEquals("SNOW", value.get("ticker").asText());
        assertFalse(Instant.parse(value.get("at").asText()).isAfter(Instant.now()));
        assertEquals("io.saasreport.company.removed", KafkaTestClient.header(record, "ce_type"));
    }

    @Test
    void aPriceWithdrawalTakesAnyInstantAFarFutureOneToo() throws Exception {
        Map<TopicPartition, Long> before = KafkaTestClient.onTestBroker().endOffsets(WRITTEN);
        Requests.authorized().delete("/api/v1/companies/SNOW/prices/2099-01-01T00:00:00Z").then().statusCode(202);

        ConsumerRecord<String, String> record = single(before);
        assertEquals("market.prices", record.topic());
        assertEquals(MAPPER.readTree("{\"type\":\"price-correction\",\"ticker\":\"SNOW\",\"at\":\"2099-01-01T00:00:00Z\"}"),
                MAPPER.readTree(record.value()));
        assertEquals("io.saasreport.price.corrected", KafkaTestClient.header(record, "ce_type"));
    }

    @Test
    void aPriceReplacementCarriesTheRightPrice() throws Exception {
        Map<TopicPartition, Long> before = KafkaTestClient.onTestBroker().endOffsets(WRITTEN);
        putPrice("SNOW", "2026-11-20T21:00:00Z", "{\"price\":182.5}").then().statusCode(202);

        ConsumerRecord<String, String> record = single(before);
        assertEquals("market.prices", record.topic());
        assertEquals(MAPPER.readTree("{\"type\":\"price-correction\",\"ticker\":\"SNOW\","
                + "\"at\":\"2026-11-20T21:00:00Z\",\"price\":182.5}"), MAPPER.readTree(record.value()));
    }

    @Test
    void aFilingWithdrawalNamesItsQuarter() throws Exception {
        Map<TopicPartition, Long> before = KafkaTestClient.onTestBroker().endOffsets(WRITTEN);
        Requests.authorized().delete("/api/v1/companies/SNOW/filings/2026/3").then().statusCode(202);

        ConsumerRecord<String, String> record = single(before);
        assertEquals("company.filings", record.topic());
        JsonNode value = MAPPER.readTree(record.value());
        assertEquals("filing-withdrawal", value.get("type").asText());
        assertEquals(2026, value.get("fiscalYear").asInt());
        assertEquals(3, value.get("fiscalQuarter").asInt());
        assertEquals("io.saasreport.filing.withdrawn", KafkaTestClient.header(record, "ce_type"));
    }

    @Test
    void badCorrectionsAreRefusedFieldByFieldWithinASecondAndNothingIsPublished() {
        Map<TopicPartition, Long> before = KafkaTestClient.onTestBroker().endOffsets(WRITTEN);
        Requests.authorized().delete("/api/v1/companies/snow").then().statusCode(400); // the client warmed up, untimed
        withinASecond(() -> Requests.authorized().delete("/api/v1/companies/snow")).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("ticker"));
        withinASecond(() -> Requests.authorized().delete("/api/v1/companies/AC%00ME")).then().statusCode(400)
                .body("errors[0].field", equalTo("ticker"));
        withinASecond(() -> Requests.authorized().delete("/api/v1/companies/SNOW/prices/yesterday")).then().statusCode(400)
                .body("errors[0].field", equalTo("at"));
        withinASecond(() -> Requests.authorized().delete("/api/v1/companies/SNOW/filings/2026/5")).then().statusCode(400)
                .body("errors[0].field", equalTo("fiscalQuarter"));
        withinASecond(() -> Requests.authorized().delete("/api/v1/companies/SNOW/filings/99999/1")).then().statusCode(400)
                .body("errors[0].field", equalTo("fiscalYear"));
        withinASecond(() -> putPrice("SNOW", "2099-01-01T00:00:00Z", "{\"price\":10}")).then().statusCode(400)
                .body("errors[0].field", equalTo("at"));
        for (String price : List.of("0", "-1", "1e-400", "1e400000000", "1e-500000000", "\"12\"", "null")) {
            withinASecond(() -> putPrice("SNOW", "2026-11-20T21:00:00Z", "{\"price\":" + price + "}")).then().statusCode(400)
                    .body("errors[0].field", equalTo("price"));
        }
        withinASecond(() -> putPrice("SNOW", "2026-11-20T21:00:00Z", "{\"price\":10,\"colour\":\"red\"}")).then().statusCode(400)
                .body("errors[0].field", equalTo("colour"));
        withinASecond(() -> putPrice("SNOW", "2026-11-20T21:00:00Z", "{\"price\":")).then().statusCode(400)
                .body("reason", equalTo("malformed"));
        withinASecond(() -> Requests.anonymous().delete("/api/v1/companies/SNOW")).then().statusCode(401);
        withinASecond(() -> Requests.anonymous().delete("/api/v1/companies/SNOW/prices/2099-01-01T00:00:00Z")).then().statusCode(401);
        assertEquals(List.of(), KafkaTestClient.onTestBroker().since(before));
    }

    /**
     * Each refusal is answered within a second (hostile numbers included: no arithmetic on them first); the answer
     * is checked after, so the test client's own first-use costs are not counted.
     */
    private static io.restassured.response.Response withinASecond(
            java.util.function.Supplier<io.restassured.response.Response> request) {
        return assertTimeoutPreemptively(Duration.ofSeconds(1), () -> request.get().andReturn());
    }

    private static io.restassured.response.Response putPrice(String ticker, String at, String body) {
        return Requests.authorized().contentType("application/json").body(body)
                .put("/api/v1/companies/" + ticker + "/prices/" + at);
    }

    private static ConsumerRecord<String, String> single(Map<TopicPartition, Long> before) {
        List<ConsumerRecord<String, String>> records = KafkaTestClient.onTestBroker().since(before);
        assertEquals(1, records.size(), records.toString());
        return records.get(0);
    }
}
