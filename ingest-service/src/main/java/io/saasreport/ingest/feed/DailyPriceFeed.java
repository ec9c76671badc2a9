package io.saasreport.ingest.feed;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;

import io.saasreport.ingest.domain.MarketClose;
import io.saasreport.ingest.domain.PriceEvent;
import io.saasreport.ingest.service.ImportLimits;
import io.saasreport.ingest.importer.PriceCsvImporter;

/**
 * Each company's daily bars from a CSV source (Stooq's download by default; any format {@link PriceCsvImporter} reads:
 * Stooq, Yahoo, nasdaq.com), through the same importer as {@code /api/v1/import/prices}. The whole history comes every
 * time; only the days not published before are.
 */
final class DailyPriceFeed implements Feed {

    static final String NAME = "daily-prices";

    private final String urlTemplate;
    private final CompanyList companies;
    private final SourceClient client;
    private final ImportLimits limits;

    DailyPriceFeed(String urlTemplate, CompanyList companies, SourceClient client, ImportLimits limits) {
        this.urlTemplate = urlTemplate;
        this.companies = companies;
        this.client = client;
        this.limits = limits;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(FeedRun run) throws InterruptedException {
        run.forEachCompany(companies, company -> check(company.ticker(), run));
    }

    private void check(String ticker, FeedRun run) throws Exception {
        int published = run.publishChanged(client, url(ticker),
                body -> PriceCsvImporter.parse(ticker, Utf8.decode(body), limits.window(), limits.maxRows()),
                event -> eventId((PriceEvent) event)).map(FeedRun.Published::count).orElse(0);
        run.companyChecked(ticker, published, null);
    }

    URI url(String ticker) {
        return URI.create(urlTemplate
                .replace("{ticker}", URLEncoder.encode(ticker, StandardCharsets.UTF_8))
                .replace("{ticker-lowercase}", URLEncoder.encode(ticker.toLowerCase(Locale.ROOT), StandardCharsets.UTF_8)));
    }

    /** The ticker, the trading day and the close: a corrected close is a new event, the same close the same one. */
    static String eventId(PriceEvent price) {
        LocalDate day = price.at().atZone(MarketClose.NEW_YORK).toLocalDate();
        return NAME + "/" + price.ticker() + "/" + day + "/" + price.price().toPlainString();
    }
}
