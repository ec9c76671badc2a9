package io.saasreport.ingest.feed;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.saasreport.ingest.config.FeedsConfig;
import io.saasreport.ingest.domain.CompanyEvent;
import io.saasreport.contracts.EventError;
import io.saasreport.ingest.domain.EventValidator;
import io.saasreport.ingest.domain.Position;
import io.saasreport.ingest.service.EventPublisher;
import io.saasreport.ingest.service.EventReader;
import io.saasreport.ingest.service.ImportLimits;

/**
 * The feeds: built from {@code feeds.*} at start, each scheduled by Quarkus' scheduler on its own cron expression,
 * run one at a time per feed (a scheduled run, a retry and {@code POST /api/v1/feeds/{name}/run} never overlap), a
 * failed run retried after a growing wait. Every run first publishes the companies' profiles (once per process),
 * so that the listed companies are the default universe's members.
 */
@Startup
@ApplicationScoped
public class Feeds {

    private static final Logger LOG = Logger.getLogger(Feeds.class);
    private static final String SHIPPED_LIST = "/feeds/companies.csv";

    private final FeedsConfig config;
    private final EventPublisher publisher;
    private final FeedMeters meters;
    private final Scheduler scheduler;
    private final ObjectMapper mapper;
    private final ImportLimits limits;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, FeedState> states = new LinkedHashMap<>();
    private final Map<String, Feed> feeds = new LinkedHashMap<>();
    private final ExecutorService runner = Executors.newCachedThreadPool(daemon("feed-run"));
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(daemon("feed-retry"));
    private final FeedState profiles = new FeedState("company-profiles", true, null);
    private CompanyList companies;

    @Inject
    public Feeds(FeedsConfig config, EventPublisher publisher, FeedMeters meters, Scheduler scheduler, ObjectMapper mapper,
            ImportLimits limits) {
        this.config = config;
        this.limits = limits;
        this.publisher = publisher;
        this.meters = meters;
        this.scheduler = scheduler;
        this.mapper = mapper;
        build();
    }

    private void build() {
        Map<String, Boolean> on = Map.of(
                SecTickerFeed.NAME, config.secTickers().enabled(),
                SecEdgarFeed.NAME, config.sec().enabled(),
                DailyPriceFeed.NAME, config.prices().enabled(),
                TreasuryYieldFeed.NAME, config.fred().enabled());
        Map<String, String> schedules = Map.of(
                SecTickerFeed.NAME, config.secTickers().schedule(),
                SecEdgarFeed.NAME, config.sec().schedule(),
                DailyPriceFeed.NAME, config.prices().schedule(),
                TreasuryYieldFeed.NAME, config.fred().schedule());
        for (String name : List.of(SecTickerFeed.NAME, SecEdgarFeed.NAME, DailyPriceFeed.NAME, TreasuryYieldFeed.NAME)) {
            states.put(name, new FeedState(name, config.enabled() && on.get(name), schedules.get(name)));
        }
        if (!config.enabled()) {
            return;
        }
        String userAgent = requiredUserAgent(config.userAgent());
        companies = companyList();
        checkProfiles();
        HttpClient http = HttpClient.newBuilder().connectTimeout(config.requestTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        // SEC counts requests per client across its hosts: the ticker file and EDGAR share one limit.
        FairAccessLimiter sec = new FairAccessLimiter(config.sec().maxRequestsPerSecond());
        ObjectReader json = EventReader.strictTreeReader(mapper);
        add(new SecTickerFeed(config.secTickers().url(), companies, client(http, userAgent, sec, SecTickerFeed.NAME), json));
        add(new SecEdgarFeed(config.sec().baseUrl(), companies, client(http, userAgent, sec, SecEdgarFeed.NAME), json,
                limits));
        add(new DailyPriceFeed(config.prices().urlTemplate(), companies, client(http, userAgent,
                new FairAccessLimiter(config.prices().maxRequestsPerSecond()), DailyPriceFeed.NAME), limits));
        add(new TreasuryYieldFeed(config.fred().url(), client(http, userAgent, new FairAccessLimiter(1), TreasuryYieldFeed.NAME),
                limits));
    }

    /** SEC answers anonymous clients 403 and asks every client to name itself: the feeds do not start without it. */
    static String requiredUserAgent(Optional<String> configured) {
        return configured.map(String::strip).filter(agent -> !agent.isEmpty()).orElseThrow(() -> new IllegalStateException(
                "feeds.enabled=true needs feeds.user-agent (FEEDS_USER_AGENT): a name and an e-mail address, as SEC's "
                        + "fair-access policy asks, e.g. \"Example Corp ops@example.com\""));
    }

    private void add(Feed feed) {
        FeedState state = states.get(feed.name());
        meters.register(feed.name());
        if (!state.enabled()) {
            return;
        }
        feeds.put(feed.name(), feed);
        scheduler.newJob(feed.name()).setCron(state.schedule())
                .setConcurrentExecution(ConcurrentExecution.SKIP)
                .setTask(execution -> start(feed.name()))
                .schedule();
    }

    private SourceClient client(HttpClient http, String userAgent, FairAccessLimiter limiter, String feed) {
        return new SourceClient(http, userAgent, limiter,
                new Backoff(config.retry().initialBackoff(), config.retry().maxBackoff()), config.retry().attempts(),
                config.maxDocumentBytes(), config.requestTimeout(), () -> meters.retried(feed));
    }

    private CompanyList companyList() {
        Optional<java.nio.file.Path> file = config.companiesFile();
        try (Reader reader = file.isPresent() ? Files.newBufferedReader(file.get(), StandardCharsets.UTF_8)
                : new InputStreamReader(Feeds.class.getResourceAsStream(SHIPPED_LIST), StandardCharsets.UTF_8)) {
            return CompanyList.read(reader, file.map(Object::toString).orElse("the shipped " + SHIPPED_LIST));
        } catch (IOException e) {
            throw new UncheckedIOException("feeds.companies-file: " + e.getMessage(), e);
        }
    }

    /** The profiles are checked as the events API checks a company event: a list that would be refused stops the start. */
    private void checkProfiles() {
        for (CompanyEvent profile : profileEvents()) {
            List<EventError> errors = EventValidator.validate(mapper.valueToTree(profile), Position.index(0));
            if (!errors.isEmpty()) {
                throw new IllegalArgumentException("The company list's " + profile.ticker() + " is not a valid company: "
                        + errors.get(0).field() + " " + errors.get(0).message());
            }
        }
    }

    private List<CompanyEvent> profileEvents() {
        return companies.companies().stream().map(company -> new CompanyEvent(company.ticker(), company.name())).toList();
    }

    /** Every feed, on or off, as {@code GET /api/v1/feeds} shows it. */
    public List<FeedView> views() {
        return states.values().stream().map(state -> state.view(nextRun(state.name()))).toList();
    }

    private Instant nextRun(String name) {
        Trigger trigger = feeds.containsKey(name) ? scheduler.getScheduledJob(name) : null;
        return trigger != null ? trigger.getNextFireTime() : null;
    }

    public boolean exists(String name) {
        return states.containsKey(name);
    }

    public boolean isOn(String name) {
        return feeds.containsKey(name);
    }

    /** Starts a run in the background; false when one is under way already. */
    public boolean start(String name) {
        FeedState state = states.get(name);
        Feed feed = feeds.get(name);
        if (feed == null || !state.tryStart(clock.instant())) {
            return false;
        }
        runner.execute(() -> runStarted(feed, state));
        return true;
    }

    private void runStarted(Feed feed, FeedState state) {
        FeedRun run = new FeedRun(state, publisher::publish, meters, clock);
        FeedOutcome outcome;
        String error = null;
        try {
            publishProfiles();
            if (feed.name().equals(SecEdgarFeed.NAME) && !companies.withoutCik().isEmpty() && feeds.containsKey(SecTickerFeed.NAME)
                    && states.get(SecTickerFeed.NAME).tryStart(clock.instant())) {
                runStarted(feeds.get(SecTickerFeed.NAME), states.get(SecTickerFeed.NAME));
            }
            feed.run(run);
            outcome = run.allCompaniesFailed() ? FeedOutcome.FAILURE
                    : run.companiesFailedCount() > 0 ? FeedOutcome.PARTIAL : FeedOutcome.SUCCESS;
            if (outcome != FeedOutcome.SUCCESS) {
                error = run.companiesFailedCount() + " compan" + (run.companiesFailedCount() == 1 ? "y" : "ies")
                        + " failed: see companies[].lastError";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = FeedOutcome.FAILURE;
            error = "interrupted (the service is stopping)";
        } catch (Exception | LinkageError e) {
            outcome = FeedOutcome.FAILURE;
            error = Failures.describe(e instanceof Exception exception ? exception : new IllegalStateException(e));
        }
        Instant now = clock.instant();
        state.finish(now, outcome, run.counts(), error);
        meters.run(feed.name(), outcome, now.getEpochSecond());
        if (outcome == FeedOutcome.FAILURE) {
            Duration wait = new Backoff(config.retry().runBackoff(), config.retry().maxBackoff())
                    .after(state.consecutiveFailures(), Optional.empty());
            state.retryAt(now.plus(wait));
            LOG.warnf("Feed %s failed (%s); running it again in %s", feed.name(), error, wait);
            retries.schedule(() -> start(feed.name()), wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void publishProfiles() {
        FeedRun run = new FeedRun(profiles, publisher::publish, meters, clock);
        run.publish(profileEvents(), event -> "company-profiles/" + ((CompanyEvent) event).ticker() + "/"
                + ((CompanyEvent) event).name());
    }

    @PreDestroy
    void stop() {
        retries.shutdownNow();
        runner.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
