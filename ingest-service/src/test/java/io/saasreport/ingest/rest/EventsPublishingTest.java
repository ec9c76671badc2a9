package io.saasreport.ingest.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.saasreport.stack.Topics;
import io.saasreport.testsupport.KafkaTestClient;

/** Events in over HTTP, records out of the real broker: topic, key, value and CloudEvents headers. */
@QuarkusTest
class EventsPublishingTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void publishesOneObjectWithTickerKeyAndCloudEventHeaders() throws Exception {
        Map<TopicPartition, Long> before = KafkaTestClient.onTestBroker().endOffsets(Topics.INPUT);
        Instant sent = Instant.now();

        post("application/json", """
                {"type":"company","ticker":"PUBA","name":"Pub A Inc."}""", 1);
        Instant answered = Instant.now();

        List<ConsumerRecord<String, String>> records = KafkaTestClient.onTestBroker().since(before);
        assertEquals(1, records.size());
        ConsumerRecord<String, String> record = records.get(0);
        assertEquals("company.profiles", record.topic());
        assertEquals("PUBA", record.key());
        assertEquals(MAPPER.readTree("{\"type\":\"company\",\"ticker\":\"PUBA\",\"name\":\"Pub A Inc.\"}"),
                MAPPER.readTree(record.value()));
        // The connector's CloudEvents writer (binary mode), from the message's metadata and the channels' settings.
        assertEquals("1.0", KafkaTestClient.header(record, "ce_specversion"));
        assertEquals("io.saasreport.event.company", KafkaTestClient.header(record, "ce_type"));
        assertEquals("/ingest-service", KafkaTestClient.header(record, "ce_source"));
        assertEquals("PUBA", KafkaTestClient.header(record, "ce_subject"));
        assertNotNull(UUID.fromString(KafkaTestClient.header(record, "ce_id")));
        String time = KafkaTestClient.header(record, "ce_time");
        assertTrue(time.endsWith("Z"), "ce_time in UTC: " + time);
        Instant published = OffsetDateTime.parse(time, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        assertFalse(published.isBefore(sent), "ce_time " + time + " before the request " + sent);
        assertFalse(published.isAfter(answered), "ce_time " + time + " after the answer " + answered);
        assertEquals("application/json", KafkaTestClient.header(record, "ce_datacontenttype"));
        assertEquals("application/json", KafkaTestClient.header(record, "content-type"));
    }

    @Test
    void aRequestsRecordsShareTheirTimeAndEachHasItsOwnIdAndSubject() {
        Map<TopicPartition, Long> before = KafkaTestClient.onTestBroker().endOffsets(Topics.INPUT);

        post("application/json", """
                [{"type":"price","ticker":"PUBD","price":10,"at":"2024-03-01T21:00:00Z"},
                 {"type":"price","ticker":"PUBE","price":11,"at":"2024-03-01T21:00:00Z"},
                 {"type":"macro","asOf":"2024-03-01T21:00:00Z","tenYearYield":4.25}]""", 3);

        List<ConsumerRecord<String, String>> records = KafkaTestClient.onTestBroker().since(before);
        assertEquals(3, records.size());
        assertEquals(1, records.stream().map(record -> KafkaTestClient.header(record, "ce_time")).distinct().count());
        assertEquals(3, records.stream().map(record -> KafkaTestClient.header(record, "ce_id")).distinct().count());
        assertEquals(Set.of("PUBD", "PUBE", "macro"),
                records.stream().map(record -> KafkaTestClient.header(record, "ce_subject")).collect(Collectors.toSet()));
        records.forEach(record -> assertEquals(record.key(), KafkaTestClient.header(record, "ce_subject")));
    }

    @Test
    void publishesAnArrayEachEventToItsTopic() throws Exception {
        Map<TopicPartition, Long> before = KafkaTestClient.onTestBroker().endOffsets(Topics.INPUT);

        post("application/json", """
                [{"type":"price","ticker":"PUBB","price":182.50,"at":"2024-03-01T16:00:00-05:00"},
                 {"type":"filing","ticker":"PUBB","fiscalYear":2025,"fiscalQuarter":2,"periodEnd":"2024-07-31",
                  "filedAt":"2024-08-29T21:05:00Z","revenue":868823000,"grossProfit":null,"netRevenueRetention":1.18},
                 {"type":"estimate","ticker":"PUBB","asOf":"2024-03-01T21:00:00Z","fy1Revenue":3.4e9,"fy2Revenue":4.2e9,"fy1End":"2025-01-31"},
                 {"type":"macro","asOf":"2024-03-01T21:00:00Z","tenYearYield":4.25},
                 {"type":"company","ticker":"PUBB","name":"Pub B Inc."}]""", 5);

        List<ConsumerRecord<String, String>> records = KafkaTestClient.onTestBroker().since(before);
        assertEquals(5, records.size());
        assertRecord(records, "market.prices", "PUBB", """
                {"type":"price","ticker":"PUBB","price":182.50,"at":"2024-03-01T21:00:00Z"}""", "price");
        assertRecord(records, "company.filings", "PUBB", """
                {"type":"filing","ticker":"PUBB","fiscalYear":2025,"fiscalQuarter":2,"periodEnd":"2024-07-31",
                 "filedAt":"2024-08-29T21:05:00Z","revenue":868823000,"netRevenueRetention":1.18}""", "filing");
        assertRecord(records, "company.estimates", "PUBB", """
                {"type":"estimate","ticker":"PUBB","asOf":"2024-03-01T21:00:00Z","fy1Revenue":3400000000,
                 "fy2Revenue":4200000000,"fy1End":"2025-01-31"}""", "estimate");
        assertRecord(records, "market.macro", "macro", """
                {"type":"macro","asOf":"2024-03-01T21:00:00Z","tenYearYield":4.25}""", "macro");
        assertRecord(records, "company.profiles", "PUBB", """
                {"type":"company","ticker":"PUBB","name":"Pub B Inc."}""", "company");
    }

    @Test
    void publishesNdjsonInLineOrder() throws Exception {
        Map<TopicPartition, Long> before = KafkaTestClient.onTestBroker().endOffsets(Topics.INPUT);

        post("application/x-ndjson", """
                {"type":"price","ticker":"PUBC","price":10,"at":"2024-03-01T21:00:00Z"}
                {"type":"price","ticker":"PUBC","price":11,"at":"2024-03-04T21:00:00Z"}
                {"type":"price","ticker":"PUBC","price":12,"at":"2024-03-05T21:00:00Z"}
                """, 3);

        List<ConsumerRecord<String, String>> records = KafkaTestClient.on("market.prices", KafkaTestClient.onTestBroker().since(before));
        assertEquals(List.of("10", "11", "12"), records.stream()
                .map(record -> readTree(record.value()).get("price").asText()).toList());
        assertTrue(records.stream().allMatch(record -> record.key().equals("PUBC")
                && "io.saasreport.event.price".equals(KafkaTestClient.header(record, "ce_type"))));
        // One id per record.
        assertEquals(3, records.stream().map(record -> KafkaTestClient.header(record, "ce_id")).distinct().count());
    }

    private static void post(String contentType, String body, int accepted) {
        Requests.authorized().contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/events")
                .then().statusCode(202).contentType("application/json").body("accepted", equalTo(accepted));
    }

    private static void assertRecord(List<ConsumerRecord<String, String>> records, String topic, String key,
            String expectedJson, String type) throws Exception {
        List<ConsumerRecord<String, String>> onTopic = KafkaTestClient.on(topic, records);
        assertEquals(1, onTopic.size(), topic);
        assertEquals(key, onTopic.get(0).key());
        assertEquals(MAPPER.readTree(expectedJson), MAPPER.readTree(onTopic.get(0).value()), topic);
        assertEquals("io.saasreport.event." + type, KafkaTestClient.header(onTopic.get(0), "ce_type"));
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(json, e);
        }
    }
}
