package io.saasreport.metrics.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.saasreport.metrics.domain.JsonComparison;
import io.saasreport.metrics.domain.MetricsEngine;
import io.saasreport.metrics.domain.company.CompanyFigures;
import io.saasreport.metrics.domain.company.CompanyMetrics;
import io.saasreport.metrics.domain.company.CompanyMetricsCalculator;
import io.saasreport.metrics.domain.company.CompanyState;
import io.saasreport.metrics.domain.company.RevisedCompany;
import io.saasreport.metrics.domain.event.MarketEvent;

/**
 * Property tests as seeded random loops: random event sequences through the topology (two stages, a repartition,
 * conflated publishing) give, at every publish, field for field what the single-process engine gives for the same
 * events, every company's published revisions only grow, and every company read back from the stores (as after a
 * restart) is exactly the engine's state.
 */
class EnginePropertyTopologyTest {

    private static final int SEEDS = 12;
    private static final int EVENTS = 700;

    @Test
    void topologyPublishesWhatTheEngineComputesAtEveryStep() throws Exception {
        for (long seed = 1; seed <= SEEDS; seed++) {
            runSequence(seed, 2 + (int) (seed % 4) * 6);
        }
    }

    private static void runSequence(long seed, int tickerCount) throws Exception {
        List<String> tickers = new ArrayList<>();
        for (int i = 0; i < tickerCount; i++) {
            tickers.add(String.format(Locale.ROOT, "T%03d", i));
        }
        RandomEvents events = new RandomEvents(seed, tickers);
        MetricsEngine engine = new MetricsEngine();
        try (TopologyHarness topology = new TopologyHarness()) {
            for (int step = 0; step < EVENTS; step++) {
                String line = events.next();
                engine.apply(StreamJson.MAPPER.readValue(line, MarketEvent.class));
                topology.send(line);
                if (events.random().nextInt(25) == 0 || step == EVENTS - 1) {
                    int before = topology.universeRecords.size();
                    topology.publishInterval();
                    String at = "seed " + seed + " step " + step;
                    if (topology.universeRecords.size() > before) {
                        // at most one per punctuation of the universe stage (the harness's interval is two)
                        assertTrue(topology.universeRecords.size() - before <= 2, at);
                        JsonNode published = withoutRevision(topology.latestUniverse());
                        JsonComparison.assertMatches(StreamJson.MAPPER.valueToTree(engine.universe()), published, at);
                    } else if (before > 0) {
                        JsonComparison.assertMatches(StreamJson.MAPPER.valueToTree(engine.universe()),
                                withoutRevision(topology.latestUniverse()), at + " (unchanged)");
                    }
                    assertCompaniesEqualEngine(topology, engine, at);
                }
            }
        }
    }

    private static void assertCompaniesEqualEngine(TopologyHarness topology, MetricsEngine engine, String at) {
        Map<String, JsonNode> latest = topology.latestCompanies();
        for (CompanyMetrics expected : engine.allCompanyMetrics()) {
            JsonNode actual = latest.get(expected.ticker());
            if (expected.asOf() == null) {
                assertEquals(null, actual, at + ": undated " + expected.ticker() + " published");
                continue;
            }
            assertTrue(actual != null, at + ": " + expected.ticker() + " never published");
            // The figures as the engine computes them, and their sources as the engine's state gives them.
            CompanyFigures expectedFigures = CompanyMetricsCalculator.computeWithSources(CompanyState.restore(
                    engine.companySnapshots().stream().filter(state -> state.ticker().equals(expected.ticker()))
                            .findFirst().orElseThrow()));
            assertEquals(expected, expectedFigures.metrics(), at + " " + expected.ticker());
            JsonComparison.assertMatches(StreamJson.MAPPER.valueToTree(expectedFigures), withoutRevision(actual),
                    at + " " + expected.ticker());
        }
        for (CompanyState.Snapshot expected : engine.companySnapshots()) {
            RevisedCompany.Stored stored = topology.storedCompany(expected.ticker());
            assertEquals(expected, stored.state(), at + ": " + expected.ticker() + " as read back from the stores");
            JsonNode published = latest.get(expected.ticker());
            if (published != null) {
                assertEquals(published.path("revision").asLong(), stored.revision(), at + " stored revision");
            }
        }
        Map<String, Long> revisions = new HashMap<>();
        for (TestRecord<String, String> record : topology.companyRecords) {
            long revision = TopologyHarness.json(record.value()).path("revision").asLong();
            Long previous = revisions.put(record.key(), revision);
            assertTrue(previous == null || revision > previous, at + " " + record.key() + " revision " + revision);
        }
    }

    private static JsonNode withoutRevision(JsonNode published) {
        ObjectNode copy = published.deepCopy();
        assertTrue(copy.remove("revision") != null, "no revision in " + published);
        return copy;
    }
}
