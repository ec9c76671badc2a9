package io.saasreport.ingest.feed;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** Meters per feed (tag {@code feed}): runs by outcome, documents fetched or unchanged, events published, company failures, retried requests, and the last success. */
@ApplicationScoped
public class FeedMeters {

    public static final String RUNS = "feeds.runs";
    public static final String DOCUMENTS = "feeds.documents";
    public static final String PUBLISHED = "feeds.events.published";
    public static final String COMPANY_FAILURES = "feeds.company.failures";
    public static final String RETRIES = "feeds.requests.retried";
    public static final String LAST_SUCCESS = "feeds.last.success.seconds";

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();

    public FeedMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Every series of the feed at zero from the start, so that rate() and absent() have something to work on. */
    void register(String feed) {
        for (FeedOutcome outcome : FeedOutcome.values()) {
            registry.counter(RUNS, "feed", feed, "outcome", outcome.tag());
        }
        registry.counter(DOCUMENTS, "feed", feed, "result", "fetched");
        registry.counter(DOCUMENTS, "feed", feed, "result", "unchanged");
        registry.counter(PUBLISHED, "feed", feed);
        registry.counter(COMPANY_FAILURES, "feed", feed);
        registry.counter(RETRIES, "feed", feed);
        AtomicLong seconds = lastSuccess.computeIfAbsent(feed, key -> new AtomicLong());
        Gauge.builder(LAST_SUCCESS, seconds, AtomicLong::doubleValue).tag("feed", feed)
                .description("Epoch seconds of the feed's last run that did not fail (0: none yet)").register(registry);
    }

    void run(String feed, FeedOutcome outcome, long epochSecond) {
        registry.counter(RUNS, "feed", feed, "outcome", outcome.tag()).increment();
        if (outcome != FeedOutcome.FAILURE) {
            lastSuccess.get(feed).set(epochSecond);
        }
    }

    void fetched(String feed) {
        registry.counter(DOCUMENTS, "feed", feed, "result", "fetched").increment();
    }

    void unchanged(String feed) {
        registry.counter(DOCUMENTS, "feed", feed, "result", "unchanged").increment();
    }

    void published(String feed, int count) {
        registry.counter(PUBLISHED, "feed", feed).increment(count);
    }

    void companyFailed(String feed) {
        registry.counter(COMPANY_FAILURES, "feed", feed).increment();
    }

    void retried(String feed) {
        registry.counter(RETRIES, "feed", feed).increment();
    }
}
