package io.saasreport.ingest.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;

import org.hibernate.validator.constraints.time.DurationMin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The feeds' settings ({@code feeds.*}): one switch for all, then each feed's own base URL, schedule (a Quartz cron
 * expression, seconds first) and on/off. docs/operations.md ("Feeds") says what an operator has to give.
 */
@ConfigMapping(prefix = "feeds")
public interface FeedsConfig {

    /** The one switch: off, no feed is scheduled or can be run (the local stack and the tests leave it off). */
    @WithDefault("false")
    boolean enabled();

    /**
     * Who is asking, sent as {@code User-Agent} to every source: SEC's fair-access policy wants a name and an e-mail
     * address ("Example Corp ops@example.com"). Required when the feeds are on.
     */
    Optional<String> userAgent();

    /** Another company list ({@code ticker,exchange,cik,name}, a header line first) instead of the shipped one. */
    Optional<Path> companiesFile();

    /** The largest document a feed reads; a larger one is refused for that company while being read. */
    @WithDefault("52428800")
    @Positive
    long maxDocumentBytes();

    /** How long one HTTP request may take (connect and answer). */
    @WithDefault("60s")
    @DurationMin(millis = 1)
    Duration requestTimeout();

    Retry retry();

    Sec sec();

    SecTickers secTickers();

    Prices prices();

    Fred fred();

    interface Retry {
        /** Attempts of one request answered 429, 5xx or not at all, before the company (or feed) is reported failed. */
        @WithDefault("4")
        @Positive
        int attempts();

        /** The wait before the second attempt; doubled for each further one, and at least what Retry-After asks. */
        @WithDefault("2s")
        @DurationMin(millis = 1)
        Duration initialBackoff();

        /** The longest wait between two attempts, and between a failed run and its retry. */
        @WithDefault("10m")
        @DurationMin(millis = 1)
        Duration maxBackoff();

        /** The wait before a failed run is run again (doubled after each further failure, up to max-backoff). */
        @WithDefault("1m")
        @DurationMin(millis = 1)
        Duration runBackoff();
    }

    /** SEC EDGAR: each company's submissions index, and its companyfacts when a new 10-Q or 10-K is listed. */
    interface Sec {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("https://data.sec.gov")
        URI baseUrl();

        /** Hourly on weekdays: a 10-Q is usually in companyfacts within the hour it is filed. */
        @WithDefault("0 15 * ? * MON-FRI")
        String schedule();

        /** SEC's fair-access ceiling is 10 requests per second across its hosts; the ticker file shares the limit. */
        @WithDefault("10")
        @Positive
        @Max(10)
        int maxRequestsPerSecond();
    }

    /** SEC's ticker-to-CIK file, read to resolve the companies listed without a CIK. */
    interface SecTickers {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("https://www.sec.gov/files/company_tickers.json")
        URI url();

        @WithDefault("0 0 6 ? * MON")
        String schedule();
    }

    /** Each company's daily bars as CSV, after the close (Stooq's download format by default). */
    interface Prices {
        @WithDefault("true")
        boolean enabled();

        /**
         * The URL of one company's file: {@code {ticker}} is replaced by the ticker, {@code {ticker-lowercase}} by it in
         * lower case. A source that wants an API key takes it in this template (from the environment). The default asks
         * from 1990 on: the door refuses a file with a day before ingest.earliest-date.
         */
        @WithDefault("https://stooq.com/q/d/l/?s={ticker-lowercase}.us&i=d&d1=19900101")
        String urlTemplate();

        /** 22:30 UTC, after the 16:00 New York close in summer and winter alike. */
        @WithDefault("0 30 22 ? * MON-FRI")
        String schedule();

        @WithDefault("2")
        @Positive
        int maxRequestsPerSecond();
    }

    /** FRED's 10-year treasury constant-maturity yield (DGS10), published the next business day. */
    interface Fred {
        @WithDefault("true")
        boolean enabled();

        /** From 1990 on (cosd): the door refuses a file with a day before ingest.earliest-date, and DGS10 starts 1962. */
        @WithDefault("https://fred.stlouisfed.org/graph/fredgraph.csv?id=DGS10&cosd=1990-01-01")
        URI url();

        @WithDefault("0 0 14 ? * MON-FRI")
        String schedule();
    }
}
