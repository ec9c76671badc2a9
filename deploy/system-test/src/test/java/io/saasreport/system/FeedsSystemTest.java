package io.saasreport.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.saasreport.stack.FreePort;
import io.saasreport.stack.LocalStack;
import io.saasreport.testsupport.RecordedSources;
import io.saasreport.testsupport.SecDocuments;

/**
 * The feeds in the whole system: an ingest instance with FEEDS_ENABLED=true and the shipped company list, its sources
 * a local stand-in serving the recordings (Snowflake's real companyfacts, the 13 real nasdaq.com price files, FRED's
 * DGS10), on schedules that fire every 15 seconds. The report fills for the companies the recordings cover, the feeds
 * show their runs, and the stand-in counts no more than 10 requests to SEC in any second.
 */
class FeedsSystemTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final List<String> PRICED = List.of("ADBE", "CRM", "CRWD", "DDOG", "HUBS", "MDB", "NET", "NOW", "OKTA",
            "SNOW", "TEAM", "WDAY", "ZS");
    private static final String EVERY_15_SECONDS = "0/15 * * * * ?";

    private static LocalStack stack;
    private static RecordedSources sources;
    private static URI feedsIngest;

    @BeforeAll
    static void startFeeds() {
        stack = SystemUnderTest.freshStack();
        byte[] snowFacts = RecordedSources.resource("/demo/snow_facts.json");
        // No Snowflake submissions index is recorded: this one is made from its companyfacts (SecDocuments).
        sources = RecordedSources.start()
                .serve("/sec/submissions/CIK0001640147.json", SecDocuments.submissionsFromCompanyFacts(snowFacts))
                .serve("/sec/api/xbrl/companyfacts/CIK0001640147.json", snowFacts)
                .serveResource("/files/company_tickers.json", "/recordings/sec/company_tickers.json")
                .serveResource("/fred/DGS10.csv", "/demo/DGS10.csv");
        PRICED.forEach(ticker -> sources.serveResource("/prices/" + ticker + ".csv", "/demo/prices/" + ticker + ".csv"));
        String base = sources.baseUri().toString();
        Map<String, String> env = new HashMap<>();
        env.put("FEEDS_ENABLED", "true");
        env.put("FEEDS_USER_AGENT", "SaaS report system test feeds-test@example.com");
        env.put("FEEDS_SEC_BASE_URL", base + "/sec");
        env.put("FEEDS_SEC_SCHEDULE", EVERY_15_SECONDS);
        env.put("FEEDS_SEC_TICKERS_URL", base + "/files/company_tickers.json");
        env.put("FEEDS_PRICES_URL_TEMPLATE", base + "/prices/{ticker}.csv");
        env.put("FEEDS_PRICES_SCHEDULE", EVERY_15_SECONDS);
        env.put("FEEDS_PRICES_MAX_REQUESTS_PER_SECOND", "10");
        env.put("FEEDS_FRED_URL", base + "/fred/DGS10.csv");
        env.put("FEEDS_FRED_SCHEDULE", EVERY_15_SECONDS);
        int port = FreePort.find();
        stack.launchExtraInstance(LocalStack.INGEST, port, env);
        feedsIngest = URI.create("http://localhost:" + port);
    }

    @AfterAll
    static void stopSources() {
        if (sources != null) {
            sources.close();
        }
    }

    @Test
    void theFeedsFillTheReportForTheRecordedCompaniesAndShowTheirRuns() throws Exception {
        Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode snow = get(stack.uri(LocalStack.REPORT).resolve("/api/v1/companies/SNOW"));
            assertEquals("Snowflake Inc.", snow.path("name").asText());
            assertEquals(186.72, snow.path("price").asDouble(), 1e-9, "the close of 2024-03-01 in SNOW.csv");
            // FY2025 Q2, Q3, Q4 (full year - nine months) and FY2026 Q1 from the companyfacts.
            assertEquals(3_839_761_000.0, snow.path("ltmRevenue").asDouble(), 1e-3);
            for (String ticker : PRICED) {
                assertTrue(get(stack.uri(LocalStack.REPORT).resolve("/api/v1/companies/" + ticker)).path("price").isNumber(),
                        ticker);
            }
            assertEquals(4.26, get(stack.uri(LocalStack.REPORT).resolve("/api/v1/universe")).path("tenYearYield").asDouble(),
                    1e-9, "DGS10 of 2026-03-18");
        });
        // The list names the companies (SEC's conformed name, from the feeds' company events).
        assertEquals("HUBSPOT INC", get(stack.uri(LocalStack.REPORT).resolve("/api/v1/companies/HUBS")).path("name").asText());

        Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, JsonNode> feeds = new HashMap<>();
            get(feedsIngest.resolve("/api/v1/feeds")).forEach(feed -> feeds.put(feed.path("name").asText(), feed));
            for (String name : List.of("sec-edgar", "daily-prices", "fred-dgs10")) {
                JsonNode feed = feeds.get(name);
                assertTrue(feed.path("enabled").asBoolean(), name);
                // runs counts a run when it starts: two runs ended once the second is no longer running.
                assertTrue(feed.path("runs").asInt() >= 2 && !feed.path("running").asBoolean(),
                        name + " ran twice by its schedule: " + feed);
                assertTrue(feed.path("lastRunFinishedAt").isTextual(), name);
                assertTrue(feed.path("nextRunAt").isTextual(), name);
            }
            JsonNode snow = company(feeds.get("sec-edgar"), "SNOW");
            assertEquals(23, snow.path("eventsPublished").asInt());
            assertEquals("0001640147-25-000110", snow.path("version").asText());
            assertTrue(company(feeds.get("sec-edgar"), "ADBE").path("lastError").asText().endsWith("HTTP 404"));
            assertEquals("partial", feeds.get("daily-prices").path("lastOutcome").asText());
            assertEquals("success", feeds.get("fred-dgs10").path("lastOutcome").asText());
        });

        List<RecordedSources.Request> toSec = sources.requests().stream()
                .filter(request -> request.target().startsWith("/sec/")).toList();
        assertTrue(toSec.size() >= 80, "two runs of 40 companies: " + toSec.size());
        int most = sources.maxRequestsInAnySecond("/sec/");
        assertTrue(most <= 10, most + " requests reached the SEC stand-in within one second");
    }

    private static JsonNode company(JsonNode feed, String ticker) {
        for (JsonNode company : feed.path("companies")) {
            if (company.path("ticker").asText().equals(ticker)) {
                return company;
            }
        }
        throw new AssertionError("No " + ticker + " in " + feed);
    }

    private static JsonNode get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), uri + ": " + response.body());
        return OutputTopics.json(response.body());
    }
}
