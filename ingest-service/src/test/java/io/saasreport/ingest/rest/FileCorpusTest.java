package io.saasreport.ingest.rest;

import static io.saasreport.ingest.rest.Refusals.Case.post;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Bad-input corpus, files and bodies: bodies over {@code ingest.max-body-bytes} (3 MiB in tests) and more events or rows
 * than {@code ingest.max-events-per-request} (20,000; a million in the body) get 413, a media type the endpoint does not
 * read 415, documents nested deeper than any accepted one 400; every endpoint, each within a second; none published.
 */
@QuarkusTest
class FileCorpusTest extends Refusals {

    /** {@code %test.ingest.max-body-bytes}. */
    private static final int LIMIT = 3 * 1024 * 1024;
    private static final String PRICES = "/api/v1/import/prices?ticker=DDOG";
    private static final String FRED = "/api/v1/import/fred-dgs10";
    private static final String SEC = "/api/v1/import/sec-companyfacts?ticker=DDOG";
    private static final String UNIVERSE = "/api/v1/universes/file-corpus";
    private static final String COMPANY = "{\"type\":\"company\",\"ticker\":\"FILE\",\"name\":\"File Inc.\"}";
    private static final String YAHOO_HEADER = "Date,Open,High,Low,Close,Volume\n";

    @Override
    Stream<Refusals.Case> corpus() {
        return Stream.of(
                // --- bodies over the size limit: 413 ---
                tooLarge("events body over the limit", EVENTS, "application/x-ndjson", repeat(COMPANY + "\n", LIMIT + 1)),
                tooLarge("price file over the limit", PRICES, "text/csv", YAHOO_HEADER + repeat("2024-03-01,1,1,1,2,10\n", LIMIT)),
                tooLarge("FRED file over the limit", FRED, "text/csv", "observation_date,DGS10\n" + repeat("2024-03-01,4.2\n", LIMIT)),
                tooLarge("SEC document over the limit", SEC, "application/json",
                        "{\"facts\":{},\"pad\":\"" + "x".repeat(LIMIT) + "\"}"),
                new Refusals.Case("universe over the limit", "PUT", UNIVERSE, "application/json",
                        bytes("{\"rule\":\"" + "x".repeat(LIMIT) + "\"}"), 413, "too_large", null),
                // --- a million events or rows within the size limit: 413 at the first too many ---
                tooLarge("a million NDJSON lines", EVENTS, "application/x-ndjson", repeat("{}\n", 3_000_000)),
                tooLarge("a JSON array of a million elements", EVENTS, "application/json",
                        "[" + repeat("1,", 2_000_000) + "1]"),
                tooLarge("a price file of 140,000 rows", PRICES, "text/csv",
                        YAHOO_HEADER + repeat("2024-03-01,1,1,1,2,10\n", 3_000_000)),
                tooLarge("a Stooq file of 3 million blank-ish rows", PRICES, "text/csv",
                        "<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>\n" + repeat(",\n", 3_000_000)),
                tooLarge("a FRED file of 200,000 rows", FRED, "text/csv",
                        "observation_date,DGS10\n" + repeat("2024-03-01,4.2\n", 3_000_000)),
                // --- nesting deeper than any accepted document: 400 ---
                post("events nested 100,000 deep", EVENTS, "application/json", "[".repeat(100_000) + "]".repeat(100_000),
                        400, "malformed", null),
                post("NDJSON line nested 100,000 deep", EVENTS, "application/x-ndjson",
                        "{\"type\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}\n", 400, "malformed", null),
                post("SEC document nested 100,000 deep", SEC, "application/json", "{\"facts\":" + "{\"a\":".repeat(100_000)
                        + "1" + "}".repeat(100_000) + "}", 400, "malformed", null),
                new Refusals.Case("universe nested 100,000 deep", "PUT", UNIVERSE, "application/json",
                        bytes("{\"tickers\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}"), 400, "malformed", null),
                // --- a million facts within the size limit: more tokens than a real document of that size, 400 ---
                post("SEC document of a million empty facts", SEC, "application/json",
                        "{\"facts\":{\"us-gaap\":{\"Revenues\":{\"units\":{\"USD\":[" + repeat("{},", 3_000_000) + "{}]}}}}}",
                        400, "malformed", null),
                post("events array of a million empty arrays", EVENTS, "application/json",
                        "[" + repeat("[],", 3_000_000) + "[]]", 413, "too_large", null),
                // --- a media type the endpoint does not read: 415 ---
                unsupported("events as text/plain", EVENTS, "text/plain", COMPANY),
                unsupported("events in Latin-1", EVENTS, "application/json; charset=ISO-8859-1", COMPANY),
                unsupported("price file as JSON", PRICES, "application/json", "{}"),
                unsupported("FRED file as XML", FRED, "application/xml", "<x/>"),
                unsupported("SEC document as CSV", SEC, "text/csv", "a,b\n"),
                new Refusals.Case("universe as text/plain", "PUT", UNIVERSE, "text/plain", bytes("{\"tickers\":[\"SNOW\"]}"),
                        415, "unsupported_media_type", null));
    }

    private static Refusals.Case tooLarge(String name, String path, String contentType, String body) {
        return post(name, path, contentType, body, 413, "too_large", null);
    }

    private static Refusals.Case unsupported(String name, String path, String contentType, String body) {
        return post(name, path, contentType, body, 415, "unsupported_media_type", null);
    }

    /** {@code unit} repeated to at least {@code bytes} bytes (whole units). */
    private static String repeat(String unit, int bytes) {
        return unit.repeat((bytes + unit.length() - 1) / unit.length());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
