package io.saasreport.report.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.saasreport.report.config.ReportConfig;

/**
 * When each of the ingest service's feeds last updated, read from its {@code GET /api/v1/feeds} at each request (the
 * dashboard polls it): the report holds no copy, so it never shows a state older than the ingest service's.
 */
@ApplicationScoped
public class FeedSources {

    /** One feed as the dashboard shows it. */
    public record Source(String name, boolean enabled, Instant lastSuccessAt, Instant lastRunFinishedAt, String lastOutcome,
            Instant nextRunAt, String lastError) {
    }

    /** The feeds, or why they cannot be shown ({@code unavailable}; {@code feeds} then empty). */
    public record Sources(List<Source> feeds, String unavailable) {
    }

    private final Optional<URI> url;
    private final Duration timeout;
    private final ObjectMapper mapper;
    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    public FeedSources(ReportConfig config, ObjectMapper mapper) {
        this(config.feeds().url(), config.feeds().timeout(), mapper);
    }

    FeedSources(Optional<URI> url, Duration timeout, ObjectMapper mapper) {
        this.url = url;
        this.timeout = timeout;
        this.mapper = mapper;
    }

    public Sources read() throws InterruptedException {
        if (url.isEmpty()) {
            return new Sources(List.of(), "report.feeds.url (REPORT_FEEDS_URL) is not set");
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url.get()).timeout(timeout)
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return new Sources(List.of(), "the ingest service answered HTTP " + response.statusCode());
            }
            List<Source> feeds = new ArrayList<>();
            for (JsonNode feed : mapper.readTree(response.body())) {
                feeds.add(new Source(feed.path("name").asText(), feed.path("enabled").asBoolean(), instant(feed, "lastSuccessAt"),
                        instant(feed, "lastRunFinishedAt"), text(feed, "lastOutcome"), instant(feed, "nextRunAt"),
                        text(feed, "lastError")));
            }
            return new Sources(feeds, null);
        } catch (IOException | RuntimeException e) {
            return new Sources(List.of(), "the ingest service's feeds cannot be read: "
                    + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()));
        }
    }

    private static Instant instant(JsonNode feed, String field) {
        return feed.path(field).isTextual() ? Instant.parse(feed.path(field).asText()) : null;
    }

    private static String text(JsonNode feed, String field) {
        return feed.path(field).isTextual() ? feed.path(field).asText() : null;
    }
}
