package io.saasreport.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.saasreport.stack.FreePort;
import io.saasreport.stack.LocalStack;
import io.saasreport.stack.Postgres;
import io.saasreport.stack.ServiceProcess;

/**
 * Two report instances, as behind a load balancer: both answer the same figures (with the same ETags), while history
 * and filings are written once.
 */
class ReportScaleOutSystemTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(90);

    private static LocalStack stack;
    private static ServiceProcess second;

    @BeforeAll
    static void startTwoReportInstances() {
        stack = SystemUnderTest.freshStack();
        second = stack.launchExtraInstance(LocalStack.REPORT, FreePort.find(), Map.of());
    }

    @AfterAll
    static void stopTheSecondInstance() {
        if (second != null) {
            second.stop();
        }
    }

    @Test
    void bothInstancesServeTheSameFiguresAndTheHistoryIsWrittenOnce() throws Exception {
        List<String> example = WorkedExampleSystemTest.resource("example/events.ndjson").lines().filter(l -> !l.isBlank()).toList();
        post(example);
        JsonNode expectedUniverse = MAPPER.readTree(WorkedExampleSystemTest.resource("example/expected-universe.json"));
        JsonNode expectedCompanies = MAPPER.readTree(WorkedExampleSystemTest.resource("example/expected-companies.json"));
        for (URI instance : instances()) {
            Awaitility.await().atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertEquals(List.of(), JsonFigures.differences(expectedUniverse, json(get(instance, "/api/v1/universe"))));
                assertEquals(List.of(), JsonFigures.differences(expectedCompanies, json(get(instance, "/api/v1/companies"))));
            });
        }

        post(List.of("{\"type\":\"price\",\"ticker\":\"BPH\",\"price\":1250.5,\"at\":\"2026-11-20T21:30:00Z\"}"));
        for (URI instance : instances()) {
            Awaitility.await().atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertEquals(1250.5, json(get(instance, "/api/v1/companies/BPH")).get("price").asDouble()));
        }
        for (String path : List.of("/api/v1/universe", "/api/v1/companies?sort=evToNtmRevenue&order=desc", "/api/v1/companies/BPH")) {
            Awaitility.await().atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                HttpResponse<String> first = get(instances().get(0), path);
                HttpResponse<String> other = get(instances().get(1), path);
                assertEquals(first.body(), other.body(), path);
                assertEquals(first.headers().firstValue("ETag"), other.headers().firstValue("ETag"), path);
            });
        }

        Awaitility.await().atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertEquals(1L, count("select count(*) from company_history where ticker = 'BPH' and resolution = 'm'"
                        + " and (payload::jsonb ->> 'price')::numeric = 1250.5"), "the new price: one history point"));
        assertEquals(0L, count("select count(*) from (select ticker, resolution, as_of, payload from company_history"
                + " group by ticker, resolution, as_of, payload having count(*) > 1) twice"),
                "no company history point written twice (into two periods of one resolution)");
        assertEquals(0L, count("select count(*) from (select universe, resolution, as_of, payload from universe_history"
                + " group by universe, resolution, as_of, payload having count(*) > 1) twice"),
                "no universe history point written twice");
        assertEquals(quartersFiled(example), count("select count(*) from company_filing"),
                "every filed quarter, once (a restatement replaces its quarter)");
    }

    private static long quartersFiled(List<String> events) throws Exception {
        java.util.Set<String> quarters = new java.util.HashSet<>();
        for (String line : events) {
            JsonNode event = MAPPER.readTree(line);
            if (event.get("type").asText().equals("filing")) {
                quarters.add(event.get("ticker").asText() + ' ' + event.get("fiscalYear").asInt() + ' ' + event.get("fiscalQuarter").asInt());
            }
        }
        return quarters.size();
    }

    private static List<URI> instances() {
        return List.of(stack.uri(LocalStack.REPORT), URI.create("http://localhost:" + second.port()));
    }

    private static long count(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl("report"), Postgres.USER, Postgres.PASSWORD);
                ResultSet row = connection.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void post(List<String> events) throws Exception {
        new Ingest(stack).post(events);
    }

    private static HttpResponse<String> get(URI instance, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(instance.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        return MAPPER.readTree(response.body());
    }
}
