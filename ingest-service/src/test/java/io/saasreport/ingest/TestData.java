package io.saasreport.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import io.saasreport.ingest.domain.TimeWindow;

/**
 * The real files the importer tests read: those only the tests need under src/test/resources/data, those the local
 * stack's demo loads too from the local-stack module's one copy ({@code /demo/...}); PROVENANCE.md in data/ names all.
 */
public final class TestData {

    public static final String NASDAQ_DDOG = "/demo/prices/DDOG.csv";
    public static final String YAHOO_DDOG = "/data/prices/yahoo-DDOG.csv";
    public static final String STOOQ_DDOG = "/data/prices/stooq-ddog.us.txt";
    public static final String SNOWFLAKE_COMPANY_FACTS = "/demo/snow_facts.json";
    public static final String FRED_DGS10 = "/demo/DGS10.csv";

    /** {@code ingest.max-events-per-request} by default. */
    public static final int MAX_ROWS = 20_000;

    /** The time window of the default settings, as of now. */
    public static TimeWindow window() {
        return TimeWindow.of(LocalDate.of(1990, 1, 1), Duration.ofHours(24), Instant.now());
    }

    public static byte[] bytes(String resource) {
        try (InputStream in = TestData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }

    private TestData() {
    }
}
