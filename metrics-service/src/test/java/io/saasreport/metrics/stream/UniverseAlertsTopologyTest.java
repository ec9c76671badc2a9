package io.saasreport.metrics.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A scripted sequence over the worked example with three universes (the default, the rule universes "growth" and
 * "premium"): each step's alerts on metrics.alerts, checked one by one, with the figures that caused them.
 * Thresholds: the defaults (a company's multiple 10 %, a median 5 % within a day).
 */
class UniverseAlertsTopologyTest {

    private static final double EXAMPLE_UMV_MULTIPLE = 2.5396549425711763;
    private static final double EXAMPLE_WMRM_MULTIPLE = 15.414769422258312;
    private static final double EXAMPLE_GROWTH_MEDIAN = 13.500266019788121; // BPH, of BPH QJIR UKQE UPD WMRM

    @Test
    void eachStepRaisesExactlyItsAlerts() {
        try (TopologyHarness topology = new TopologyHarness()) {
            List<JsonNode> alerts = script(topology);
            Set<String> ids = new HashSet<>();
            alerts.forEach(alert -> assertTrue(ids.add(alert.path("id").asText()), "twice: " + alert));
        }
    }

    /** The script, step by step; returns every alert raised. Shared with the restart test. */
    static List<JsonNode> script(TopologyHarness topology) {
        // 0. The example, then two rule universes defined over the figures held: the rule universes raise nothing,
        //    only first publications. The default universe sees the example's companies change as their events come
        //    (the driver commits after every record, so nothing is conflated) and may raise alerts on the way: the
        //    steps below count from here.
        TopologyHarness.workedExampleEvents().forEach(topology::send);
        topology.define("growth", NamedUniversesTopologyTest.GROWTH);
        topology.define("premium", NamedUniversesTopologyTest.PREMIUM);
        topology.publishInterval();
        int start = topology.alertRecords.size();
        alerts(topology, 0).forEach(
                alert -> assertEquals("universe", alert.path("universe").asText(), alert.toString()));

        // 1. UMV 20 % up on a new day: its multiple moves beyond 10 % (default universe only; UMV grows too slowly for
        //    the rules). Nothing else moves: UMV stays the lowest multiple, the median stays between OJV and BPH.
        topology.send("{\"type\":\"price\",\"ticker\":\"UMV\",\"price\":125.0,\"at\":\"2026-11-21T15:00:00Z\"}");
        topology.publishInterval();
        double umv = NamedUniversesTopologyTest.latestCompanies(topology).get("UMV").evToNtmRevenue();
        assertTrue(umv / EXAMPLE_UMV_MULTIPLE - 1 > 0.10, "UMV " + umv);
        List<JsonNode> step1 = alerts(topology, start);
        assertEquals(1, step1.size(), step1.toString());
        assertAlert(step1.get(0), "universe", "multiple-moved", "UMV");
        assertEquals(umv, step1.get(0).path("value").asDouble(), 1e-12);
        assertEquals(EXAMPLE_UMV_MULTIPLE, step1.get(0).path("previous").asDouble(), 1e-12);
        assertEquals(umv / EXAMPLE_UMV_MULTIPLE - 1, step1.get(0).path("change").asDouble(), 1e-12);
        assertEquals("2026-11-21T15:00:00Z", step1.get(0).path("at").asText());

        // 2. UMV further up the same day: already reported today, nothing new.
        topology.send("{\"type\":\"price\",\"ticker\":\"UMV\",\"price\":131.0,\"at\":\"2026-11-21T15:30:00Z\"}");
        topology.publishInterval();
        assertEquals(List.of(), alerts(topology, start + 1));

        // 3. OJV's NTM estimate 1 % lower: its NTM growth falls from 15.4 % (mid) below 15 % (low).
        topology.send("{\"type\":\"estimate\",\"ticker\":\"OJV\",\"asOf\":\"2026-11-21T12:00:00Z\","
                + "\"ntmRevenue\":6189194802.55,\"ntmFcf\":2276321143.79}");
        topology.publishInterval();
        List<JsonNode> step3 = alerts(topology, start + 1);
        assertEquals(1, step3.size(), step3.toString());
        assertAlert(step3.get(0), "universe", "bucket-changed", "OJV");
        assertEquals("mid", step3.get(0).path("fromBucket").asText());
        assertEquals("low", step3.get(0).path("toBucket").asText());
        assertEquals(0.15363561629501654, step3.get(0).path("previous").asDouble(), 1e-12);
        assertTrue(step3.get(0).path("value").asDouble() < 0.15);

        // 4. WMRM 11 % up: its multiple moves beyond 10 % and above 16, so it leaves "growth" (its top-10 and the
        //    median: 13.5 -> 9.8) and enters "premium" (second after JPJH).
        topology.send("{\"type\":\"price\",\"ticker\":\"WMRM\",\"price\":520.0,\"at\":\"2026-11-21T16:00:00Z\"}");
        topology.publishInterval();
        double wmrm = NamedUniversesTopologyTest.latestCompanies(topology).get("WMRM").evToNtmRevenue();
        List<JsonNode> step4 = alerts(topology, start + 2);
        assertEquals(5, step4.size(), step4.toString());
        // With the change itself, in each universe the company now belongs to:
        assertAlert(step4.get(0), "universe", "multiple-moved", "WMRM");
        assertAlert(step4.get(1), "premium", "multiple-moved", "WMRM");
        assertEquals(EXAMPLE_WMRM_MULTIPLE, step4.get(1).path("previous").asDouble(), 1e-12);
        assertEquals(wmrm, step4.get(1).path("value").asDouble(), 1e-12);
        // With the publication, universe by universe:
        assertAlert(step4.get(2), "growth", "top10-left", "WMRM");
        assertEquals(1, step4.get(2).path("rank").asInt());
        assertEquals(EXAMPLE_WMRM_MULTIPLE, step4.get(2).path("previous").asDouble(), 1e-12);
        assertTrue(step4.get(2).path("value").isMissingNode(), "no multiple in a universe it left");
        assertAlert(step4.get(3), "growth", "median-moved", null);
        double growthMedian = (6.124638564974112 + 13.500266019788121) / 2; // UPD and BPH, of QJIR UPD BPH UKQE
        assertEquals(growthMedian, step4.get(3).path("value").asDouble(), 1e-9);
        assertEquals(EXAMPLE_GROWTH_MEDIAN, step4.get(3).path("previous").asDouble(), 1e-12);
        assertEquals(growthMedian / EXAMPLE_GROWTH_MEDIAN - 1, step4.get(3).path("change").asDouble(), 1e-9);
        assertAlert(step4.get(4), "premium", "top10-entered", "WMRM");
        assertEquals(2, step4.get(4).path("rank").asInt());
        assertEquals(wmrm, step4.get(4).path("value").asDouble(), 1e-12);

        // 5. The same events again (a replay): nothing.
        topology.send("{\"type\":\"price\",\"ticker\":\"WMRM\",\"price\":520.0,\"at\":\"2026-11-21T16:00:00Z\"}");
        topology.publishInterval();
        assertEquals(List.of(), alerts(topology, start + 7));

        List<JsonNode> all = alerts(topology, 0);
        for (int i = 0; i < all.size(); i++) {
            TestRecord<String, String> record = topology.alertRecords.get(i);
            assertEquals(all.get(i).path("universe").asText(), record.key());
            assertEquals("io.saasreport.metrics.alert", WorkedExampleTopologyTest.header(record, "ce_type"));
            assertEquals(java.util.UUID.nameUUIDFromBytes(all.get(i).path("id").asText().getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)).toString(), WorkedExampleTopologyTest.header(record, "ce_id"));
        }
        return all;
    }

    static void assertAlert(JsonNode alert, String universe, String type, String ticker) {
        assertEquals(universe, alert.path("universe").asText(), alert.toString());
        assertEquals(type, alert.path("type").asText(), alert.toString());
        if (ticker == null) {
            assertFalse(alert.has("ticker"), alert.toString());
        } else {
            assertEquals(ticker, alert.path("ticker").asText(), alert.toString());
        }
        assertNull(null);
    }

    /** The alerts from the given index on. */
    private static List<JsonNode> alerts(TopologyHarness topology, int from) {
        return topology.alertRecords.subList(from, topology.alertRecords.size()).stream()
                .map(record -> TopologyHarness.json(record.value())).toList();
    }
}
