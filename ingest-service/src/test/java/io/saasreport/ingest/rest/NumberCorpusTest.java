package io.saasreport.ingest.rest;

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

    private static final String EVENTS = "/api/v1/events";
    private static final String PRICE = "{\"type\":\"price\",\"ticker\":\"NUM\",\"price\":10.5,\"at\":\"2024-03-01T21:00:00Z\"}";
    private static final String FILING = "{\"type\":\"filing\",\"ticker\":\"NUM\",\"fiscalYear\":2025,\"fiscalQuarter\":2,"
            + "\"periodEnd\":\"2024-07-31\",\"filedAt\":\"2024-08-29T21:05:00Z\",\"revenue\":868823000}";
    private static final String ESTIMATE = "{\"type\":\"estimate\",\"ticker\":\"NUM\",\"asOf\":\"2024-03-01T21:00:00Z\","
            + "\"ntmRevenue\":3600000000}";
    private static final String MACRO = "{\"type\":\"macro\",\"asOf\":\"2024-03-01T21:00:00Z\",\"tenYearYield\":4.25}";
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
                sec("SEC value 1e400000000", SEC.formatted("1e400000000")),
                sec("SEC value 1e-500000000", SEC.formatted("1e-500000000")),
                sec("SEC value -1e400000000", SEC.formatted("-1e400000000")),
                post("SEC value of 101 digits", "/api/v1/import/sec-companyfacts?ticker=DDOG", "application/json",
                        SEC.formatted("1".repeat(101)), 400, "malformed", "val"));
    }

    /** The bad event second in an array after a good one, so that the good one is proven unpublished too. */
    private static Refusals.Case event(String name, String badEvent, String field) {
        return post(name, EVENTS, "application/json", "[" + MACRO + "," + badEvent + "]", 400, "validation", field);
    }

    private static Refusals.Case csv(String name, String path, String body, String column) {
        return post(name, path, "text/csv", body, 400, "validation", column);
    }

    private static Refusals.Case sec(String name, String body) {
        return post(name, "/api/v1/import/sec-companyfacts?ticker=DDOG", "application/json", body, 400, "validation",
                "facts.us-gaap.Revenues.units.USD[0].val");
    }
}
