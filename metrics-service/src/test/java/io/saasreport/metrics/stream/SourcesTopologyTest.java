package io.saasreport.metrics.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.saasreport.metrics.domain.company.CompanyMetricsCalculator;
import io.saasreport.metrics.domain.company.CompanyState;
import io.saasreport.metrics.domain.company.RevisedCompany;

/** The input records' ids reach the published sources, and survive the stores (a restart reads them back). */
class SourcesTopologyTest {

    @Test
    void theSourcesNameTheInputRecordsByTheirCloudEventsIds() {
        try (TopologyHarness topology = new TopologyHarness()) {
            List<String> lines = TopologyHarness.workedExampleEvents();
            for (int i = 0; i < lines.size(); i++) {
                topology.sendWithId(lines.get(i), "line-" + (i + 1));
            }

            JsonNode sources = topology.latestCompanies().get("BPH").path("sources");
            assertEquals(lineOf(lines, "\"BPH\"", "\"price\"", "2026-11-20T21:21:00Z"), sources.path("price").path("eventId").asText());
            assertEquals(lineOf(lines, "\"BPH\"", "\"filing\"", "2026-11-15T21:05:00Z"),
                    sources.path("latestQuarter").path("eventId").asText());
            assertEquals(true, sources.path("latestQuarter").path("restatement").asBoolean());
            assertEquals(lineOf(lines, "\"BPH\"", "\"estimate\"", "2026-10-24T21:00:00Z"),
                    sources.path("estimate").path("eventId").asText());

            // What a restarted task reads back from its stores gives the same sources, ids and restatements included.
            RevisedCompany.Stored stored = topology.storedCompany("BPH");
            JsonNode restored = StreamJson.MAPPER.valueToTree(
                    CompanyMetricsCalculator.computeWithSources(CompanyState.restore(stored.state())).sources());
            assertEquals(sources, restored);
        }
    }

    /** The id the test gave the one line containing all the fragments. */
    private static String lineOf(List<String> lines, String... fragments) {
        List<Integer> matches = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (java.util.Arrays.stream(fragments).allMatch(line::contains)) {
                matches.add(i + 1);
            }
        }
        assertEquals(1, matches.size(), "lines with " + String.join(" ", fragments));
        return "line-" + matches.get(0);
    }
}
