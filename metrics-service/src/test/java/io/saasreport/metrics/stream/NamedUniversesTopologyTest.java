package io.saasreport.metrics.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.saasreport.metrics.domain.JsonComparison;
import io.saasreport.metrics.domain.company.CompanyMetrics;
import io.saasreport.metrics.domain.event.MacroEvent;
import io.saasreport.metrics.domain.universe.BruteForceUniverse;

/**
 * Three universes over the spec's worked example (TopologyTestDriver): the default one, a list and two rules. Every
 * statistic of each is checked against the brute-force computation over its members, the members chosen here
 * independently of the rule grammar.
 */
class NamedUniversesTopologyTest {

    private static final JsonNode EXPECTED_UNIVERSE = TopologyHarness.json(TopologyHarness.resource("/example/expected-universe.json"));

    static final String PORTFOLIO = "{\"name\":\"portfolio\",\"tickers\":[\"BPH\",\"OJV\",\"UMV\",\"WMRM\",\"NOPE\"]}";
    static final String GROWTH = "{\"name\":\"growth\",\"rule\":\"ntmGrowth > 0.25 and evToNtmRevenue < 16\"}";
    static final String PREMIUM = "{\"name\":\"premium\",\"rule\":\"ntmGrowth > 0.25 and not (evToNtmRevenue < 16)\"}";

    private static final Predicate<CompanyMetrics> IN_PORTFOLIO =
            company -> Set.of("BPH", "OJV", "UMV", "WMRM").contains(company.ticker());
    private static final Predicate<CompanyMetrics> IN_GROWTH = company -> company.ntmGrowth() != null
            && company.ntmGrowth() > 0.25 && company.evToNtmRevenue() != null && company.evToNtmRevenue() < 16;
    private static final Predicate<CompanyMetrics> IN_PREMIUM = company -> company.ntmGrowth() != null
            && company.ntmGrowth() > 0.25 && company.evToNtmRevenue() != null && company.evToNtmRevenue() >= 16;

    @Test
    void everyStatisticOfEachUniverseIsTheComputationOverItsMembers() {
        try (TopologyHarness topology = new TopologyHarness()) {
            topology.define("portfolio", PORTFOLIO); // before any figures: members join as they come
            TopologyHarness.workedExampleEvents().forEach(topology::send);
            topology.define("growth", GROWTH); // after: members come from the figures the stage holds
            topology.define("premium", PREMIUM);
            topology.publishInterval();

            JsonNode defaultUniverse = withoutRevision(topology.latestUniverse());
            JsonComparison.assertMatches(EXPECTED_UNIVERSE, JsonComparison.withoutQuartiles(defaultUniverse),
                    "default universe");
            assertUniverseIsComputedOver(topology, "universe", company -> true);
            assertUniverseIsComputedOver(topology, "portfolio", IN_PORTFOLIO);
            assertUniverseIsComputedOver(topology, "growth", IN_GROWTH);
            assertUniverseIsComputedOver(topology, "premium", IN_PREMIUM);
            assertEquals(Set.of("BPH", "QJIR", "UKQE", "UPD", "WMRM"), topTickers(topology, "growth"));
            assertEquals(Set.of("JPJH"), topTickers(topology, "premium"));
        }
    }

    @Test
    void aPriceAcrossARuleBoundaryMovesTheCompanyBetweenUniverses() {
        try (TopologyHarness topology = new TopologyHarness()) {
            TopologyHarness.workedExampleEvents().forEach(topology::send);
            topology.define("growth", GROWTH);
            topology.define("premium", PREMIUM);
            topology.publishInterval();
            long growthRevision = topology.latestUniverse("growth").path("revision").asLong();

            // WMRM at 15.4x: a price 7 % higher takes its EV / NTM revenue above 16.
            topology.send("{\"type\":\"price\",\"ticker\":\"WMRM\",\"price\":502.0,\"at\":\"2026-11-21T15:00:00Z\"}");
            topology.publishInterval();

            CompanyMetrics wmrm = latestCompanies(topology).get("WMRM");
            assertTrue(wmrm.evToNtmRevenue() > 16, "WMRM's multiple " + wmrm.evToNtmRevenue());
            assertEquals(Set.of("BPH", "QJIR", "UKQE", "UPD"), topTickers(topology, "growth"));
            assertEquals(Set.of("JPJH", "WMRM"), topTickers(topology, "premium"));
            assertEquals(growthRevision + 1, topology.latestUniverse("growth").path("revision").asLong());
            assertUniverseIsComputedOver(topology, "universe", company -> true);
            assertUniverseIsComputedOver(topology, "growth", IN_GROWTH);
            assertUniverseIsComputedOver(topology, "premium", IN_PREMIUM);

            // And back.
            topology.send("{\"type\":\"price\",\"ticker\":\"WMRM\",\"price\":468.72,\"at\":\"2026-11-21T16:00:00Z\"}");
            topology.publishInterval();
            assertEquals(Set.of("BPH", "QJIR", "UKQE", "UPD", "WMRM"), topTickers(topology, "growth"));
            assertEquals(Set.of("JPJH"), topTickers(topology, "premium"));
            assertUniverseIsComputedOver(topology, "growth", IN_GROWTH);
        }
    }

    @Test
    void aRedefinitionRecomputesAndARemovalLeavesATombstone() {
        try (TopologyHarness topology = new TopologyHarness()) {
            TopologyHarness.workedExampleEvents().forEach(topology::send);
            topology.define("portfolio", PORTFOLIO);
            topology.publishInterval();
            long revision = topology.latestUniverse("portfolio").path("revision").asLong();

            topology.define("portfolio", "{\"name\":\"portfolio\",\"tickers\":[\"UPD\",\"QJIR\"]}");
            topology.publishInterval();
            assertEquals(revision + 1, topology.latestUniverse("portfolio").path("revision").asLong());
            assertUniverseIsComputedOver(topology, "portfolio", c -> Set.of("UPD", "QJIR").contains(c.ticker()));

            int defaultRecords = topology.universeRecords.size();
            topology.define("portfolio", null);
            topology.publishInterval();
            assertNull(topology.latestUniverse("portfolio"), "a tombstone for the removed universe");
            assertEquals(defaultRecords, topology.universeRecords.size(), "the default universe did not change");
        }
    }

    @Test
    void aDefinitionThatIsNotOneGoesToTheDeadLetterTopic() {
        try (TopologyHarness topology = new TopologyHarness()) {
            topology.define("broken", "{\"name\":\"broken\",\"rule\":\"ntmGrowth >\"}");
            topology.define("other", "{\"name\":\"mismatch\",\"tickers\":[\"A\"]}");
            topology.define("universe", "{\"name\":\"universe\",\"tickers\":[\"A\"]}");

            List<TestRecord<String, String>> dead = topology.deadLetters(TopologyHarness.TOPIC.definitions());
            assertEquals(List.of("broken", "other", "universe"), dead.stream().map(TestRecord::key).toList());
            String reason = new String(dead.get(0).headers().lastHeader("dead-letter-reason").value());
            assertTrue(reason.contains("position 12"), reason);
        }
    }

    /** Every statistic equals the brute-force computation over the companies the predicate selects. */
    static void assertUniverseIsComputedOver(TopologyHarness topology, String name, Predicate<CompanyMetrics> member) {
        List<CompanyMetrics> members = new ArrayList<>();
        latestCompanies(topology).values().stream().filter(member).forEach(members::add);
        JsonNode expected = StreamJson.MAPPER.valueToTree(BruteForceUniverse.compute(members, latestMacro()));
        JsonComparison.assertMatches(expected, withoutRevision(topology.latestUniverse(name)), name);
    }

    static Map<String, CompanyMetrics> latestCompanies(TopologyHarness topology) {
        Map<String, CompanyMetrics> companies = new java.util.TreeMap<>();
        topology.latestCompanies().forEach((ticker, json) -> {
            try {
                companies.put(ticker, StreamJson.MAPPER.treeToValue(json, CompanyMetrics.class));
            } catch (JsonProcessingException e) {
                throw new AssertionError(e);
            }
        });
        return companies;
    }

    private static MacroEvent latestMacro() {
        MacroEvent latest = null;
        for (String line : TopologyHarness.workedExampleEvents()) {
            JsonNode event = TopologyHarness.json(line);
            if (event.path("type").asText().equals("macro")) {
                MacroEvent macro = new MacroEvent(java.time.Instant.parse(event.path("asOf").asText()),
                        event.path("tenYearYield").asDouble());
                if (latest == null || macro.asOf().isAfter(latest.asOf())) {
                    latest = macro;
                }
            }
        }
        return latest;
    }

    private static Set<String> topTickers(TopologyHarness topology, String name) {
        Set<String> tickers = new TreeSet<>();
        topology.latestUniverse(name).path("topByEvToNtmRevenue").forEach(entry -> tickers.add(entry.path("ticker").asText()));
        return tickers;
    }

    static JsonNode withoutRevision(JsonNode universe) {
        ObjectNode copy = universe.deepCopy();
        copy.remove("revision");
        return copy;
    }
}
