package io.saasreport.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.saasreport.ingest.TestData;
import io.saasreport.ingest.domain.IngestEvent;
import io.saasreport.ingest.domain.RejectedRequestException;
import io.saasreport.ingest.domain.RejectionReason;
import io.saasreport.ingest.importer.PriceCsvImporter;
import io.saasreport.testsupport.RecordedSources;

/** Kafka does not acknowledge: the document is not remembered as processed, and the next run publishes it whole. */
class FeedKafkaOutageTest {

    private final RecordedSources sources = RecordedSources.start().serveResource("/prices/DDOG", TestData.STOOQ_DDOG);
    private final FeedState state = new FeedState("test", true, null);
    private final List<IngestEvent> published = new ArrayList<>();

    @AfterEach
    void stop() {
        sources.close();
    }

    @Test
    void aDocumentWhoseEventsKafkaDidNotTakeIsFetchedAndPublishedAgain() throws Exception {
        DailyPriceFeed feed = new DailyPriceFeed(sources.baseUri() + "/prices/{ticker}",
                CompanyList.read(new StringReader("ticker,exchange,cik,name\nDDOG,Nasdaq,1561550,\"Datadog, Inc.\"\n"), "test"),
                new SourceClient(HttpClient.newHttpClient(), "Outage test ops@example.com", new FairAccessLimiter(10),
                        new Backoff(Duration.ofMillis(10), Duration.ofMillis(100)), 2, 1_000_000, Duration.ofSeconds(30), () -> {
                        }), new ImportLimits(TestData::window, TestData.MAX_ROWS));

        feed.run(run((events, ids) -> {
            throw new RejectedRequestException(RejectionReason.KAFKA_UNAVAILABLE, "Kafka did not acknowledge the events",
                    List.of(), Map.of("price", events.size()), null);
        }));
        assertEquals("kafka_unavailable: Kafka did not acknowledge the events", company("DDOG").lastError());

        feed.run(run((events, ids) -> {
            published.addAll(events);
            return events.size();
        }));
        assertNull(company("DDOG").lastError());
        assertEquals(PriceCsvImporter.parse("DDOG", TestData.text(TestData.STOOQ_DDOG), TestData.window(), TestData.MAX_ROWS), published);
        List<RecordedSources.Request> asked = sources.requestsTo("/prices/DDOG");
        assertEquals(List.of(200, 200), asked.stream().map(RecordedSources.Request::status).toList());
        assertTrue(asked.stream().allMatch(request -> request.ifNoneMatch() == null), "not remembered after the outage");
    }

    private FeedRun run(EventSink sink) {
        return new FeedRun(state, sink, new FeedMeters(new SimpleMeterRegistry()), Clock.systemUTC());
    }

    private CompanyStatus company(String ticker) {
        return state.view(null).companies().stream().filter(status -> status.ticker().equals(ticker)).findFirst().orElseThrow();
    }
}
