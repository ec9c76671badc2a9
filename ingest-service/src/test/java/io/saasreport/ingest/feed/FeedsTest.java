package io.saasreport.ingest.feed;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.saasreport.ingest.TestData;
import io.saasreport.ingest.domain.FilingEvent;
import io.saasreport.ingest.domain.IngestEvent;
import io.saasreport.ingest.domain.MacroEvent;
import io.saasreport.ingest.domain.PriceEvent;
import io.saasreport.ingest.importer.FredYieldImporter;
import io.saasreport.ingest.importer.PriceCsvImporter;
import io.saasreport.ingest.importer.sec.SecCompanyFactsImporter;
import io.saasreport.ingest.rest.Requests;
import io.saasreport.ingest.service.EventReader;
import io.saasreport.stack.Topics;
import io.saasreport.testsupport.KafkaTestClient;
import io.saasreport.testsupport.RecordedSources;

/**
 * The feeds against a local stand-in serving recorded public documents ({@link FeedSources}), publishing to the test
 * broker. The methods run in order: each starts from what the ones before left (published ids, remembered versions).
 */
@QuarkusTest
@TestProfile(FeedsTest.FeedsOn.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeedsTest {

    public static class FeedsOn implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FeedSources.class));
        }
    }

    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final String SNOW_CIK = "CIK0001640147";
    private static final String TSLA_CIK = "CIK0001318605";

    @Inject
    ObjectMapper mapper;

    @Test
    @Order(1)
    void firstRunsPublishExactlyWhatTheImportersMakeOfTheSameFiles() throws IOException {
        Map<TopicPartition, Long> before = KafkaTestClient.onTestBroker().endOffsets(Topics.INPUT);

        runAndWait(SecEdgarFeed.NAME);
        runAndWait(DailyPriceFeed.NAME);
        runAndWait(TreasuryYieldFeed.NAME);

        List<ConsumerRecord<String, String>> records = KafkaTestClient.onTestBroker().since(before);
        Map<String, JsonNode> filings = new HashMap<>();
        filings.putAll(expected(SecCompanyFactsImporter.parse("SNOW", json(RecordedSources.resource(FeedSources.SNOW_FACTS_RESOURCE)), TestData.window()),
                event -> SecEdgarFeed.eventId(SNOW_CIK, (FilingEvent) event)));
        filings.putAll(expected(SecCompanyFactsImporter.parse("TSLA", json(FeedSources.tslaFactsBefore()), TestData.window()),
                event -> SecEdgarFeed.eventId(TSLA_CIK, (FilingEvent) event)));
        assertEquals(filings, published(records, "company.filings"));

        Map<String, JsonNode> prices = new HashMap<>();
        prices.putAll(expected(PriceCsvImporter.parse("DDOG", TestData.text(TestData.STOOQ_DDOG), TestData.window(), TestData.MAX_ROWS),
                event -> DailyPriceFeed.eventId((PriceEvent) event)));
        prices.putAll(expected(PriceCsvImporter.parse("SNOW", TestData.text(FeedSources.SNOW_PRICES_RESOURCE), TestData.window(), TestData.MAX_ROWS),
                event -> DailyPriceFeed.eventId((PriceEvent) event)));
        assertEquals(prices, published(records, "market.prices"));

        assertEquals(expected(FredYieldImporter.parse(TestData.text(TestData.FRED_DGS10), TestData.window(), TestData.MAX_ROWS),
                event -> TreasuryYieldFeed.eventId((MacroEvent) event)), published(records, "market.macro"));

        List<ConsumerRecord<String, String>> profiles = KafkaTestClient.on("company.profiles", records);
        assertEquals(Map.of("SNOW", "Snowflake Inc.", "TSLA", "Tesla, Inc.", "LPA", "Logistic Properties of the Americas",
                "DDOG", "Datadog, Inc."), profiles.stream().collect(Collectors.toMap(ConsumerRecord::key,
                        record -> json(record.value()).get("name").asText())));
    }

    @Test
    @Order(2)
    void eachCompanysFailureIsReportedForThatCompanyOnly() {
        JsonNode sec = feed(SecEdgarFeed.NAME);
        assertEquals("partial", sec.get("lastOutcome").asText());
        assertEquals("2 companies failed: see companies[].lastError", sec.get("lastError").asText());
        JsonNode snow = company(sec, "SNOW");
        assertFalse(snow.has("lastError"));
        assertEquals(23, snow.get("eventsPublished").asInt());
        assertEquals("0001640147-25-000110", snow.get("version").asText());
        assertEquals("0000950170-22-012936", company(sec, "TSLA").get("version").asText());
        assertEquals("the submissions index lists no 10-Q or 10-K", company(sec, "LPA").get("lastError").asText());
        assertTrue(company(sec, "DDOG").get("lastError").asText().startsWith("not valid JSON: Unexpected end-of-input"),
                company(sec, "DDOG").toString());
        // A foreign filer's companyfacts is not even asked for.
        assertEquals(List.of(), FeedSources.sources().requestsTo(FeedSources.LPA_FACTS));

        JsonNode tickers = feed(SecTickerFeed.NAME);
        assertEquals(TSLA_CIK, company(tickers, "TSLA").get("version").asText());

        JsonNode prices = feed(DailyPriceFeed.NAME);
        assertEquals("partial", prices.get("lastOutcome").asText());
        assertTrue(company(prices, "TSLA").get("lastError").asText().endsWith("/q/d/l/: HTTP 404"));
        assertEquals(1287, company(prices, "DDOG").get("eventsPublished").asInt());
        assertEquals("success", feed(TreasuryYieldFeed.NAME).get("lastOutcome").asText());

        assertTrue(FeedSources.sources().requests().stream()
                .allMatch(request -> "SaaS report feed tests feeds-test@example.com".equals(request.userAgent())));
        given().get("/q/metrics").then()
                .body(containsString("feeds_runs_total{feed=\"sec-edgar\",outcome=\"partial\"} 1.0"))
                .body(containsString("feeds_company_failures_total{feed=\"sec-edgar\"} 2.0"));
    }

    @Test
    @Order(3)
    void aSecondRunPublishesNothingAndDownloadsNothingUnchanged() {
        Map<TopicPartition, Long> before = KafkaTestClient.onTestBroker().endOffsets(Topics.INPUT);
        int requestsBefore = FeedSources.sources().requests().size();

        runAndWait(SecEdgarFeed.NAME);
        runAndWait(DailyPriceFeed.NAME);
        runAndWait(TreasuryYieldFeed.NAME);

        assertEquals(List.of(), KafkaTestClient.onTestBroker().since(before));
        List<RecordedSources.Request> second = FeedSources.sources().requests().subList(requestsBefore,
                FeedSources.sources().requests().size());
        for (String unchanged : List.of(FeedSources.SNOW_INDEX, FeedSources.TSLA_INDEX, FeedSources.DDOG_PRICES,
                FeedSources.SNOW_PRICES, FeedSources.FRED)) {
            List<RecordedSources.Request> asked = second.stream().filter(request -> request.target().equals(unchanged)).toList();
            assertEquals(1, asked.size(), unchanged);
            assertEquals(304, asked.get(0).status(), unchanged);
            assertNotNull(asked.get(0).ifNoneMatch(), unchanged);
        }
        assertTrue(second.stream().noneMatch(request -> request.target().equals(FeedSources.SNOW_FACTS)
                || request.target().equals(FeedSources.TSLA_FACTS)));
        JsonNode sec = feed(SecEdgarFeed.NAME);
        assertEquals(0, sec.get("lastRun").get("eventsPublished").asInt());
        // The broken document is asked for again: a company that failed is not skipped as unchanged.
        assertTrue(second.stream().anyMatch(request -> request.target().equals(FeedSources.DDOG_FACTS)));
    }

    @Test
    @Order(4)
    void aNewFilingInTheIndexIsFetchedAndPublished() throws IOException {
        // SEC lists the 10-Q in the index before companyfacts has it: nothing new yet, and it is looked for again.
        FeedSources.sources().serveResource(FeedSources.TSLA_INDEX, FeedSources.TSLA_INDEX_RESOURCE);
        Map<TopicPartition, Long> lagging = KafkaTestClient.onTestBroker().endOffsets(Topics.INPUT);
        runAndWait(SecEdgarFeed.NAME);
        assertEquals(List.of(), KafkaTestClient.onTestBroker().since(lagging));
        assertEquals("0000950170-22-012936", company(feed(SecEdgarFeed.NAME), "TSLA").get("version").asText());

        FeedSources.sources().serveResource(FeedSources.TSLA_FACTS, FeedSources.TSLA_FACTS_RESOURCE);
        Map<TopicPartition, Long> before = KafkaTestClient.onTestBroker().endOffsets(Topics.INPUT);
        runAndWait(SecEdgarFeed.NAME);

        Function<IngestEvent, String> ids = event -> SecEdgarFeed.eventId(TSLA_CIK, (FilingEvent) event);
        Map<String, JsonNode> now = expected(SecCompanyFactsImporter.parse("TSLA", json(RecordedSources.resource(
                FeedSources.TSLA_FACTS_RESOURCE)), TestData.window()), ids);
        Map<String, JsonNode> earlier = expected(SecCompanyFactsImporter.parse("TSLA", json(FeedSources.tslaFactsBefore()), TestData.window()), ids);
        Map<String, JsonNode> added = new HashMap<>(now);
        added.keySet().removeAll(earlier.keySet());
        assertTrue(added.containsKey("sec-edgar/CIK0001318605/FY2022Q3/filed-2022-10-24"), added.keySet().toString());

        assertEquals(added, published(KafkaTestClient.onTestBroker().since(before), "company.filings"));
        assertEquals(FeedSources.TSLA_NEWEST_10Q, company(feed(SecEdgarFeed.NAME), "TSLA").get("version").asText());
    }

    @Test
    @Order(5)
    void a429IsRetriedAfterTheWaitTheSourceAsksFor() {
        int before = FeedSources.sources().requestsTo(FeedSources.FRED).size();
        FeedSources.sources().failNext(FeedSources.FRED, 429, 1, "1");

        runAndWait(TreasuryYieldFeed.NAME);

        List<RecordedSources.Request> asked = FeedSources.sources().requestsTo(FeedSources.FRED);
        assertEquals(before + 2, asked.size());
        assertEquals(List.of(429, 304), List.of(asked.get(before).status(), asked.get(before + 1).status()));
        Duration waited = Duration.ofNanos(asked.get(before + 1).arrivedNanos() - asked.get(before).arrivedNanos());
        assertTrue(waited.compareTo(Duration.ofSeconds(1)) >= 0, "Retry-After: 1 was not kept: " + waited);
        assertEquals("success", feed(TreasuryYieldFeed.NAME).get("lastOutcome").asText());
        given().get("/q/metrics").then().body(containsString("feeds_requests_retried_total{feed=\"fred-dgs10\"} 1.0"));

        FeedSources.sources().failNext(FeedSources.SNOW_INDEX, 503, 2, null);
        runAndWait(SecEdgarFeed.NAME);
        assertFalse(company(feed(SecEdgarFeed.NAME), "SNOW").has("lastError"));
    }

    @Test
    @Order(6)
    void aFailedRunSaysWhyAndRunsAgainByItselfAfterBackoff() {
        FeedSources.sources().failNext(FeedSources.FRED, 500, 3, null);
        long runs = feed(TreasuryYieldFeed.NAME).get("runs").asLong();

        runAndWait(TreasuryYieldFeed.NAME);
        JsonNode failed = feed(TreasuryYieldFeed.NAME);
        // Unless the retry already ran (300 ms later), the failure shows with its retry time.
        if (failed.get("runs").asLong() == runs + 1) {
            assertEquals("failure", failed.get("lastOutcome").asText());
            assertEquals("GET 127.0.0.1/graph/fredgraph.csv: HTTP 500 (after 3 attempts)", failed.get("lastError").asText());
            assertEquals(1, failed.get("consecutiveFailures").asInt());
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode view = feed(TreasuryYieldFeed.NAME);
            return view.get("runs").asLong() >= runs + 2 && !view.get("running").asBoolean();
        });
        JsonNode recovered = feed(TreasuryYieldFeed.NAME);
        assertEquals("success", recovered.get("lastOutcome").asText());
        assertEquals(0, recovered.get("consecutiveFailures").asInt());
        given().get("/q/metrics").then().body(containsString("feeds_runs_total{feed=\"fred-dgs10\",outcome=\"failure\"} 1.0"));
    }

    @Test
    @Order(7)
    void runningNeedsAKeyAndAKnownFeed() {
        given().post("/api/v1/feeds/fred-dgs10/run").then().statusCode(401);
        Requests.authorized().post("/api/v1/feeds/nasdaq/run").then().statusCode(404)
                .contentType("application/problem+json").body("reason", equalTo("unknown_feed"));
    }

    private static void runAndWait(String name) {
        long runs = feed(name).get("runs").asLong();
        Requests.authorized().post("/api/v1/feeds/" + name + "/run").then().statusCode(202).body("name", equalTo(name));
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            JsonNode view = feed(name);
            return view.get("runs").asLong() > runs && !view.get("running").asBoolean();
        });
    }

    static JsonNode feed(String name) {
        JsonNode feeds = json(given().get("/api/v1/feeds").then().statusCode(200).extract().asString());
        for (JsonNode feed : feeds) {
            if (feed.get("name").asText().equals(name)) {
                return feed;
            }
        }
        throw new AssertionError("No feed " + name + " in " + feeds);
    }

    static JsonNode company(JsonNode feed, String ticker) {
        for (JsonNode company : feed.get("companies")) {
            if (company.get("ticker").asText().equals(ticker)) {
                return company;
            }
        }
        throw new AssertionError("No company " + ticker + " in " + feed);
    }

    /** The events as the publisher writes them, by the id the feed gives them. */
    private Map<String, JsonNode> expected(List<? extends IngestEvent> events, Function<IngestEvent, String> ids) {
        Map<String, JsonNode> byId = new HashMap<>();
        for (IngestEvent event : events) {
            try {
                byId.put(ids.apply(event), json(mapper.writerFor(IngestEvent.class).writeValueAsString(event)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertEquals(events.size(), byId.size(), "the ids are not unique");
        return byId;
    }

    private static Map<String, JsonNode> published(List<ConsumerRecord<String, String>> records, String topic) {
        List<ConsumerRecord<String, String>> onTopic = KafkaTestClient.on(topic, records);
        Map<String, JsonNode> byId = onTopic.stream().collect(Collectors.toMap(record -> KafkaTestClient.header(record, "ce_id"),
                record -> json(record.value())));
        assertEquals(onTopic.size(), byId.size(), "an id was published twice on " + topic);
        return byId;
    }

    private JsonNode json(byte[] document) throws IOException {
        return EventReader.strictTreeReader(mapper).readTree(document);
    }

    private static JsonNode json(String text) {
        try {
            return PLAIN.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
