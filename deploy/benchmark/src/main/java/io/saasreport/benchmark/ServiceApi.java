package io.saasreport.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;

/** What the phases ask the services over HTTP: events posted to ingest, the metrics meter, the report's figures. */
final class ServiceApi {

    /** The meter every metrics service implementation keeps: input events applied. */
    static final String APPLIED_METER = "metrics_events_applied_total";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Target target;

    ServiceApi(Target target) {
        this.target = target;
    }

    HttpClient http() {
        return http;
    }

    /** The events the metrics service has applied in all, NaN when it does not answer. */
    double applied() {
        return meter(APPLIED_METER);
    }

    /** A meter of the metrics service summed over its series (Prometheus name), NaN when it does not answer. */
    double meter(String name) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(target.metrics().resolve("/q/metrics"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return response.body().lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
        } catch (IOException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int companyCount() throws IOException, InterruptedException {
        HttpResponse<String> response = getReport("/api/v1/universe");
        return response.statusCode() == 200 ? MAPPER.readTree(response.body()).path("companyCount").asInt() : 0;
    }

    double priceAtReport(String ticker) throws IOException, InterruptedException {
        HttpResponse<String> response = getReport("/api/v1/companies/" + ticker);
        return response.statusCode() == 200 ? MAPPER.readTree(response.body()).path("price").asDouble(Double.NaN) : Double.NaN;
    }

    HttpResponse<String> getReport(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(target.report().resolve(path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Defines a named universe at ingest (PUT /api/v1/universes/{name}). */
    HttpResponse<String> defineUniverse(String name, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(target.ingest().resolve("/api/v1/universes/" + name))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + target.apiKey())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String body, String contentType) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(target.ingest().resolve("/api/v1/events"))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + target.apiKey())
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a probe's price; anything but 202 ends the run. */
    void postProbe(String ticker, double price, Instant at) throws IOException, InterruptedException {
        HttpResponse<String> response = post("{\"type\":\"price\",\"ticker\":\"" + ticker + "\",\"price\":"
                + price + ",\"at\":\"" + at + "\"}", "application/json");
        if (response.statusCode() != 202) {
            throw new IllegalStateException("probe answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Posts until ingest accepts (202), waiting a second after each 503 and counting it. */
    void postUntilAccepted(String body, String contentType, AtomicInteger unavailable) throws Exception {
        while (true) {
            HttpResponse<String> response = post(body, contentType);
            if (response.statusCode() == 202) {
                return;
            }
            if (response.statusCode() != 503) {
                throw new IllegalStateException("ingest answered " + response.statusCode() + ": " + response.body());
            }
            unavailable.incrementAndGet();
            Thread.sleep(1000);
        }
    }
}
