package io.saasreport.ingest.feed;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * SEC's ticker-to-CIK file ({@code company_tickers.json}: {@code {"0":{"cik_str":..,"ticker":..,"title":..},...}}): gives
 * the companies listed without a CIK theirs, rather than guessing. Publishes nothing itself.
 */
final class SecTickerFeed implements Feed {

    static final String NAME = "sec-tickers";

    private final URI url;
    private final CompanyList companies;
    private final SourceClient client;
    private final ObjectReader json;

    SecTickerFeed(URI url, CompanyList companies, SourceClient client, ObjectReader json) {
        this.url = url;
        this.companies = companies;
        this.client = client;
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(FeedRun run) throws Exception {
        if (companies.withoutCik().isEmpty()) {
            return;
        }
        Optional<SourceClient.Document> file = client.fetchIfChanged(url);
        if (file.isEmpty()) {
            run.unchanged();
        } else {
            run.fetched();
        }
        Map<String, Long> ciks = file.isPresent() ? ciks(json.readTree(file.get().body())) : Map.of();
        for (String ticker : companies.withoutCik()) {
            Long cik = ciks.get(ticker.toUpperCase(Locale.ROOT));
            if (cik != null) {
                companies.resolve(ticker, cik);
                run.companyChecked(ticker, 0, Company.secId(cik));
            } else {
                run.companyFailed(ticker, "not in SEC's ticker file");
            }
        }
        // Remembered only now: a file that resolved nothing is read again next time, not skipped as unchanged.
        file.ifPresent(client::remember);
    }

    static Map<String, Long> ciks(JsonNode file) {
        if (!file.isObject()) {
            throw new IllegalArgumentException("not SEC's ticker file: the document must be a JSON object of entries");
        }
        Map<String, Long> ciks = new HashMap<>();
        file.elements().forEachRemaining(entry -> {
            JsonNode ticker = entry.path("ticker");
            JsonNode cik = entry.path("cik_str");
            if (ticker.isTextual() && cik.canConvertToLong() && cik.asLong() > 0) {
                ciks.putIfAbsent(ticker.asText().toUpperCase(Locale.ROOT), cik.asLong());
            }
        });
        return ciks;
    }
}
