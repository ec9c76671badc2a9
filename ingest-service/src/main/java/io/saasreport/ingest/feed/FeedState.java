package io.saasreport.ingest.feed;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * What one feed remembers between runs: the ids of the events it has published (so an overlapping fetch publishes
 * only what is new), each company's last result, and the last run's outcome. In memory: after a restart a feed
 * publishes its sources once more, which changes nothing downstream (same ids, same values: replays are no-ops).
 */
final class FeedState {

    private final String name;
    private final boolean enabled;
    private final String schedule;
    private final Set<String> published = ConcurrentHashMap.newKeySet();
    private final Map<String, CompanyStatus> companies = new ConcurrentSkipListMap<>();

    private boolean running;
    private long runs;
    private Instant lastRunStartedAt;
    private Instant lastRunFinishedAt;
    private FeedOutcome lastOutcome;
    private Instant lastSuccessAt;
    private Instant retryAt;
    private int consecutiveFailures;
    private FeedView.Counts lastRun = FeedView.Counts.ZERO;
    private FeedView.Counts total = FeedView.Counts.ZERO;
    private String lastError;

    FeedState(String name, boolean enabled, String schedule) {
        this.name = name;
        this.enabled = enabled;
        this.schedule = schedule;
    }

    String name() {
        return name;
    }

    boolean enabled() {
        return enabled;
    }

    String schedule() {
        return schedule;
    }

    /** False when a run is under way already: runs of one feed never overlap. */
    synchronized boolean tryStart(Instant now) {
        if (running) {
            return false;
        }
        running = true;
        runs++;
        lastRunStartedAt = now;
        retryAt = null;
        return true;
    }

    synchronized void finish(Instant now, FeedOutcome outcome, FeedView.Counts counts, String error) {
        running = false;
        lastRunFinishedAt = now;
        lastOutcome = outcome;
        lastRun = counts;
        total = total.plus(counts);
        lastError = error;
        if (outcome == FeedOutcome.FAILURE) {
            consecutiveFailures++;
        } else {
            consecutiveFailures = 0;
            lastSuccessAt = now;
        }
    }

    synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    synchronized void retryAt(Instant at) {
        retryAt = at;
    }

    boolean isPublished(String eventId) {
        return published.contains(eventId);
    }

    void published(Collection<String> eventIds) {
        published.addAll(eventIds);
    }

    void company(String ticker, java.util.function.UnaryOperator<CompanyStatus> change) {
        companies.compute(ticker, (key, status) -> change.apply(status != null ? status : CompanyStatus.none(key)));
    }

    synchronized FeedView view(Instant nextScheduledRun) {
        Instant next = retryAt != null && (nextScheduledRun == null || retryAt.isBefore(nextScheduledRun)) ? retryAt
                : nextScheduledRun;
        return new FeedView(name, enabled, schedule, running, runs, lastRunStartedAt, lastRunFinishedAt,
                lastOutcome != null ? lastOutcome.tag() : null, lastSuccessAt, next, retryAt, consecutiveFailures, lastRun,
                total, lastError, List.copyOf(companies.values()));
    }
}
