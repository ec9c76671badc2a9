package io.saasreport.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.saasreport.ingest.TestData;
import io.saasreport.ingest.domain.TimeWindow;
import io.saasreport.ingest.domain.IngestEvent;
import io.saasreport.ingest.importer.FredYieldImporter;
import io.saasreport.ingest.importer.PriceCsvImporter;
import io.saasreport.ingest.service.EventReader;
import io.saasreport.testsupport.RecordedSources;
import io.saasreport.testsupport.SecDocuments;

/**
 * Hostile documents from a source: each feed gives every document to the same importer as the import endpoint, so a
 * company's document gets exactly the importer's verdict (its events, or its refusal as that company's error), and the
 * other companies go on. What only a feed decides is checked by value: the size limit, text that is not UTF-8, an index
 * that is not one. No framework: the feeds run on a list of published events.
 */
class FeedHostileInputTest {

    /** One window for the feed and the importer it is compared with: its messages name the instant it allows. */
    private static final TimeWindow WINDOW = TestData.window();

    private static final int MAX_BYTES = 200_000;
    private static final String HEADER = "Date,Open,High,Low,Close,Volume\n";

    private final RecordedSources sources = RecordedSources.start();
    private final List<IngestEvent> published = new ArrayList<>();
    private final FeedState state = new FeedState("test", true, null);

    @AfterEach
    void stop() {
        sources.close();
    }

    @Test
    void eachPriceFileGetsTheImportersVerdictAndOneBadFileStopsNoOther() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("EXTREME", (HEADER + "2024-03-01,1,1,1,1e400,100\n2024-03-04,1,1,1,0.00001,100\n").getBytes(StandardCharsets.UTF_8));
        files.put("CONTROL", (HEADER + "2024-03-01,1,1,1,12\u00073.5,100\n2024-03-04\u0000,1,1,1,12,100\n").getBytes(StandardCharsets.UTF_8));
        files.put("FUTURE", (HEADER + "2999-12-31,1,1,1,101.5,100\n").getBytes(StandardCharsets.UTF_8));
        files.put("HUGE", huge());
        files.put("LATIN", (HEADER + "2024-03-01,1,1,1,101.5,100 \u00e9\n").getBytes(StandardCharsets.ISO_8859_1));
        files.put("DDOG", TestData.bytes(TestData.STOOQ_DDOG));
        files.forEach((ticker, bytes) -> sources.serve("/prices/" + ticker, bytes));
        CompanyList companies = companies(files.keySet());
        DailyPriceFeed feed = new DailyPriceFeed(sources.baseUri() + "/prices/{ticker}", companies, client(), new ImportLimits(() -> WINDOW, TestData.MAX_ROWS));

        feed.run(run());

        Map<String, CompanyStatus> statuses = statuses();
        for (String ticker : List.of("EXTREME", "CONTROL", "FUTURE")) {
            String csv = new String(files.get(ticker), StandardCharsets.UTF_8);
            assertVerdict(ticker, () -> PriceCsvImporter.parse(ticker, csv, WINDOW, TestData.MAX_ROWS), statuses.get(ticker));
        }
        assertEquals("GET 127.0.0.1/prices/HUGE: the document is larger than " + MAX_BYTES
                + " bytes (feeds.max-document-bytes)", statuses.get("HUGE").lastError());
        assertEquals("the document is not UTF-8 text", statuses.get("LATIN").lastError());
        assertNull(statuses.get("DDOG").lastError());
        assertEquals(PriceCsvImporter.parse("DDOG", TestData.text(TestData.STOOQ_DDOG), WINDOW, TestData.MAX_ROWS),
                published.stream().filter(event -> event.key().equals("DDOG")).toList());
    }

    @Test
    void aFarFutureOrOutlandishYieldGetsTheImportersVerdict() throws Exception {
        String csv = TestData.text(TestData.FRED_DGS10) + "2999-01-04,4.5\n2999-01-05,1e400\n";
        sources.serve("/fred", csv.getBytes(StandardCharsets.UTF_8));
        TreasuryYieldFeed feed = new TreasuryYieldFeed(sources.baseUri().resolve("/fred"), client(), new ImportLimits(() -> WINDOW, TestData.MAX_ROWS));
        String verdict;
        List<? extends IngestEvent> expected = List.of();
        try {
            expected = FredYieldImporter.parse(csv, WINDOW, TestData.MAX_ROWS);
            verdict = null;
        } catch (RuntimeException refused) {
            verdict = Failures.describe(refused);
        }
        String failure = null;
        try {
            feed.run(run());
        } catch (Exception e) {
            failure = Failures.describe(e);
        }
        assertEquals(verdict, failure);
        assertEquals(expected, published);
    }

    @Test
    void secDocumentsThatAreNotWhatTheySayAreThatCompanysErrorOnly() throws Exception {
        byte[] snowFacts = RecordedSources.resource(FeedSources.SNOW_FACTS_RESOURCE);
        byte[] index = SecDocuments.submissionsFromCompanyFacts(snowFacts);
        sources.serve("/sec/submissions/CIK0000000001.json", "{\"filings\":{\"recent\":{\"form\":[\"10-Q\"]}}}"
                .getBytes(StandardCharsets.UTF_8))
                .serve("/sec/submissions/CIK0000000002.json", index)
                .serve("/sec/api/xbrl/companyfacts/CIK0000000002.json", new byte[snowFacts.length + 1])
                .serve("/sec/submissions/CIK0000000003.json", ("{\"filings\":{\"recent\":{\"accessionNumber\":[\"x\\u0007\"],"
                        + "\"form\":[\"10-Q\\u0000\"]}}}").getBytes(StandardCharsets.UTF_8))
                .serve("/sec/submissions/CIK0001640147.json", index)
                .serve("/sec/api/xbrl/companyfacts/CIK0001640147.json", snowFacts);
        CompanyList companies = CompanyList.read(new StringReader("ticker,exchange,cik,name\nNOTINDEX,NYSE,1,A\n"
                + "HUGE,NYSE,2,B\nCONTROL,NYSE,3,C\nSNOW,NYSE,1640147,Snowflake Inc.\n"), "test");
        SecEdgarFeed feed = new SecEdgarFeed(sources.baseUri().resolve("/sec"), companies,
                client(snowFacts.length), EventReader.strictTreeReader(new ObjectMapper()), new ImportLimits(() -> WINDOW, TestData.MAX_ROWS));
        // The limit is Snowflake's document's size: it passes, one byte more does not.
        feed.run(run());

        Map<String, CompanyStatus> statuses = statuses();
        assertEquals("not a submissions index: filings.recent.accessionNumber and form must be arrays of the same length",
                statuses.get("NOTINDEX").lastError());
        assertEquals("GET 127.0.0.1/sec/api/xbrl/companyfacts/CIK0000000002.json: the document is larger than "
                + snowFacts.length + " bytes (feeds.max-document-bytes)", statuses.get("HUGE").lastError());
        assertEquals("the submissions index lists no 10-Q or 10-K", statuses.get("CONTROL").lastError());
        assertNull(statuses.get("SNOW").lastError());
        assertEquals(23, published.size());
    }

    private void assertVerdict(String ticker, Supplier<List<? extends IngestEvent>> importer, CompanyStatus status) {
        try {
            List<? extends IngestEvent> events = importer.get();
            assertNull(status.lastError(), ticker);
            assertEquals(events, published.stream().filter(event -> event.key().equals(ticker)).toList(), ticker);
        } catch (RuntimeException refused) {
            assertEquals(Failures.describe(refused), status.lastError(), ticker);
            assertFalse(published.stream().anyMatch(event -> event.key().equals(ticker)), ticker);
        }
        System.out.println("[hostile input] " + ticker + ": " + (status.lastError() != null ? status.lastError()
                : "published " + published.stream().filter(event -> event.key().equals(ticker)).toList()));
    }

    private byte[] huge() {
        StringBuilder csv = new StringBuilder(HEADER);
        while (csv.length() <= MAX_BYTES) {
            csv.append("2024-03-01,1,1,1,101.5,100\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static CompanyList companies(Iterable<String> tickers) {
        StringBuilder csv = new StringBuilder("ticker,exchange,cik,name\n");
        tickers.forEach(ticker -> csv.append(ticker).append(",Nasdaq,,").append(ticker).append(" Inc.\n"));
        return CompanyList.read(new StringReader(csv.toString()), "test");
    }

    private SourceClient client() {
        return client(MAX_BYTES);
    }

    private SourceClient client(int maxBytes) {
        return new SourceClient(HttpClient.newHttpClient(), "hostile input test test@example.com", new FairAccessLimiter(10),
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(100)), 2, maxBytes, Duration.ofSeconds(30), () -> {
                });
    }

    private FeedRun run() {
        return new FeedRun(state, (events, ids) -> {
            published.addAll(events);
            return events.size();
        }, new FeedMeters(new SimpleMeterRegistry()), Clock.systemUTC());
    }

    private Map<String, CompanyStatus> statuses() {
        Map<String, CompanyStatus> statuses = new LinkedHashMap<>();
        state.view(null).companies().forEach(status -> statuses.put(status.ticker(), status));
        return statuses;
    }
}
