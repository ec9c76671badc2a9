package io.saasreport.ingest.feed;

import java.net.URI;
import java.time.LocalDate;

import io.saasreport.ingest.domain.MacroEvent;
import io.saasreport.ingest.domain.MarketClose;
import io.saasreport.ingest.service.ImportLimits;
import io.saasreport.ingest.importer.FredYieldImporter;

/** FRED's DGS10 series, through the same importer as {@code /api/v1/import/fred-dgs10}; only days not published before. */
final class TreasuryYieldFeed implements Feed {

    static final String NAME = "fred-dgs10";

    private final URI url;
    private final SourceClient client;
    private final ImportLimits limits;

    TreasuryYieldFeed(URI url, SourceClient client, ImportLimits limits) {
        this.limits = limits;
        this.url = url;
        this.client = client;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(FeedRun run) throws Exception {
        run.publishChanged(client, url,
                body -> FredYieldImporter.parse(Utf8.decode(body), limits.window(), limits.maxRows()),
                event -> eventId((MacroEvent) event));
    }

    static String eventId(MacroEvent yield) {
        LocalDate day = yield.asOf().atZone(MarketClose.NEW_YORK).toLocalDate();
        return NAME + "/" + day + "/" + yield.tenYearYield().toPlainString();
    }
}
