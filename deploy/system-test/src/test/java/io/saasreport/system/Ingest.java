package io.saasreport.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import io.saasreport.stack.LocalStack;

/** Posts NDJSON events to the ingest API of a stack, as a client does; every one must be accepted. */
final class Ingest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final LocalStack stack;

    Ingest(LocalStack stack) {
        this.stack = stack;
    }

    void post(List<String> lines) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(stack.uri(LocalStack.INGEST).resolve("/api/v1/events"))
                .header("Authorization", "Bearer " + stack.apiKey())
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", lines) + "\n"))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(202, response.statusCode(), response.body());
        assertEquals(lines.size(), OutputTopics.json(response.body()).path("accepted").asInt(), response.body());
    }

    static List<List<String>> chunks(List<String> lines, int size) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < lines.size(); from += size) {
            chunks.add(lines.subList(from, Math.min(lines.size(), from + size)));
        }
        return chunks;
    }
}
