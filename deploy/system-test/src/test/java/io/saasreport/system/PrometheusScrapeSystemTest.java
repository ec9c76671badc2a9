package io.saasreport.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.saasreport.testsupport.Program;
import io.saasreport.testsupport.RequiresPrograms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real Prometheus (Debian's {@code prometheus}, installed by .ci/run) scrapes the running system
 * with the project's own local config, and its answer for the overall median is the REST figure.
 * Skipped without Prometheus on the PATH (see {@link RequiresPrograms}).
 */
@RequiresPrograms(Program.PROMETHEUS)
class PrometheusScrapeSystemTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path storage;

    @Test
    void prometheusServesTheMedianTheReportApiServes() throws Exception {
        Path binary = Program.PROMETHEUS.path();
        SystemUnderTest.stack();
        List<String> events = WorkedExampleSystemTest.resource("example/events.ndjson").lines()
                .filter(line -> !line.isBlank()).toList();
        WorkedExampleSystemTest.postEvents(events);
        WorkedExampleSystemTest.assertReportServesTheExpectedFigures();
        double restMedian = WorkedExampleSystemTest.getJson("/api/v1/universe").path("medianEvToNtmRevenue").asDouble();

        int port = freePort();
        Process prometheus = new ProcessBuilder(binary.toString(),
                "--config.file=" + SystemUnderTest.root().resolve("deploy/prometheus/prometheus-local.yml"),
                "--storage.tsdb.path=" + storage,
                "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(storage.resolve("prometheus.log").toFile())
                .start();
        try {
            String query = "http://127.0.0.1:" + port + "/api/v1/query?query="
                    + URLEncoder.encode("saas_universe_median_ev_to_ntm_revenue", StandardCharsets.UTF_8);
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                JsonNode answer = MAPPER.readTree(WorkedExampleSystemTest.get(query).body());
                JsonNode result = answer.path("data").path("result");
                assertEquals(1, result.size(), answer.toString());
                assertEquals(restMedian, result.get(0).path("value").get(1).asDouble(), 1e-9 * restMedian);
            });
        } finally {
            prometheus.destroy();
            prometheus.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
