package io.saasreport.ingest.feed;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GETs documents from one kind of source: names the operator in {@code User-Agent}, keeps to the source's request
 * rate, retries 429, 5xx and unanswered requests with backoff (at least as long as {@code Retry-After} asks), refuses a
 * document above the size limit while reading it, and asks again with {@code If-None-Match}/{@code If-Modified-Since}
 * for a document it has {@link #remember remembered}, so that an unchanged document is not downloaded twice.
 */
public final class SourceClient {

    private static final Set<Integer> RETRIED = Set.of(429, 500, 502, 503, 504);

    private final HttpClient http;
    private final String userAgent;
    private final FairAccessLimiter limiter;
    private final Backoff backoff;
    private final int attempts;
    private final long maxBytes;
    private final Duration timeout;
    private final Runnable onRetry;
    private final Map<URI, Validators> validators = new ConcurrentHashMap<>();

    public SourceClient(HttpClient http, String userAgent, FairAccessLimiter limiter, Backoff backoff, int attempts,
            long maxBytes, Duration timeout, Runnable onRetry) {
        this.http = http;
        this.userAgent = userAgent;
        this.limiter = limiter;
        this.backoff = backoff;
        this.attempts = attempts;
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.onRetry = onRetry;
    }

    /** A fetched document and what identifies its version ({@code ETag}, {@code Last-Modified}), if the source said. */
    public record Document(URI uri, byte[] body, Validators validators) {
    }

    public record Validators(Optional<String> etag, Optional<String> lastModified) {
    }

    /** The document, or empty when the source says it has not changed since the version {@link #remember remembered}. */
    public Optional<Document> fetchIfChanged(URI uri) throws SourceException, InterruptedException {
        return get(uri, Optional.ofNullable(validators.get(uri)));
    }

    /** Not asked for again unless it changed: call once the document's events are published. */
    public void remember(Document document) {
        Validators version = document.validators();
        if (version.etag().isPresent() || version.lastModified().isPresent()) {
            validators.put(document.uri(), version);
        }
    }

    private Optional<Document> get(URI uri, Optional<Validators> known) throws SourceException, InterruptedException {
        for (int attempt = 1;; attempt++) {
            Answer answer = once(uri, known);
            if (answer.document != null || answer.unchanged) {
                return Optional.ofNullable(answer.document);
            }
            if (!answer.retryable || attempt >= attempts) {
                throw new SourceException(answer.failure + (attempt > 1 ? " (after " + attempt + " attempts)" : ""));
            }
            onRetry.run();
            Thread.sleep(backoff.after(attempt, answer.retryAfter).toMillis());
        }
    }

    private Answer once(URI uri, Optional<Validators> known) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("User-Agent", userAgent)
                .header("Accept", "application/json, text/csv, text/plain, */*");
        known.flatMap(Validators::etag).ifPresent(etag -> request.header("If-None-Match", etag));
        known.flatMap(Validators::lastModified).ifPresent(date -> request.header("If-Modified-Since", date));
        String what = "GET " + uri.getHost() + uri.getRawPath();
        limiter.acquire();
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                if (status == 304) {
                    return Answer.notModified();
                }
                if (status != 200) {
                    return Answer.failed(what + ": HTTP " + status, RETRIED.contains(status), retryAfter(response));
                }
                byte[] bytes = readAtMost(body, what);
                return Answer.of(new Document(uri, bytes, new Validators(response.headers().firstValue("ETag"),
                        response.headers().firstValue("Last-Modified"))));
            }
        } catch (TooLargeException e) {
            return Answer.failed(e.getMessage(), false, Optional.empty());
        } catch (IOException e) {
            return Answer.failed(what + ": " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()),
                    true, Optional.empty());
        } finally {
            limiter.release();
        }
    }

    private byte[] readAtMost(InputStream body, String what) throws IOException {
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new TooLargeException(what + ": the document is larger than " + maxBytes + " bytes (feeds.max-document-bytes)");
        }
        return bytes;
    }

    /** Retry-After in seconds or as an HTTP date. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
            } catch (NumberFormatException notSeconds) {
                try {
                    Duration until = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(value.trim(),
                            DateTimeFormatter.RFC_1123_DATE_TIME));
                    return Optional.of(until.isNegative() ? Duration.ZERO : until);
                } catch (DateTimeParseException notADate) {
                    return Optional.empty();
                }
            }
        });
    }

    private static final class TooLargeException extends IOException {
        TooLargeException(String message) {
            super(message);
        }
    }

    private record Answer(Document document, boolean unchanged, String failure, boolean retryable, Optional<Duration> retryAfter) {
        static Answer of(Document document) {
            return new Answer(document, false, null, false, Optional.empty());
        }

        static Answer notModified() {
            return new Answer(null, true, null, false, Optional.empty());
        }

        static Answer failed(String why, boolean retryable, Optional<Duration> retryAfter) {
            return new Answer(null, false, why, retryable, retryAfter);
        }
    }
}
