package io.saasreport.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The real files under src/test/resources/data (see PROVENANCE.md there). */
public final class TestData {

    public static final String NASDAQ_DDOG = "/data/prices/nasdaq-DDOG.csv";
    public static final String YAHOO_DDOG = "/data/prices/yahoo-DDOG.csv";
    public static final String STOOQ_DDOG = "/data/prices/stooq-ddog.us.txt";
    public static final String SNOWFLAKE_COMPANY_FACTS = "/data/sec/snow_facts.json";
    public static final String FRED_DGS10 = "/data/fred/DGS10.csv";

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
