package io.saasreport.ingest.rest;

import static io.saasreport.ingest.rest.Refusals.Case.csv;
import static io.saasreport.ingest.rest.Refusals.Case.post;

import java.util.stream.Stream;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Bad-input corpus, numbers: magnitudes and exponents no figure can have, prices that are no positive normal double,
 * and numbers too long to read, in the events API and every importer; each refused with 400 naming the field (the
 * column, the fact's path) within a second, before any arithmetic on it; none of them published.
 */
@QuarkusTest
class NumberCorpusTest extends Refusals {

    private static final String NASDAQ = "Date,Close/Last,Volume,Open,High,Low\n03/01/2024,$%s,\"3,470,153\",$1,$1,$1\n";
    private static final String YAHOO = "Date,Open,High,Low,Close,Adj Close,Volume\n2024-03-01,1,1,1,%s,1,10\n";
    private static final String STOOQ = "<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>\n"
            + "DDOG.US,D,20240301,000000,1,1,1,%s,10,0\n";
    private static final String FRED = "observation_date,DGS10\n2024-03-01,%s\n";
    private static final String SEC = "{\"facts\":{\"us-gaap\":{\"Revenues\":{\"units\":{\"USD\":["
            + "{\"start\":\"2024-05-01\",\"end\":\"2024-07-31\",\"val\":%s,\"filed\":\"2024-08-29\"}]}}}}}";

    @Override
    Stream<Refusals.Case> corpus() {
        return Stream.of(
                event("price 1e-400 (0.0 as a double)", PRICE.replace("10.5", "1e-400"), "price"),
                event("subnormal price 4.9e-324", PRICE.replace("10.5", "4.9e-324"), "price"),
                event("price 1e-500000000", PRICE.replace("10.5", "1e-500000000"), "price"),
                event("price 1e400000000", PRICE.replace("10.5", "1e400000000"), "price"),
                event("price 1e-7, below any quote", PRICE.replace("10.5", "0.0000001"), "price"),
                event("revenue 1e15", FILING.replace("868823000", "1000000000000000"), "revenue"),
                event("revenue 1e400000000", FILING.replace("868823000", "1e400000000"), "revenue"),
                event("negative revenue -1e-500000000", FILING.replace("868823000", "-1e-500000000"), "revenue"),
                event("fiscal year 1e400000000", FILING.replace("2025", "1e400000000"), "fiscalYear"),
                event("fiscal quarter 2e-500000000", FILING.replace("\"fiscalQuarter\":2", "\"fiscalQuarter\":2e-500000000"),
                        "fiscalQuarter"),
                event("ntm revenue 9e999999999", ESTIMATE.replace("3600000000", "9e999999999"), "ntmRevenue"),
                event("yield 1e-500000000", MACRO.replace("4.25", "1e-500000000"), "tenYearYield"),
                post("number of 101 digits", EVENTS, "application/json", PRICE.replace("10.5", "1".repeat(101)), 400,
                        "malformed", "price"),
                post("number of a million digits", EVENTS, "application/x-ndjson", PRICE.replace("10.5", "7".repeat(1_000_000)),
                        400, "malformed", "price"),
                post("NDJSON price 1e-500000000 on line 2", EVENTS, "application/x-ndjson",
                        MACRO + "\n" + PRICE.replace("10.5", "1e-500000000") + "\n", 400, "validation", "price"),
                csv("nasdaq close 1e-500000000", "/api/v1/import/prices?ticker=DDOG", NASDAQ.formatted("1e-500000000"), "Close"),
                csv("nasdaq close 1e-400", "/api/v1/import/prices?ticker=DDOG", NASDAQ.formatted("1e-400"), "Close"),
                csv("Yahoo close 1e-500000000", "/api/v1/import/prices?ticker=DDOG", YAHOO.formatted("1e-500000000"), "Close"),
                csv("Yahoo close 1e400000000", "/api/v1/import/prices?ticker=DDOG", YAHOO.formatted("1e400000000"), "Close"),
                csv("Yahoo close of a million digits", "/api/v1/import/prices?ticker=DDOG",
                        YAHOO.formatted("9".repeat(1_000_000)), "Close"),
                csv("Stooq close 1e-500000000", "/api/v1/import/prices?ticker=DDOG", STOOQ.formatted("1e-500000000"), "<CLOSE>"),
                csv("Stooq close 4.9e-324", "/api/v1/import/prices?ticker=DDOG", STOOQ.formatted("4.9e-324"), "<CLOSE>"),
                csv("FRED yield 1e400000000", "/api/v1/import/fred-dgs10", FRED.formatted("1e400000000"), "DGS10"),
                csv("FRED yield 1e-500000000", "/api/v1/import/fred-dgs10", FRED.formatted("1e-500000000"), "DGS10"),
                secValue("SEC value 1e400000000", SEC.formatted("1e400000000")),
                secValue("SEC value 1e-500000000", SEC.formatted("1e-500000000")),
                secValue("SEC value -1e400000000", SEC.formatted("-1e400000000")),
                post("SEC value of 101 digits", SEC_COMPANY_FACTS, "application/json",
                        SEC.formatted("1".repeat(101)), 400, "malformed", "val"));
    }

    private static Refusals.Case event(String name, String badEvent, String field) {
        return Case.secondOf(name, MACRO, badEvent, field);
    }

    private static Refusals.Case secValue(String name, String body) {
        return Case.sec(name, body, "facts.us-gaap.Revenues.units.USD[0].val");
    }
}
