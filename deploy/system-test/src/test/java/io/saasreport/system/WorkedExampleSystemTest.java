package io.saasreport.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.saasreport.stack.LocalStack;
import io.saasreport.stack.StackPorts;

/**
 * The worked example of the spec through the real pipeline, as users run it: events in over HTTP
 * (ingest), the broker, the metrics engine, the report service, figures out over HTTP.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkedExampleSystemTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(90);

    private static LocalStack stack;

    @BeforeAll
    static void startSystem() {
        stack = SystemUnderTest.stack();
    }

    @Test
    @Order(1)
    void everyServiceIsReady() throws Exception {
        // The stack's ports move with STACK_*_PORT, as getJson's do.
        StackPorts ports = StackPorts.fromEnvironment(System.getenv());
        for (int port : List.of(ports.ingest(), ports.metrics(), ports.report())) {
            HttpResponse<String> ready = get("http://localhost:" + port + "/q/health/ready");
            assertEquals(200, ready.statusCode(), "port " + port + ": " + ready.body());
            assertEquals("UP", MAPPER.readTree(ready.body()).path("status").asText());
        }
    }

    /** Half the events, a graceful restart of the metrics service mid-stream, then the rest. */
    @Test
    @Order(2)
    void pipelineReproducesTheWorkedExampleAcrossAMetricsServiceRestart() throws Exception {
        List<String> lines = resource("example/events.ndjson").lines().filter(line -> !line.isBlank()).toList();
        int half = lines.size() / 2;
        postEvents(lines.subList(0, half));
        stack.restart("metrics-service");
        postEvents(lines.subList(half, lines.size()));

        assertReportServesTheExpectedFigures();
    }

    /** A restart replays nothing twice: the stored offsets and state give the same figures. */
    @Test
    @Order(3)
    void restartedMetricsServiceEndsAtTheSameFigures() throws Exception {
        stack.restart("metrics-service");
        assertReportServesTheExpectedFigures();
        // Replaying the whole example (duplicates by the spec's rules) changes nothing either.
        postEvents(resource("example/events.ndjson").lines().filter(line -> !line.isBlank()).toList());
        assertReportServesTheExpectedFigures();
    }

    /**
     * The explanation names the records ingest published by their CloudEvents ids: carried through the metrics
     * service (and its restart above) into the published sources, rendered by the report.
     */
    @Test
    @Order(4)
    void explanationNamesTheIngestedRecordsByTheirIds() throws Exception {
        String uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
        JsonNode explanation = getJson("/api/v1/companies/BPH/explain");
        JsonNode sources = explanation.path("sources");
        assertTrue(sources.path("price").path("eventId").asText().matches(uuid), sources.path("price").toString());
        assertTrue(sources.path("latestQuarter").path("eventId").asText().matches(uuid), sources.path("latestQuarter").toString());
        assertTrue(sources.path("latestQuarter").path("restatement").asBoolean(), "BPH's FY2026 Q1 was restated");
        assertTrue(sources.path("estimate").path("eventId").asText().matches(uuid), sources.path("estimate").toString());
        for (JsonNode figure : explanation.path("figures")) {
            assertTrue(!figure.path("value").isNull(), "BPH has every figure: " + figure);
        }
        JsonNode jpjh = getJson("/api/v1/companies/JPJH/explain");
        for (JsonNode figure : jpjh.path("figures")) {
            if (figure.path("figure").asText().equals("ltmGrowth")) {
                assertEquals("LTM growth needs eight consecutive quarters; held: FY2026 Q1, FY2025 Q4, FY2025 Q3, "
                        + "FY2025 Q2, FY2025 Q1", figure.path("missing").asText());
            }
        }
    }

    static void assertReportServesTheExpectedFigures() throws IOException {
        JsonNode expectedUniverse = MAPPER.readTree(resource("example/expected-universe.json"));
        JsonNode expectedCompanies = MAPPER.readTree(resource("example/expected-companies.json"));
        Awaitility.await().atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertEquals(List.of(), JsonFigures.differences(expectedUniverse, getJson("/api/v1/universe")));
            assertEquals(List.of(), JsonFigures.differences(expectedCompanies, getJson("/api/v1/companies")));
        });
    }

    static void postEvents(List<String> lines) throws IOException, InterruptedException {
        new Ingest(stack).post(lines);
    }

    static JsonNode getJson(String path) throws IOException, InterruptedException {
        // The report of the stack under test: its port moves with STACK_REPORT_PORT, as the stack's do.
        HttpResponse<String> response = get("http://localhost:" + StackPorts.fromEnvironment(System.getenv()).report() + path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return MAPPER.readTree(response.body());
    }

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String resource(String name) throws IOException {
        try (InputStream in = WorkedExampleSystemTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
