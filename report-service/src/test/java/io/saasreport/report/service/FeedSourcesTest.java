package io.saasreport.report.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.saasreport.testsupport.RecordedSources;

/** The report's view of the ingest service's feeds, read from a stand-in answering as GET /api/v1/feeds does. */
class FeedSourcesTest {

    private static final String FEEDS = """
            [{"name":"sec-edgar","enabled":true,"schedule":"0 15 * ? * MON-FRI","running":false,"runs":3,
              "lastRunStartedAt":"2026-12-07T14:15:00Z","lastRunFinishedAt":"2026-12-07T14:15:09.5Z","lastOutcome":"partial",
              "lastSuccessAt":"2026-12-07T14:15:09.5Z","nextRunAt":"2026-12-07T15:15:00Z","consecutiveFailures":0,
              "lastRun":{"documentsFetched":41,"documentsUnchanged":0,"eventsPublished":23,"companiesFailed":1},
              "total":{"documentsFetched":41,"documentsUnchanged":0,"eventsPublished":23,"companiesFailed":1},
              "lastError":"1 company failed: see companies[].lastError","companies":[]},
             {"name":"fred-dgs10","enabled":false,"schedule":"0 0 14 ? * MON-FRI","running":false,"runs":0,
              "consecutiveFailures":0,"lastRun":{"documentsFetched":0,"documentsUnchanged":0,"eventsPublished":0,
              "companiesFailed":0},"total":{"documentsFetched":0,"documentsUnchanged":0,"eventsPublished":0,
              "companiesFailed":0},"companies":[]}]
            """;

    private final RecordedSources ingest = RecordedSources.start().serve("/api/v1/feeds", FEEDS.getBytes(StandardCharsets.UTF_8));

    @AfterEach
    void stop() {
        ingest.close();
    }

    @Test
    void showsWhenEachFeedLastUpdated() throws Exception {
        FeedSources.Sources sources = sources(Optional.of(ingest.baseUri().resolve("/api/v1/feeds"))).read();

        assertNull(sources.unavailable());
        assertEquals(List.of(
                new FeedSources.Source("sec-edgar", true, Instant.parse("2026-12-07T14:15:09.5Z"),
                        Instant.parse("2026-12-07T14:15:09.5Z"), "partial", Instant.parse("2026-12-07T15:15:00Z"),
                        "1 company failed: see companies[].lastError"),
                new FeedSources.Source("fred-dgs10", false, null, null, null, null, null)), sources.feeds());
    }

    @Test
    void saysWhyWhenTheFeedsCannotBeShown() throws Exception {
        assertEquals(new FeedSources.Sources(List.of(), "report.feeds.url (REPORT_FEEDS_URL) is not set"),
                sources(Optional.empty()).read());
        assertEquals(new FeedSources.Sources(List.of(), "the ingest service answered HTTP 404"),
                sources(Optional.of(ingest.baseUri().resolve("/elsewhere"))).read());
    }

    private static FeedSources sources(Optional<java.net.URI> url) {
        return new FeedSources(url, Duration.ofSeconds(5), new ObjectMapper());
    }
}
