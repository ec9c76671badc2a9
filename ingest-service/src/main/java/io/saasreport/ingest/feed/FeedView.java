package io.saasreport.ingest.feed;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One feed as {@code GET /api/v1/feeds} shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedView(
        String name,
        boolean enabled,
        String schedule,
        boolean running,
        long runs,
        Instant lastRunStartedAt,
        Instant lastRunFinishedAt,
        String lastOutcome,
        Instant lastSuccessAt,
        Instant nextRunAt,
        Instant retryAt,
        int consecutiveFailures,
        Counts lastRun,
        Counts total,
        String lastError,
        List<CompanyStatus> companies) {

    /** Documents fetched, documents the source said were unchanged, events published, companies that failed. */
    public record Counts(long documentsFetched, long documentsUnchanged, long eventsPublished, long companiesFailed) {

        static final Counts ZERO = new Counts(0, 0, 0, 0);

        Counts plus(Counts other) {
            return new Counts(documentsFetched + other.documentsFetched, documentsUnchanged + other.documentsUnchanged,
                    eventsPublished + other.eventsPublished, companiesFailed + other.companiesFailed);
        }
    }
}
