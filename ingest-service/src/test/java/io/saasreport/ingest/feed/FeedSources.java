package io.saasreport.ingest.feed;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.saasreport.ingest.TestData;
import io.saasreport.testsupport.RecordedSources;
import io.saasreport.testsupport.SecDocuments;

/**
 * The stand-in sources of {@link FeedsTest}, serving the recordings (PROVENANCE.md of test-support's recordings/, local-stack's
 * demo/, and of this module's data/) at the real sources' paths, and the feeds' settings pointing at it. Four companies
 * (test-companies.csv): Snowflake (its real companyfacts; its index made from them), Tesla (listed without a CIK, which
 * SEC's real ticker file gives; its real index and companyfacts, first as they stood before the newest 10-Q),
 * Logistic Properties of the Americas (a foreign filer: 20-F only) and Datadog (a truncated companyfacts document).
 */
public class FeedSources implements QuarkusTestResourceLifecycleManager {

    static final String SEC = "/sec";
    static final String SNOW_INDEX = SEC + "/submissions/CIK0001640147.json";
    static final String SNOW_FACTS = SEC + "/api/xbrl/companyfacts/CIK0001640147.json";
    static final String TSLA_INDEX = SEC + "/submissions/CIK0001318605.json";
    static final String TSLA_FACTS = SEC + "/api/xbrl/companyfacts/CIK0001318605.json";
    static final String LPA_INDEX = SEC + "/submissions/CIK0001997711.json";
    static final String LPA_FACTS = SEC + "/api/xbrl/companyfacts/CIK0001997711.json";
    static final String DDOG_INDEX = SEC + "/submissions/CIK0001561550.json";
    static final String DDOG_FACTS = SEC + "/api/xbrl/companyfacts/CIK0001561550.json";
    static final String TICKERS = "/files/company_tickers.json";
    static final String DDOG_PRICES = "/q/d/l/?s=ddog.us&i=d";
    static final String SNOW_PRICES = "/q/d/l/?s=snow.us&i=d";
    static final String FRED = "/graph/fredgraph.csv?id=DGS10";

    static final String TSLA_NEWEST_10Q = "0000950170-22-019867";
    static final String SNOW_FACTS_RESOURCE = TestData.SNOWFLAKE_COMPANY_FACTS;
    static final String TSLA_FACTS_RESOURCE = "/recordings/sec/tsla_facts.json";
    static final String TSLA_INDEX_RESOURCE = "/recordings/sec/tsla_submissions.json";
    static final String LPA_FACTS_RESOURCE = "/recordings/sec/lpa_facts.json";
    static final String SNOW_PRICES_RESOURCE = "/demo/prices/SNOW.csv";
    /** A cut-off document: what a broken download or a bad upstream answer looks like. */
    static final int MALFORMED_LENGTH = 4096;

    private static RecordedSources sources;

    static RecordedSources sources() {
        return sources;
    }

    static byte[] tslaFactsBefore() {
        return SecDocuments.companyFactsWithout(RecordedSources.resource(TSLA_FACTS_RESOURCE), TSLA_NEWEST_10Q);
    }

    @Override
    public Map<String, String> start() {
        byte[] snowFacts = RecordedSources.resource(SNOW_FACTS_RESOURCE);
        sources = RecordedSources.start()
                .serve(SNOW_INDEX, SecDocuments.submissionsFromCompanyFacts(snowFacts))
                .serve(SNOW_FACTS, snowFacts)
                .serve(TSLA_INDEX, SecDocuments.submissionsBefore(RecordedSources.resource(TSLA_INDEX_RESOURCE), TSLA_NEWEST_10Q))
                .serve(TSLA_FACTS, tslaFactsBefore())
                .serve(LPA_INDEX, SecDocuments.submissionsFromCompanyFacts(RecordedSources.resource(LPA_FACTS_RESOURCE)))
                .serveResource(LPA_FACTS, LPA_FACTS_RESOURCE)
                .serve(DDOG_INDEX, SecDocuments.submissionsFromCompanyFacts(snowFacts))
                .serve(DDOG_FACTS, Arrays.copyOf(snowFacts, MALFORMED_LENGTH))
                .serveResource(TICKERS, "/recordings/sec/company_tickers.json")
                .serveResource(DDOG_PRICES, TestData.STOOQ_DDOG)
                .serveResource(SNOW_PRICES, SNOW_PRICES_RESOURCE)
                .serveResource(FRED, TestData.FRED_DGS10);
        String base = sources.baseUri().toString();
        String never = "0 0 0 1 1 ? 2099";
        return Map.ofEntries(
                Map.entry("feeds.enabled", "true"),
                Map.entry("feeds.user-agent", "SaaS report feed tests feeds-test@example.com"),
                Map.entry("feeds.companies-file", companiesFile()),
                Map.entry("feeds.sec.base-url", base + SEC),
                Map.entry("feeds.sec.schedule", never),
                Map.entry("feeds.sec-tickers.url", base + TICKERS),
                Map.entry("feeds.sec-tickers.schedule", never),
                Map.entry("feeds.prices.url-template", base + "/q/d/l/?s={ticker-lowercase}.us&i=d"),
                Map.entry("feeds.prices.schedule", never),
                Map.entry("feeds.fred.url", base + FRED),
                Map.entry("feeds.fred.schedule", never),
                Map.entry("feeds.retry.attempts", "3"),
                Map.entry("feeds.retry.initial-backoff", "50ms"),
                Map.entry("feeds.retry.max-backoff", "5s"),
                Map.entry("feeds.retry.run-backoff", "300ms"));
    }

    private static String companiesFile() {
        try {
            return Path.of(FeedSources.class.getResource("/feeds/test-companies.csv").toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (sources != null) {
            sources.close();
        }
    }
}
