package io.saasreport.ingest.rest;

import static io.saasreport.ingest.rest.Refusals.Case.post;
import static io.saasreport.ingest.rest.Refusals.Case.put;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Bad-input corpus, text: control characters (C0, C1, NUL, DEL) and lone surrogates in names and other text fields of
 * every endpoint, each refused with 400 naming the field within a second; none of them published.
 */
@QuarkusTest
class TextCorpusTest extends Refusals {

    private static final String COMPANY = "{\"type\":\"company\",\"ticker\":\"TXT\",\"name\":\"Acme Corp\"}";

    @Override
    Stream<Refusals.Case> corpus() {
        return Stream.of(
                name("NUL in a company name", "Acme\\u0000Corp"),
                name("C0 escape character in a name", "Acme\\u001b[31mCorp"),
                name("tab in a name", "Acme\\tCorp"),
                name("line break in a name", "Acme\\nCorp"),
                name("DEL in a name", "Acme\\u007fCorp"),
                name("C1 next-line in a name", "Acme\\u0085Corp"),
                name("lone high surrogate in a name", "Acme\\ud800Corp"),
                name("lone low surrogate in a name", "Acme\\udc00Corp"),
                name("high surrogate ending a name", "Acme\\ud83d"),
                post("NUL in an NDJSON name", EVENTS, "application/x-ndjson",
                        PRICE + "\n" + COMPANY.replace("Acme Corp", "Acme\\u0000Corp") + "\n", 400, "validation", "name"),
                post("NUL in a ticker", EVENTS, "application/json", PRICE.replace("\"DOOR\"", "\"DO\\u0000OR\""), 400,
                        "validation", "ticker"),
                post("NUL in an instant", EVENTS, "application/json",
                        PRICE.replace("2024-03-01T21:00:00Z", "2024-03-01T21:00:00Z\\u0000"), 400, "validation", "at"),
                post("raw NUL byte in JSON text", EVENTS, "application/json", COMPANY.replace("Acme Corp", "Acme\u0000Corp"),
                        400, "malformed", null),
                post("NUL in an import's ticker", "/api/v1/import/prices?ticker=DD%00OG", "text/csv",
                        "Date,Open,High,Low,Close,Volume\n2024-03-01,1,1,1,2,10\n", 400, "validation", "ticker"),
                post("NUL in a price file's close", "/api/v1/import/prices?ticker=DDOG", "text/csv",
                        "Date,Open,High,Low,Close,Volume\n2024-03-01,1,1,1,2\u0000,10\n", 400, "validation", "Close"),
                post("NUL in a FRED value", "/api/v1/import/fred-dgs10", "text/csv",
                        "observation_date,DGS10\n2024-03-01,4.2\u0000\n", 400, "validation", "DGS10"),
                post("NUL in a Stooq ticker column", "/api/v1/import/prices?ticker=DDOG", "text/csv",
                        "<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>\n"
                                + "DDOG\u0000.US,D,20240301,000000,1,1,1,2,10,0\n", 400, "validation", "<TICKER>"),
                put("NUL in a universe rule", "/api/v1/universes/text-corpus", "{\"rule\":\"ntmGrowth > 0.3\\u0000\"}",
                        "validation", "rule"),
                put("escape character in a universe rule", "/api/v1/universes/text-corpus",
                        "{\"rule\":\"ntmGrowth \\u001b> 0.3\"}", "validation", "rule"),
                put("NUL in a universe's ticker", "/api/v1/universes/text-corpus", "{\"tickers\":[\"SN\\u0000OW\"]}",
                        "validation", "tickers"),
                put("NUL in a universe name", "/api/v1/universes/text%00corpus", "{\"tickers\":[\"SNOW\"]}",
                        "validation", "name"));
    }

    private static Refusals.Case name(String title, String escapedName) {
        String body = "[" + PRICE + "," + COMPANY.replace("Acme Corp", escapedName) + "]";
        return new Refusals.Case(title, "POST", EVENTS, "application/json", body.getBytes(StandardCharsets.UTF_8), 400,
                "validation", "name");
    }
}
