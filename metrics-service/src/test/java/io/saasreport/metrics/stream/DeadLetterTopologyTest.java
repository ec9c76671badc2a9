package io.saasreport.metrics.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** Records that can never be applied go to {@code <topic>.dlq} with the reason, are counted, and the stream goes on. */
class DeadLetterTopologyTest {

    private static final String PRICE = "{\"type\":\"price\",\"ticker\":\"DLQT\",\"price\":12.5,\"at\":\"2026-01-05T21:00:00Z\"}";

    @Test
    void unreadableRecordGoesToItsDeadLetterTopicAndTheNextOneIsApplied() {
        try (TopologyHarness topology = new TopologyHarness()) {
            topology.send("market.prices", "DLQT", "{not json");
            topology.send("market.prices", "DLQT", PRICE);

            List<TestRecord<String, String>> dead = topology.deadLetters("market.prices");
            assertEquals(1, dead.size());
            TestRecord<String, String> poison = dead.get(0);
            assertEquals("DLQT", poison.key());
            assertEquals("{not json", poison.value());
            assertTrue(WorkedExampleTopologyTest.header(poison, "dead-letter-reason").startsWith("unreadable event"));
            assertEquals("market.prices", WorkedExampleTopologyTest.header(poison, "dead-letter-topic"));
            assertEquals("0", WorkedExampleTopologyTest.header(poison, "dead-letter-offset"));
            assertEquals(12.5, topology.latestCompanies().get("DLQT").path("price").asDouble());
            assertEquals(1.0, topology.registry.get("metrics.events.dead.lettered").tag("topic", "market.prices")
                    .counter().count());
        }
    }

    @Test
    void invalidEventEmptyValueAndForeignKeyAreDeadLetteredWithTheirReason() {
        try (TopologyHarness topology = new TopologyHarness()) {
            topology.send("company.filings", "ACME", "{\"type\":\"filing\",\"ticker\":\"ACME\",\"fiscalYear\":2026,"
                    + "\"fiscalQuarter\":5,\"filedAt\":\"2026-01-05T21:00:00Z\",\"revenue\":1.0}");
            topology.send("company.filings", "ACME", null);
            topology.send("market.prices", "OTHER", PRICE);

            List<TestRecord<String, String>> filings = topology.deadLetters("company.filings");
            assertEquals(2, filings.size());
            assertTrue(WorkedExampleTopologyTest.header(filings.get(0), "dead-letter-reason").contains("fiscalQuarter must be 1..4"));
            assertEquals("", filings.get(1).value());
            assertEquals("empty record value", WorkedExampleTopologyTest.header(filings.get(1), "dead-letter-reason"));
            List<TestRecord<String, String>> prices = topology.deadLetters("market.prices");
            assertEquals(1, prices.size());
            assertEquals("record key 'OTHER' is not the event's ticker 'DLQT': a company's events must be keyed by its ticker",
                    WorkedExampleTopologyTest.header(prices.get(0), "dead-letter-reason"));
            assertEquals(List.of(), topology.companyRecords);
        }
    }

    /**
     * What the ingest API refuses at the door, written to the input topics another way: dead-lettered with the reason,
     * each within a second (numbers are read as doubles, so no exponent costs anything), and the next good event applied.
     */
    @Test
    void eventsTheDoorRefusesAreDeadLetteredAtOnce() {
        List<String> poison = List.of(
                PRICE.replace("12.5", "1e-400"),
                PRICE.replace("12.5", "4.9e-324"),
                PRICE.replace("12.5", "1e-500000000"),
                PRICE.replace("12.5", "1e400000000"),
                PRICE.replace("12.5", "7".repeat(900)));
        try (TopologyHarness topology = new TopologyHarness()) {
            assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
                poison.forEach(value -> topology.send("market.prices", "DLQT", value));
                topology.send("company.profiles", "DLQT", "{\"type\":\"company\",\"ticker\":\"DLQT\",\"name\":\"Acme\\u0000Corp\"}");
                topology.send("company.profiles", "DLQT", "{\"type\":\"company\",\"ticker\":\"DLQT\",\"name\":\"Acme\\ud800\"}");
                topology.send("market.prices", "DLQT", PRICE);
            });

            List<TestRecord<String, String>> prices = topology.deadLetters("market.prices");
            assertEquals(poison, prices.stream().map(TestRecord::value).toList());
            assertTrue(WorkedExampleTopologyTest.header(prices.get(1), "dead-letter-reason")
                    .contains("price must be a positive normal number, was 4.9E-324"));
            List<TestRecord<String, String>> names = topology.deadLetters("company.profiles");
            assertEquals(2, names.size());
            assertTrue(WorkedExampleTopologyTest.header(names.get(0), "dead-letter-reason")
                    .contains("name must not contain control characters or lone surrogates, has U+0000 at character 5"));
            assertTrue(WorkedExampleTopologyTest.header(names.get(1), "dead-letter-reason").contains("U+D800"));
            assertEquals(12.5, topology.latestCompanies().get("DLQT").path("price").asDouble());
        }
    }
}
