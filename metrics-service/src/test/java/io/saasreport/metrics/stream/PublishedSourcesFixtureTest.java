package io.saasreport.metrics.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code example/published-sources.json} is what this service publishes as {@code sources} for each company of the
 * worked example when each input record carries the CloudEvents id {@code line-<n>} (the n-th event of events.ndjson).
 * It lives with the worked example in deploy/local-stack's resources (the report's tests publish it too); this test
 * keeps it true. To rewrite it after a deliberate change: {@code -Dpublished-sources.write=true}, then update its
 * SHA-256 in PROVENANCE.md there.
 */
class PublishedSourcesFixtureTest {

    private static final String RESOURCE = "/example/published-sources.json";

    @Test
    void theFixtureIsWhatTheTopologyPublishes() throws IOException {
        Map<String, JsonNode> published = new TreeMap<>();
        try (TopologyHarness topology = new TopologyHarness()) {
            List<String> lines = TopologyHarness.workedExampleEvents();
            for (int i = 0; i < lines.size(); i++) {
                topology.sendWithId(lines.get(i), "line-" + (i + 1));
            }
            topology.latestCompanies().forEach((ticker, record) -> published.put(ticker, record.path("sources")));
        }
        JsonNode actual = StreamJson.MAPPER.valueToTree(published);
        if (Boolean.getBoolean("published-sources.write")) {
            Files.writeString(Path.of("../deploy/local-stack/src/main/resources" + RESOURCE),
                    StreamJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n");
        }
        assertEquals(TopologyHarness.json(TopologyHarness.resource(RESOURCE)), actual);
    }
}
