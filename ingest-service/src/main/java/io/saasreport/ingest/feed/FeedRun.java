package io.saasreport.ingest.feed;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.saasreport.ingest.domain.IngestEvent;

/**
 * One run of one feed: counts what it fetched and published, and records each company's result. Events go through
 * the API's own publisher ({@link EventSink}), each with its id derived from the source; an event whose id this feed has
 * already published is left out, so a second fetch of an unchanged source publishes nothing.
 */
public final class FeedRun {

    private final FeedState state;
    private final EventSink publisher;
    private final FeedMeters meters;
    private final Clock clock;
    private final AtomicLong fetched = new AtomicLong();
    private final AtomicLong unchanged = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong companiesFailed = new AtomicLong();
    private final AtomicLong companiesChecked = new AtomicLong();

    FeedRun(FeedState state, EventSink publisher, FeedMeters meters, Clock clock) {
        this.state = state;
        this.publisher = publisher;
        this.meters = meters;
        this.clock = clock;
    }

    public void fetched() {
        fetched.incrementAndGet();
        meters.fetched(state.name());
    }

    public void unchanged() {
        unchanged.incrementAndGet();
        meters.unchanged(state.name());
    }

    /** One company's part of a run; fails for that company alone. */
    @FunctionalInterface
    public interface CompanyCheck {
        void check(Company company) throws Exception;
    }

    /**
     * Checks every company of the list in turn: one's failure is recorded as its own ({@link #companyFailed}) and the
     * others go on; only an interruption ends the run.
     */
    public void forEachCompany(CompanyList companies, CompanyCheck check) throws InterruptedException {
        for (Company company : companies.companies()) {
            try {
                check.check(company);
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                companyFailed(company.ticker(), Failures.describe(e));
            }
        }
    }

    /** Turns a source document into events; fails on a document it cannot read. */
    @FunctionalInterface
    public interface Parser {
        List<? extends IngestEvent> events(byte[] body) throws Exception;
    }

    /** A document published: the document and how many of its events were new. */
    public record Published(SourceClient.Document document, int count) {
    }

    /**
     * Fetches {@code uri} if it changed since it was last remembered, turns it into events, publishes those not
     * published before, and only then remembers the document: one whose events did not all reach Kafka is fetched
     * again next time. Empty when the document is unchanged.
     */
    public Optional<Published> publishChanged(SourceClient client, URI uri, Parser parser,
            Function<? super IngestEvent, String> ids) throws Exception {
        Optional<SourceClient.Document> document = client.fetchIfChanged(uri);
        if (document.isEmpty()) {
            unchanged();
            return Optional.empty();
        }
        fetched();
        int count = publish(parser.events(document.get().body()), ids);
        client.remember(document.get());
        return Optional.of(new Published(document.get(), count));
    }

    /** Publishes the events not published before (by id) and waits for Kafka's acknowledgement; answers how many. */
    public int publish(List<? extends IngestEvent> events, Function<? super IngestEvent, String> ids) {
        List<? extends IngestEvent> fresh = events.stream().filter(event -> !state.isPublished(ids.apply(event))).toList();
        int count = publisher.publish(fresh, ids);
        state.published(fresh.stream().map(ids).toList());
        published.addAndGet(count);
        meters.published(state.name(), count);
        return count;
    }

    /** The company was checked fine: {@code published} events for it, {@code version} the source's version processed. */
    public void companyChecked(String ticker, int publishedForCompany, String version) {
        companiesChecked.incrementAndGet();
        state.company(ticker, status -> status.checked(clock.instant(), publishedForCompany, version));
    }

    public void companyFailed(String ticker, String why) {
        companiesFailed.incrementAndGet();
        meters.companyFailed(state.name());
        state.company(ticker, status -> status.failed(clock.instant(), why));
    }

    FeedView.Counts counts() {
        return new FeedView.Counts(fetched.get(), unchanged.get(), published.get(), companiesFailed.get());
    }

    /** Every company failed (and there was one): the feed as a whole did not work. */
    boolean allCompaniesFailed() {
        return companiesFailed.get() > 0 && companiesChecked.get() == 0;
    }

    long companiesFailedCount() {
        return companiesFailed.get();
    }
}
