package io.saasreport.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.saasreport.testsupport.RecordedSources;

/** The HTTP side of the feeds against a local stand-in that counts what arrives and when. */
class SourceClientTest {

    private static final byte[] DOCUMENT = "observation_date,DGS10\n2024-03-01,4.18\n".getBytes(StandardCharsets.UTF_8);

    private final RecordedSources sources = RecordedSources.start().serve("/doc", DOCUMENT);
    private final AtomicInteger retries = new AtomicInteger();

    @AfterEach
    void stop() {
        sources.close();
    }

    @Test
    void neverMoreThanTenRequestsInAnySecondAsTheServerCountsThem() throws Exception {
        SourceClient client = client(10);
        URI uri = sources.baseUri().resolve("/doc");
        ExecutorService threads = Executors.newFixedThreadPool(6);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            done.add(threads.submit(() -> client.fetchIfChanged(uri)));
        }
        for (Future<?> request : done) {
            request.get();
        }
        threads.shutdown();

        assertEquals(45, sources.requestsTo("/doc").size());
        int most = sources.maxRequestsInAnySecond("/doc");
        assertTrue(most <= 10, most + " requests arrived within one second");
    }

    @Test
    void asksAgainOnlyWithTheVersionItRemembersAndNamesTheOperator() throws Exception {
        SourceClient client = client(10);
        URI uri = sources.baseUri().resolve("/doc");

        SourceClient.Document first = client.fetchIfChanged(uri).orElseThrow();
        assertEquals(new String(DOCUMENT, StandardCharsets.UTF_8), new String(first.body(), StandardCharsets.UTF_8));
        assertTrue(client.fetchIfChanged(uri).isPresent(), "not remembered yet: fetched again");
        client.remember(first);
        assertTrue(client.fetchIfChanged(uri).isEmpty());

        List<RecordedSources.Request> asked = sources.requestsTo("/doc");
        assertEquals(List.of(200, 200, 304), asked.stream().map(RecordedSources.Request::status).toList());
        assertEquals(first.validators().etag().orElseThrow(), asked.get(2).ifNoneMatch());
        assertTrue(asked.stream().allMatch(request -> request.userAgent().equals("Feed tests ops@example.com")));
    }

    @Test
    void retriesOverloadAndServerErrorsButNotAMissingDocument() throws Exception {
        SourceClient client = client(10);
        sources.failNext("/doc", 503, 2, null);
        assertTrue(client.fetchIfChanged(sources.baseUri().resolve("/doc")).isPresent());
        assertEquals(2, retries.get());

        SourceException missing = assertThrows(SourceException.class,
                () -> client.fetchIfChanged(sources.baseUri().resolve("/gone?apikey=secret")));
        assertEquals("GET 127.0.0.1/gone: HTTP 404", missing.getMessage());
        assertEquals(1, sources.requestsTo("/gone?apikey=secret").size());

        sources.failNext("/doc", 429, 3, "0");
        SourceException overloaded = assertThrows(SourceException.class,
                () -> client.fetchIfChanged(sources.baseUri().resolve("/doc")));
        assertEquals("GET 127.0.0.1/doc: HTTP 429 (after 3 attempts)", overloaded.getMessage());
    }

    private SourceClient client(int perSecond) {
        return new SourceClient(HttpClient.newHttpClient(), "Feed tests ops@example.com", new FairAccessLimiter(perSecond),
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(200)), 3, 1_000_000, Duration.ofSeconds(30),
                retries::incrementAndGet);
    }
}
