package io.saasreport.ingest.feed;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One company's last result in one feed: when it was last checked, when events were last published for it and how
 * many in all, the source's version last processed (an accession number for SEC), and its last error, kept until the
 * company is checked fine again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompanyStatus(String ticker, Instant checkedAt, Instant publishedAt, long eventsPublished, String version,
        String lastError, Instant lastErrorAt) {

    static CompanyStatus none(String ticker) {
        return new CompanyStatus(ticker, null, null, 0, null, null, null);
    }

    CompanyStatus checked(Instant at, int published, String processedVersion) {
        return new CompanyStatus(ticker, at, published > 0 ? at : publishedAt, eventsPublished + published,
                processedVersion != null ? processedVersion : version, null, null);
    }

    CompanyStatus failed(Instant at, String why) {
        return new CompanyStatus(ticker, at, publishedAt, eventsPublished, version, why, at);
    }
}
