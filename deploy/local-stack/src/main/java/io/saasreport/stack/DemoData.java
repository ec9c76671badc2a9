package io.saasreport.stack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Loads the demo data set through the ingest API, exactly as a user's feed would arrive. What each
 * file is (real public data or generated) is stated in {@code demo/PROVENANCE.md}.
 */
final class DemoData {

    /** One upload: a resource under {@code demo/} posted to an ingest path with its content type. */
    record Upload(String description, String resource, String path, String contentType) {
    }

    static final List<Upload> UPLOADS = List.of(
            new Upload("generated example universe (fictional tickers)", "example-universe.ndjson",
                    "/api/v1/events", "application/x-ndjson"));

    private final URI ingest;
    private final String apiKey;
    private final HttpClient client = HttpClient.newHttpClient();

    DemoData(URI ingest, String apiKey) {
        this.ingest = ingest;
        this.apiKey = apiKey;
    }

    void load() throws IOException, InterruptedException {
        for (Upload upload : UPLOADS) {
            byte[] body;
            try (InputStream in = LocalStack.resource(upload.resource())) {
                body = in.readAllBytes();
            }
            HttpRequest request = HttpRequest.newBuilder(ingest.resolve(upload.path()))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + apiKey)
                    .header("Content-Type", upload.contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new IllegalStateException("demo upload " + upload.resource() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            LocalStack.log("demo data: " + upload.description() + " -> " + response.body());
        }
    }
}
