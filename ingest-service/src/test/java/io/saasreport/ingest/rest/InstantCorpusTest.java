package io.saasreport.ingest.rest;

import static io.saasreport.ingest.rest.Refusals.Case.csv;
import static io.saasreport.ingest.rest.Refusals.Case.post;
import static io.saasreport.ingest.rest.Refusals.Case.sec;

import java.util.stream.Stream;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Bad-input corpus, instants: times after now plus {@code ingest.future-tolerance} (24 h) and before
 * {@code ingest.earliest-date} (1990-01-01), in prices, filings, estimates and macro events and in every importer; each
 * refused with 400 naming the field (the column, the fact's path) within a second; none of them published.
 */
@QuarkusTest
class InstantCorpusTest extends Refusals {

    private static final String COMPANY = "{\"type\":\"company\",\"ticker\":\"INST\",\"name\":\"Instant Inc.\"}";
    private static final String SEC = "{\"facts\":{\"us-gaap\":{\"Revenues\":{\"units\":{\"USD\":["
            + "{\"start\":\"2024-05-01\",\"end\":\"%s\",\"val\":868823000,\"filed\":\"%s\"}]}}}}}";

    @Override
    Stream<Refusals.Case> corpus() {
        return Stream.of(
                event("price dated 2099", PRICE.replace("2024-03-01T21:00:00Z", "2099-01-01T21:00:00Z"), "at"),
                event("price dated 2 days ahead", PRICE.replace("2024-03-01T21:00:00Z",
                        java.time.Instant.now().plus(java.time.Duration.ofDays(2)).toString()), "at"),
                event("price at the zero epoch", PRICE.replace("2024-03-01T21:00:00Z", "1970-01-01T00:00:00Z"), "at"),
                event("price the day before the floor", PRICE.replace("2024-03-01T21:00:00Z", "1989-12-31T21:00:00Z"), "at"),
                event("price in year 9999", PRICE.replace("2024-03-01T21:00:00Z", "9999-12-31T23:59:59Z"), "at"),
                event("filing filed in 2099", FILING.replace("2024-08-29T21:05:00Z", "2099-08-29T21:05:00Z"), "filedAt"),
                event("filing period ending 2099", FILING.replace("2024-07-31", "2099-07-31"), "periodEnd"),
                event("filing period ending 1900", FILING.replace("2024-07-31", "1900-07-31"), "periodEnd"),
                event("estimate as of 2099", ESTIMATE.replace("2024-03-01T21:00:00Z", "2099-03-01T21:00:00Z"), "asOf"),
                event("estimate fiscal year ending 2099", ESTIMATE.replace("\"ntmRevenue\":3600000000",
                        "\"fy1Revenue\":3.4e9,\"fy2Revenue\":4.2e9,\"fy1End\":\"2099-01-31\""), "fy1End"),
                event("macro as of 2099", MACRO.replace("2024-03-01T21:00:00Z", "2099-03-01T21:00:00Z"), "asOf"),
                event("macro as of 1962", MACRO.replace("2024-03-01T21:00:00Z", "1962-01-02T21:00:00Z"), "asOf"),
                post("NDJSON price dated 2099 on line 2", EVENTS, "application/x-ndjson",
                        COMPANY + "\n" + PRICE.replace("2024-03-01", "2099-01-01") + "\n", 400, "validation", "at"),
                csv("nasdaq row dated 2099", "/api/v1/import/prices?ticker=DDOG",
                        "Date,Close,Volume,Open,High,Low\n01/02/2099,$130.22,\"1\",$1,$1,$1\n", "Date"),
                csv("Yahoo row dated 2099", "/api/v1/import/prices?ticker=DDOG",
                        "Date,Open,High,Low,Close,Volume\n2099-01-02,1,1,1,2,10\n", "Date"),
                csv("Yahoo row dated 1980", "/api/v1/import/prices?ticker=DDOG",
                        "Date,Open,High,Low,Close,Volume\n1980-01-02,1,1,1,2,10\n", "Date"),
                csv("Stooq row dated 2099", "/api/v1/import/prices?ticker=DDOG",
                        "<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>\n"
                                + "DDOG.US,D,20990102,000000,1,1,1,2,10,0\n", "<DATE>"),
                csv("FRED observation of 2099", "/api/v1/import/fred-dgs10", "observation_date,DGS10\n2099-01-02,4.2\n",
                        "observation_date"),
                csv("FRED observation of 1962", "/api/v1/import/fred-dgs10", "observation_date,DGS10\n1962-01-02,4.06\n",
                        "observation_date"),
                sec("SEC fact filed in 2099", SEC.formatted("2024-07-31", "2099-08-29"), "facts.us-gaap.Revenues.units.USD[0].filed"),
                sec("SEC fact ending 2099", SEC.formatted("2099-07-31", "2024-08-29"), "facts.us-gaap.Revenues.units.USD[0].end"),
                sec("SEC fact filed in 1985", SEC.formatted("2024-07-31", "1985-08-29"), "facts.us-gaap.Revenues.units.USD[0].filed"));
    }

    private static Refusals.Case event(String name, String badEvent, String field) {
        return Case.secondOf(name, COMPANY, badEvent, field);
    }
}
