package io.saasreport.ingest.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.saasreport.ingest.TestData;
import io.saasreport.stack.Topics;
import io.saasreport.testsupport.KafkaTestClient;

/** The real files through HTTP to the broker: counts and a few values checked on the records. */
@QuarkusTest
class ImportEndToEndTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void importsNasdaqPriceFileToMarketPrices() {
        Map<TopicPartition, Long> before = KafkaTestClient.onTestBroker().endOffsets(Topics.INPUT);

        Requests.authorized().contentType("text/csv").body(TestData.bytes(TestData.NASDAQ_DDOG))
                .post("/api/v1/import/prices?ticker=DDOG")
                .then().statusCode(202).body("accepted", equalTo(1120));

        List<ConsumerRecord<String, String>> records = KafkaTestClient.onTestBroker().since(before);
        assertEquals(1120, KafkaTestClient.on("market.prices", records).size());
        assertEquals(1120, records.size());
        assertTrue(records.stream().allMatch(record -> record.key().equals("DDOG")));
        JsonNode dec11 = byField(records, "at").get("2020-12-11T21:00:00Z");
        assertEquals("98.98", dec11.get("price").asText());
        assertEquals("price", dec11.get("type").asText());
    }

    @Test
    void importsStooqPriceFileToMarketPrices() {
        Map<TopicPartition, Long> before = KafkaTestClient.onTestBroker().endOffsets(Topics.INPUT);

        Requests.authorized().contentType("text/plain").body(TestData.bytes(TestData.STOOQ_DDOG))
                .post("/api/v1/import/prices?ticker=DDOG")
                .then().statusCode(202).body("accepted", equalTo(1287));

        List<ConsumerRecord<String, String>> records = KafkaTestClient.onTestBroker().since(before);
        assertEquals(1287, records.size());
        assertEquals("98.98", byField(records, "at").get("2020-12-11T21:00:00Z").get("price").asText());
    }

    @Test
    void importsSnowflakeCompanyFactsAsOneFilingPerQuarter() {
        Map<TopicPartition, Long> before = KafkaTestClient.onTestBroker().endOffsets(Topics.INPUT);

        Requests.authorized().contentType("application/json").body(TestData.bytes(TestData.SNOWFLAKE_COMPANY_FACTS))
                .post("/api/v1/import/sec-companyfacts?ticker=SNOW")
                .then().statusCode(202).body("accepted", equalTo(23));

        List<ConsumerRecord<String, String>> records = KafkaTestClient.on("company.filings", KafkaTestClient.onTestBroker().since(before));
        assertEquals(23, records.size());
        Map<String, JsonNode> byPeriod = byField(records, "periodEnd");
        JsonNode q2 = byPeriod.get("2024-07-31");
        assertEquals(2025, q2.get("fiscalYear").asInt());
        assertEquals(2, q2.get("fiscalQuarter").asInt());
        assertEquals(868823000L, q2.get("revenue").asLong());
        assertEquals(69865000L, q2.get("operatingCashFlow").asLong());
        JsonNode q4 = byPeriod.get("2025-01-31");
        assertEquals(4, q4.get("fiscalQuarter").asInt());
        assertEquals(986770000L, q4.get("revenue").asLong());
        assertEquals("2025-05-30T21:05:00Z", q4.get("filedAt").asText());
        assertTrue(records.stream().allMatch(record -> record.key().equals("SNOW")
                && "io.saasreport.event.filing".equals(KafkaTestClient.header(record, "ce_type"))));
    }

    @Test
    void importsFredYieldsToMarketMacro() {
        Map<TopicPartition, Long> before = KafkaTestClient.onTestBroker().endOffsets(Topics.INPUT);

        int accepted = Requests.authorized().contentType("text/csv").body(TestData.bytes(TestData.FRED_DGS10))
                .post("/api/v1/import/fred-dgs10")
                .then().statusCode(202).extract().path("accepted");

        List<ConsumerRecord<String, String>> records = KafkaTestClient.onTestBroker().since(before);
        assertEquals(accepted, KafkaTestClient.on("market.macro", records).size());
        assertTrue(records.stream().allMatch(record -> record.key().equals("macro")));
        assertEquals("3.85", byField(records, "asOf").get("2010-01-04T21:00:00Z").get("tenYearYield").asText());
    }

    @Test
    void refusesPriceFileWithABadRowNamingItsLineAndPublishesNothing() {
        Map<TopicPartition, Long> before = KafkaTestClient.onTestBroker().endOffsets(Topics.INPUT);

        Requests.authorized().contentType("text/csv")
                .body("Date,Open,High,Low,Close,Adj Close,Volume\n2024-03-01,1,1,1,2,2,10\n2024-03-04,1,1,1,-2,-2,10\n".getBytes())
                .post("/api/v1/import/prices?ticker=DDOG")
                .then().statusCode(400).contentType("application/problem+json")
                .body("reason", equalTo("validation"))
                .body("errors", hasSize(1))
                .body("errors[0].line", equalTo(3))
                .body("errors[0].field", equalTo("Close"));
        assertEquals(List.of(), KafkaTestClient.onTestBroker().since(before));
    }

    @Test
    void refusesImportWithoutValidTicker() {
        Requests.authorized().contentType("text/csv").body(TestData.bytes(TestData.YAHOO_DDOG))
                .post("/api/v1/import/prices?ticker=ddog")
                .then().statusCode(400).body("errors[0].field", equalTo("ticker"));
        Requests.authorized().contentType("application/json").body("{}".getBytes())
                .post("/api/v1/import/sec-companyfacts")
                .then().statusCode(400).body("errors[0].message", equalTo("query parameter is required"));
    }

    @Test
    void refusesCompanyFactsThatAreNotJson() {
        Requests.authorized().contentType("application/json").body("{\"facts\":".getBytes())
                .post("/api/v1/import/sec-companyfacts?ticker=SNOW")
                .then().statusCode(400).body("reason", equalTo("malformed"));
    }

    private static Map<String, JsonNode> byField(List<ConsumerRecord<String, String>> records, String field) {
        return records.stream().map(record -> {
            try {
                return MAPPER.readTree(record.value());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.toMap(node -> node.get(field).asText(), Function.identity(), (a, b) -> b));
    }
}
