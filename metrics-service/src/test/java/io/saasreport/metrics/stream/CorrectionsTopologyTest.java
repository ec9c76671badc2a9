package io.saasreport.metrics.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Corrections through the whole topology over the worked example: a company removed (a tombstone on
 * metrics.company, out of every universe, its stores emptied, its revision kept) and added again; a bad price and a
 * bad filing withdrawn, the figures then equal to a run that never had them; a universe defined again after its
 * removal carrying on above its old revision, with alert ids it never used.
 */
class CorrectionsTopologyTest {

    private static final String FAR_FUTURE_PRICE =
            "{\"type\":\"price\",\"ticker\":\"UMV\",\"price\":999.0,\"at\":\"2099-01-01T00:00:00Z\"}";
    private static final String LATER_REAL_PRICE =
            "{\"type\":\"price\",\"ticker\":\"UMV\",\"price\":120.5,\"at\":\"2026-11-23T21:00:00Z\"}";

    @Test
    void aRemovedCompanyLeavesTheTopicAndEveryUniverseAndComesBackAboveItsOldRevision() {
        try (TopologyHarness topology = new TopologyHarness()) {
            TopologyHarness.workedExampleEvents().forEach(topology::send);
            topology.define("growth", NamedUniversesTopologyTest.GROWTH);
            topology.publishInterval();
            JsonNode before = topology.latestCompanies().get("UMV");
            long revisionBefore = before.path("revision").asLong();
            int countBefore = topology.latestUniverse().path("companyCount").asInt();

            topology.send("{\"type\":\"company-removal\",\"ticker\":\"UMV\",\"at\":\"2026-11-25T12:00:00Z\"}");
            topology.publishInterval();

            TestRecord<String, String> last = lastCompanyRecord(topology, "UMV");
            assertNull(last.value(), "a tombstone on metrics.company");
            assertEquals(countBefore - 1, topology.latestUniverse().path("companyCount").asInt());
            NamedUniversesTopologyTest.assertUniverseIsComputedOver(topology, "universe", c -> true);
            assertFalse(tickers(topology.latestUniverse().path("topByEvToNtmRevenue")).contains("UMV"));
            var stored = topology.storedCompany("UMV");
            assertEquals(revisionBefore + 1, stored.revision(), "the removal raised the revision, which is kept");
            assertTrue(stored.state().quarters().isEmpty() && stored.state().priceHistory().isEmpty()
                    && stored.state().estimate() == null && stored.state().name() == null, stored.toString());

            // Named again: the same figures as before, under a revision above any it published.
            TopologyHarness.workedExampleEvents().stream().filter(line -> line.contains("\"ticker\":\"UMV\""))
                    .forEach(topology::send);
            topology.publishInterval();
            JsonNode after = topology.latestCompanies().get("UMV");
            assertTrue(after.path("revision").asLong() > revisionBefore + 1, after.path("revision").toString());
            assertEquals(withoutRevisionAndSources(before), withoutRevisionAndSources(after));
            assertEquals(countBefore, topology.latestUniverse().path("companyCount").asInt());
            NamedUniversesTopologyTest.assertUniverseIsComputedOver(topology, "universe", c -> true);
        }
    }

    @Test
    void aWithdrawnFarFuturePriceLeavesTheFiguresOfARunWithoutIt() {
        Map<String, JsonNode> without;
        try (TopologyHarness clean = new TopologyHarness()) {
            TopologyHarness.workedExampleEvents().forEach(clean::send);
            clean.send(LATER_REAL_PRICE);
            clean.publishInterval();
            without = clean.latestCompanies();
        }
        try (TopologyHarness topology = new TopologyHarness()) {
            TopologyHarness.workedExampleEvents().forEach(topology::send);
            topology.send(FAR_FUTURE_PRICE);
            topology.send(LATER_REAL_PRICE);
            topology.publishInterval();
            assertEquals(999.0, topology.latestCompanies().get("UMV").path("price").asDouble(), "frozen by 2099");

            topology.send("{\"type\":\"price-correction\",\"ticker\":\"UMV\",\"at\":\"2099-01-01T00:00:00Z\"}");
            topology.publishInterval();
            JsonNode corrected = topology.latestCompanies().get("UMV");
            assertEquals(120.5, corrected.path("price").asDouble());
            assertEquals(withoutRevisionAndSources(without.get("UMV")), withoutRevisionAndSources(corrected));
            // As stored: a restart reads the same prices back.
            assertEquals(120.5, topology.storedCompany("UMV").state().priceHistory().stream()
                    .reduce((a, b) -> b).orElseThrow().price());
            NamedUniversesTopologyTest.assertUniverseIsComputedOver(topology, "universe", c -> true);
        }
    }

    @Test
    void aPriceCorrectionReplacesTheWrongPriceAtItsInstant() {
        Map<String, JsonNode> without;
        try (TopologyHarness clean = new TopologyHarness()) {
            TopologyHarness.workedExampleEvents().forEach(clean::send);
            clean.send(LATER_REAL_PRICE);
            clean.publishInterval();
            without = clean.latestCompanies();
        }
        try (TopologyHarness topology = new TopologyHarness()) {
            TopologyHarness.workedExampleEvents().forEach(topology::send);
            topology.send(LATER_REAL_PRICE.replace("120.5", "1205.0"));
            topology.publishInterval();
            topology.send("{\"type\":\"price-correction\",\"ticker\":\"UMV\",\"at\":\"2026-11-23T21:00:00Z\","
                    + "\"price\":120.5}");
            topology.publishInterval();
            assertEquals(withoutRevisionAndSources(without.get("UMV")),
                    withoutRevisionAndSources(topology.latestCompanies().get("UMV")));
        }
    }

    @Test
    void aWithdrawnFilingLetsTheRealOneBackIn() {
        String realQuarter = TopologyHarness.workedExampleEvents().stream()
                .filter(line -> line.contains("\"ticker\":\"UMV\"") && line.contains("\"fiscalYear\":2026,\"fiscalQuarter\":3"))
                .findFirst().orElseThrow();
        Map<String, JsonNode> without;
        try (TopologyHarness clean = new TopologyHarness()) {
            TopologyHarness.workedExampleEvents().forEach(clean::send);
            clean.publishInterval();
            without = clean.latestCompanies();
        }
        try (TopologyHarness topology = new TopologyHarness()) {
            TopologyHarness.workedExampleEvents().forEach(topology::send);
            // A "restatement" dated far ahead with a wrong revenue: no later real filing can replace it.
            topology.send(realQuarter.replace("\"filedAt\":\"2026-11-10T21:05:00Z\"", "\"filedAt\":\"2099-01-01T00:00:00Z\"")
                    .replace("\"revenue\":6338489938.34", "\"revenue\":63384899383.4"));
            topology.send(realQuarter);
            topology.publishInterval();
            assertTrue(topology.latestCompanies().get("UMV").path("ltmRevenue").asDouble()
                    > 2 * without.get("UMV").path("ltmRevenue").asDouble());

            topology.send("{\"type\":\"filing-withdrawal\",\"ticker\":\"UMV\",\"fiscalYear\":2026,\"fiscalQuarter\":3,"
                    + "\"at\":\"2026-11-25T12:00:00Z\"}");
            topology.send(realQuarter);
            topology.publishInterval();
            assertEquals(withoutRevisionAndSources(without.get("UMV")),
                    withoutRevisionAndSources(topology.latestCompanies().get("UMV")));
            assertTrue(topology.storedCompany("UMV").state().restatedQuarters().isEmpty(),
                    "the withdrawn quarter's restatement flag went with it");
        }
    }

    @Test
    void aUniverseDefinedAgainCarriesOnAboveItsRevisionAndRaisesNewAlertIds() {
        try (TopologyHarness topology = new TopologyHarness()) {
            TopologyHarness.workedExampleEvents().forEach(topology::send);
            topology.define("portfolio", NamedUniversesTopologyTest.PORTFOLIO);
            topology.publishInterval();
            moveUmvAndPublish(topology, 125.0, "2026-11-21T15:00:00Z");
            long revisionBefore = topology.latestUniverse("portfolio").path("revision").asLong();

            topology.define("portfolio", null);
            topology.publishInterval();
            assertNull(topology.latestUniverse("portfolio"));
            topology.define("portfolio", NamedUniversesTopologyTest.PORTFOLIO);
            topology.publishInterval();
            assertEquals(revisionBefore + 1, topology.latestUniverse("portfolio").path("revision").asLong());
            moveUmvAndPublish(topology, 160.0, "2026-11-22T15:00:00Z");
            assertTrue(topology.latestUniverse("portfolio").path("revision").asLong() > revisionBefore + 1);

            Set<String> ids = new HashSet<>();
            topology.alertRecords.forEach(alert -> assertTrue(ids.add(TopologyHarness.json(alert.value()).path("id").asText()),
                    "an alert id used twice: " + alert.value()));
        }
    }

    private static void moveUmvAndPublish(TopologyHarness topology, double price, String at) {
        topology.send("{\"type\":\"price\",\"ticker\":\"UMV\",\"price\":" + price + ",\"at\":\"" + at + "\"}");
        topology.publishInterval();
    }

    private static TestRecord<String, String> lastCompanyRecord(TopologyHarness topology, String ticker) {
        List<TestRecord<String, String>> records = topology.companyRecords.stream()
                .filter(record -> ticker.equals(record.key())).toList();
        return records.get(records.size() - 1);
    }

    private static Set<String> tickers(JsonNode entries) {
        Set<String> tickers = new HashSet<>();
        entries.forEach(entry -> tickers.add(entry.path("ticker").asText()));
        return tickers;
    }

    private static JsonNode withoutRevisionAndSources(JsonNode company) {
        ObjectNode copy = company.deepCopy();
        copy.remove("revision");
        copy.remove("sources");
        return copy;
    }
}
