package io.saasreport.metrics.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.saasreport.metrics.domain.JsonComparison;
import io.saasreport.metrics.domain.company.GrowthBucket;

/** The spec's worked example through the topology (TopologyTestDriver), checked field for field. */
class WorkedExampleTopologyTest {

    private static final JsonNode EXPECTED_COMPANIES = TopologyHarness.json(TopologyHarness.resource("/example/expected-companies.json"));
    private static final JsonNode EXPECTED_UNIVERSE = TopologyHarness.json(TopologyHarness.resource("/example/expected-universe.json"));

    @Test
    void everyCompanysLastRecordIsItsExpectedFiguresWithARevision() {
        try (TopologyHarness topology = new TopologyHarness()) {
            TopologyHarness.workedExampleEvents().forEach(topology::send);

            assertCompaniesMatch(topology);
            for (TestRecord<String, String> record : topology.companyRecords) {
                assertEquals("io.saasreport.metrics.company", header(record, "ce_type"));
                assertEquals("/metrics-service", header(record, "ce_source"));
                assertEquals(record.key(), TopologyHarness.json(record.value()).path("ticker").asText());
            }
        }
    }

    @Test
    void theUniverseIsPublishedOnceThePublishIntervalCameAndMatchesTheExample() {
        try (TopologyHarness topology = new TopologyHarness()) {
            TopologyHarness.workedExampleEvents().forEach(topology::send);
            assertEquals(List.of(), topology.universeRecords, "nothing before the punctuation");

            topology.publishInterval();

            TestRecord<String, String> record = topology.universeRecords.get(topology.universeRecords.size() - 1);
            assertEquals("universe", record.key());
            assertEquals("io.saasreport.metrics.universe", header(record, "ce_type"));
            JsonNode universe = TopologyHarness.json(record.value());
            assertEquals(topology.universeRecords.size(), universe.path("revision").asLong());
            ((com.fasterxml.jackson.databind.node.ObjectNode) universe).remove("revision");
            JsonComparison.assertMatches(EXPECTED_UNIVERSE, JsonComparison.withoutQuartiles(universe), "universe");
        }
    }

    @Test
    void aBurstOfTicksCostsOneUniverseRecord() {
        try (TopologyHarness topology = new TopologyHarness()) {
            TopologyHarness.workedExampleEvents().forEach(topology::send);
            topology.publishInterval();
            int before = topology.universeRecords.size();
            long revision = topology.latestUniverse().path("revision").asLong();

            for (int tick = 1; tick <= 500; tick++) {
                String ticker = EXPECTED_COMPANIES.get(tick % EXPECTED_COMPANIES.size()).path("ticker").asText();
                topology.send(String.format(java.util.Locale.ROOT,
                        "{\"type\":\"price\",\"ticker\":\"%s\",\"price\":%d.5,\"at\":\"2026-11-21T%02d:%02d:00Z\"}",
                        ticker, 10 + tick % 90, tick / 60, tick % 60));
            }
            topology.publishInterval();

            assertEquals(before + 1, topology.universeRecords.size());
            assertEquals(revision + 1, topology.latestUniverse().path("revision").asLong());
        }
    }

    @Test
    void anUnchangedUniverseIsNotPublishedAgainAndAChangeRaisesItsRevision() {
        try (TopologyHarness topology = new TopologyHarness()) {
            TopologyHarness.workedExampleEvents().forEach(topology::send);
            topology.publishInterval();
            int published = topology.universeRecords.size();
            long revision = topology.latestUniverse().path("revision").asLong();
            topology.publishInterval();
            TopologyHarness.workedExampleEvents().forEach(topology::send); // duplicates: nothing changes
            topology.publishInterval();
            assertEquals(published, topology.universeRecords.size());

            String ticker = EXPECTED_COMPANIES.get(0).path("ticker").asText();
            topology.send("{\"type\":\"price\",\"ticker\":\"" + ticker + "\",\"price\":123.45,\"at\":\"2026-11-21T21:00:00Z\"}");
            topology.publishInterval();

            assertEquals(published + 1, topology.universeRecords.size());
            assertEquals(revision + 1, topology.latestUniverse().path("revision").asLong());
        }
    }

    @Test
    void replayingTheWholeExamplePublishesNothing() {
        try (TopologyHarness topology = new TopologyHarness()) {
            TopologyHarness.workedExampleEvents().forEach(topology::send);
            int published = topology.companyRecords.size();

            TopologyHarness.workedExampleEvents().forEach(topology::send);

            assertEquals(published, topology.companyRecords.size());
            assertCompaniesMatch(topology);
        }
    }

    @Test
    void revisionsGrowByOnePerPublishedChangeOfEachCompany() {
        try (TopologyHarness topology = new TopologyHarness()) {
            TopologyHarness.workedExampleEvents().forEach(topology::send);

            Map<String, Long> last = new HashMap<>();
            for (TestRecord<String, String> record : topology.companyRecords) {
                long revision = TopologyHarness.json(record.value()).path("revision").asLong();
                Long previous = last.put(record.key(), revision);
                assertTrue(previous == null || revision > previous, record.key() + ": " + previous + " then " + revision);
            }
        }
    }

    @Test
    void shuffledEventsEndAtTheSameFigures() {
        for (long seed = 1; seed <= 5; seed++) {
            List<String> events = new ArrayList<>(TopologyHarness.workedExampleEvents());
            Collections.shuffle(events, new Random(seed));
            try (TopologyHarness topology = new TopologyHarness()) {
                events.forEach(topology::send);
                topology.publishInterval();
                assertCompaniesMatch(topology);
                JsonNode universe = topology.latestUniverse();
                ((com.fasterxml.jackson.databind.node.ObjectNode) universe).remove("revision");
                JsonComparison.assertMatches(EXPECTED_UNIVERSE, JsonComparison.withoutQuartiles(universe), "universe (seed " + seed + ")");
            }
        }
    }

    @Test
    void everyEventIsCountedAsApplied() {
        try (TopologyHarness topology = new TopologyHarness()) {
            List<String> events = TopologyHarness.workedExampleEvents();
            events.forEach(topology::send);

            double applied = topology.registry.find("metrics.events.applied").counters().stream()
                    .mapToDouble(counter -> counter.count()).sum();
            assertEquals(events.size(), applied);
        }
    }

    /** The last record of each ticker: exactly the spec's figures, asOf, the growth bucket, the revision and the figures' sources. */
    static void assertCompaniesMatch(TopologyHarness topology) {
        Map<String, JsonNode> latest = topology.latestCompanies();
        Set<String> expectedTickers = new TreeSet<>();
        for (JsonNode company : EXPECTED_COMPANIES) {
            String ticker = company.path("ticker").asText();
            expectedTickers.add(ticker);
            JsonNode actual = latest.get(ticker);
            assertTrue(actual != null, "nothing published for " + ticker);
            Set<String> expectedKeys = new TreeSet<>();
            company.fieldNames().forEachRemaining(expectedKeys::add);
            expectedKeys.add("asOf");
            expectedKeys.add("revision");
            expectedKeys.add("growthBucket");
            expectedKeys.add("sources");
            Set<String> actualKeys = new TreeSet<>();
            actual.fieldNames().forEachRemaining(actualKeys::add);
            assertEquals(expectedKeys, actualKeys, ticker);
            JsonComparison.assertMatchesFields(company, actual, ticker);
            JsonNode growth = company.path("ntmGrowth");
            assertEquals(growth.isNull() ? null : GrowthBucket.of(growth.asDouble()).wireName(),
                    actual.path("growthBucket").textValue(), ticker + " growthBucket");
            assertTrue(actual.path("revision").isIntegralNumber() && actual.path("revision").asLong() >= 1, ticker);
        }
        assertEquals(expectedTickers, new TreeSet<>(latest.keySet()));
    }

    static String header(TestRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
