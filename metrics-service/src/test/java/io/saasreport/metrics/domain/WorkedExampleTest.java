package io.saasreport.metrics.domain;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import io.saasreport.metrics.domain.company.CompanyMetrics;
import io.saasreport.metrics.domain.company.CompanyState;
import io.saasreport.metrics.domain.company.GrowthBucket;
import io.saasreport.metrics.domain.event.MacroEvent;
import io.saasreport.metrics.domain.event.MarketEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Feeds the spec's worked example through the engine and checks every published figure against it. */
class WorkedExampleTest {

    @Test
    void everyCompanyFigureMatchesTheWorkedExample() {
        assertCompaniesMatch(WorkedExample.engineFedWith(WorkedExample.events()));
    }

    @Test
    void everyUniverseFigureMatchesTheWorkedExample() {
        assertUniverseMatches(WorkedExample.engineFedWith(WorkedExample.events()));
    }

    @Test
    void shuffledEventsGiveTheSameFigures() {
        List<MarketEvent> events = new ArrayList<>(WorkedExample.events());
        for (long seed = 1; seed <= 5; seed++) {
            Collections.shuffle(events, new Random(seed));
            MetricsEngine engine = WorkedExample.engineFedWith(events);
            assertCompaniesMatch(engine);
            assertUniverseMatches(engine);
        }
    }

    @Test
    void replayingEveryEventTwiceChangesNothing() {
        List<MarketEvent> events = WorkedExample.events();
        MetricsEngine engine = WorkedExample.engineFedWith(events);
        for (MarketEvent event : events) {
            assertEquals(false, engine.apply(event).changed(), () -> "replayed " + event);
        }
        assertCompaniesMatch(engine);
        assertUniverseMatches(engine);
    }

    @Test
    void engineRestoredFromSnapshotsGivesTheSameFigures() throws Exception {
        MetricsEngine original = WorkedExample.engineFedWith(WorkedExample.events());
        List<CompanyState.Snapshot> persisted = new ArrayList<>();
        for (CompanyState.Snapshot snapshot : original.companySnapshots()) {
            String json = TestJson.MAPPER.writeValueAsString(snapshot);
            persisted.add(TestJson.MAPPER.readValue(json, CompanyState.Snapshot.class));
        }
        MacroEvent macro = TestJson.MAPPER.readValue(
                TestJson.MAPPER.writeValueAsString(original.macro().orElseThrow()), MacroEvent.class);

        MetricsEngine restored = MetricsEngine.restore(persisted, macro);

        assertEquals(original.allCompanyMetrics(), restored.allCompanyMetrics());
        assertEquals(original.universe(), restored.universe());
        assertCompaniesMatch(restored);
        assertUniverseMatches(restored);
    }

    private static void assertCompaniesMatch(MetricsEngine engine) {
        JsonNode expected = WorkedExample.expectedCompanies();
        Set<String> expectedTickers = new TreeSet<>();
        for (JsonNode company : expected) {
            String ticker = company.get("ticker").asText();
            expectedTickers.add(ticker);
            CompanyMetrics metrics = engine.companyMetrics(ticker).orElseThrow(() -> new AssertionError(ticker));
            JsonNode actual = TestJson.MAPPER.valueToTree(metrics);
            // Every figure of the spec's table, and nothing else besides asOf and the growth bucket.
            Set<String> actualKeys = new TreeSet<>();
            actual.fieldNames().forEachRemaining(actualKeys::add);
            Set<String> expectedKeys = new TreeSet<>();
            company.fieldNames().forEachRemaining(expectedKeys::add);
            expectedKeys.add("asOf");
            expectedKeys.add("growthBucket");
            assertEquals(expectedKeys, actualKeys, ticker);
            JsonComparison.assertMatchesFields(company, actual, ticker);
            JsonNode growth = company.get("ntmGrowth");
            assertEquals(growth.isNull() ? null : GrowthBucket.of(growth.asDouble()).wireName(),
                    actual.get("growthBucket").textValue(), ticker + " growthBucket");
            assertTrue(actual.get("asOf").isTextual(), ticker + " asOf");
        }
        assertEquals(expectedTickers, engine.tickers());
    }

    private static void assertUniverseMatches(MetricsEngine engine) {
        JsonNode actual = TestJson.MAPPER.valueToTree(engine.universe());
        JsonComparison.assertMatches(WorkedExample.expectedUniverse(), JsonComparison.withoutQuartiles(actual), "universe");
    }
}
