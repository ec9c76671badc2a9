package io.saasreport.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Loads the demo data set through the ingest API, exactly as a user's feed would arrive. What each
 * file is (real public data or generated) is stated in {@code demo/PROVENANCE.md}.
 */
final class DemoData {

    /** One upload: a body posted to an ingest path with its content type. */
    record Upload(String description, String path, String contentType, Supplier<byte[]> body) {
    }

    /** The real companies whose public data the demo loads, with their registered names. */
    private static final Map<String, String> REAL_COMPANIES = new TreeMap<>(Map.ofEntries(
            Map.entry("ADBE", "Adobe Inc."), Map.entry("CRM", "Salesforce, Inc."),
            Map.entry("CRWD", "CrowdStrike Holdings, Inc."), Map.entry("DDOG", "Datadog, Inc."),
            Map.entry("HUBS", "HubSpot, Inc."), Map.entry("MDB", "MongoDB, Inc."), Map.entry("NET", "Cloudflare, Inc."),
            Map.entry("NOW", "ServiceNow, Inc."), Map.entry("OKTA", "Okta, Inc."), Map.entry("SNOW", "Snowflake Inc."),
            Map.entry("TEAM", "Atlassian Corporation"), Map.entry("WDAY", "Workday, Inc."), Map.entry("ZS", "Zscaler, Inc.")));

    static List<Upload> uploads() {
        List<Upload> uploads = new ArrayList<>();
        uploads.add(new Upload("generated: the spec's example universe (fictional tickers)", "/api/v1/events",
                "application/x-ndjson", () -> resourceBytes("example-universe.ndjson")));
        uploads.add(new Upload("generated: " + GeneratedUniverse.COMPANIES + " fictional GENnn companies",
                "/api/v1/events", "application/x-ndjson",
                () -> GeneratedUniverse.ndjson().getBytes(StandardCharsets.UTF_8)));
        uploads.add(new Upload("real: names of the " + REAL_COMPANIES.size() + " public companies", "/api/v1/events",
                "application/x-ndjson", DemoData::realCompanyEvents));
        uploads.add(new Upload("real: Snowflake's SEC EDGAR companyfacts", "/api/v1/import/sec-companyfacts?ticker=SNOW",
                "application/json", () -> resourceBytes("snow_facts.json")));
        for (String ticker : REAL_COMPANIES.keySet()) {
            uploads.add(new Upload("real: " + ticker + " daily closes (nasdaq.com)", "/api/v1/import/prices?ticker=" + ticker,
                    "text/csv", () -> resourceBytes("prices/" + ticker + ".csv")));
        }
        uploads.add(new Upload("real: FRED 10-year treasury yield (DGS10)", "/api/v1/import/fred-dgs10",
                "text/csv", () -> resourceBytes("DGS10.csv")));
        return uploads;
    }

    private final URI ingest;
    private final String apiKey;
    private final HttpClient client = HttpClient.newHttpClient();

    DemoData(URI ingest, String apiKey) {
        this.ingest = ingest;
        this.apiKey = apiKey;
    }

    void load() throws IOException, InterruptedException {
        for (Upload upload : uploads()) {
            byte[] body = upload.body().get();
            HttpRequest request = HttpRequest.newBuilder(ingest.resolve(upload.path()))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + apiKey)
                    .header("Content-Type", upload.contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new IllegalStateException("demo upload " + upload.path() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            LocalStack.log("demo data: " + upload.description() + " -> " + response.body());
        }
    }

    private static byte[] realCompanyEvents() {
        StringBuilder ndjson = new StringBuilder();
        REAL_COMPANIES.forEach((ticker, name) -> ndjson.append(
                "{\"type\":\"company\",\"ticker\":\"%s\",\"name\":\"%s\"}\n".formatted(ticker, name)));
        return ndjson.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] resourceBytes(String name) {
        try (InputStream in = LocalStack.resource(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
