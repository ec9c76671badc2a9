package io.saasreport.ingest.feed;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectReader;

import io.saasreport.ingest.domain.FilingEvent;
import io.saasreport.ingest.service.ImportLimits;
import io.saasreport.ingest.importer.sec.SecCompanyFactsImporter;

/**
 * SEC EDGAR: for each company, its submissions index (asked again only if changed); when the newest 10-Q or 10-K in it
 * is not the one processed last, its companyfacts, through the same importer as {@code /api/v1/import/sec-companyfacts}.
 * A report listed in the index but not yet in companyfacts (SEC builds companyfacts a little later) is looked for again
 * on the next run.
 */
final class SecEdgarFeed implements Feed {

    static final String NAME = "sec-edgar";

    private final URI baseUrl;
    private final CompanyList companies;
    private final SourceClient client;
    private final ImportLimits limits;
    private final ObjectReader json;
    private final Map<String, String> processedAccession = new ConcurrentHashMap<>();

    SecEdgarFeed(URI baseUrl, CompanyList companies, SourceClient client, ObjectReader json, ImportLimits limits) {
        this.limits = limits;
        this.baseUrl = baseUrl;
        this.companies = companies;
        this.client = client;
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(FeedRun run) throws InterruptedException {
        run.forEachCompany(companies, company -> check(company, run));
    }

    private void check(Company company, FeedRun run) throws Exception {
        if (company.cik().isEmpty()) {
            run.companyFailed(company.ticker(), "no CIK: not in the company list, nor (yet) in SEC's ticker file");
            return;
        }
        String cik = Company.secId(company.cik().getAsLong());
        Optional<SourceClient.Document> index = client.fetchIfChanged(resolve("/submissions/" + cik + ".json"));
        if (index.isEmpty()) {
            run.unchanged();
            run.companyChecked(company.ticker(), 0, null);
            return;
        }
        run.fetched();
        Optional<SubmissionsIndex.Filing> latest = SubmissionsIndex.latestPeriodicReport(json.readTree(index.get().body()));
        if (latest.isEmpty()) {
            throw new IllegalArgumentException("the submissions index lists no 10-Q or 10-K");
        }
        String accession = latest.get().accessionNumber();
        if (accession.equals(processedAccession.get(company.ticker()))) {
            client.remember(index.get());
            run.companyChecked(company.ticker(), 0, accession);
            return;
        }
        Optional<FeedRun.Published> facts = run.publishChanged(client, resolve("/api/xbrl/companyfacts/" + cik + ".json"),
                body -> SecCompanyFactsImporter.parse(company.ticker(), json.readTree(body), limits.window()),
                event -> eventId(cik, (FilingEvent) event));
        int published = facts.map(FeedRun.Published::count).orElse(0);
        boolean holdsLatest = facts.isPresent() && mentions(facts.get().document().body(), accession);
        if (holdsLatest) {
            processedAccession.put(company.ticker(), accession);
            client.remember(index.get());
        }
        run.companyChecked(company.ticker(), published, holdsLatest ? accession : null);
    }

    /** The filed quarter's version: SEC's filer id, the fiscal quarter and the day its latest figure was filed. */
    static String eventId(String cik, FilingEvent filing) {
        LocalDate filed = filing.filedAt().atZone(ZoneOffset.UTC).toLocalDate();
        return "sec-edgar/" + cik + "/FY" + filing.fiscalYear() + "Q" + filing.fiscalQuarter() + "/filed-" + filed;
    }

    private static boolean mentions(byte[] document, String accession) {
        return new String(document, StandardCharsets.UTF_8).contains("\"" + accession + "\"");
    }

    private URI resolve(String path) {
        return URI.create(baseUrl.toString().replaceAll("/+$", "") + path);
    }
}
