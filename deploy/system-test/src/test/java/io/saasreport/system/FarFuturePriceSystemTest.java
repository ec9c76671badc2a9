package io.saasreport.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.saasreport.stack.LocalStack;

/**
 * A price dated in the far future is refused at the door (400 naming the field), so it cannot freeze the company: a
 * later real price is the one the report shows.
 */
class FarFuturePriceSystemTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(120);
    private static final String TICKER = "FUTR";

    private static LocalStack stack;

    @BeforeAll
    static void startSystem() {
        stack = SystemUnderTest.freshStack();
    }

    @Test
    void aPriceDatedIn2099IsRefusedAndALaterRealPriceIsShown() throws Exception {
        Instant yesterday = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant anHourAgo = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        new Ingest(stack).post(List.of("{\"type\":\"company\",\"ticker\":\"" + TICKER + "\",\"name\":\"Future Inc.\"}",
                price(41.5, yesterday)));
        awaitPriceShown(41.5, yesterday);

        HttpResponse<String> refused = post(price(99.0, Instant.parse("2099-01-01T21:00:00Z")));
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElseThrow());
        JsonNode problem = MAPPER.readTree(refused.body());
        assertEquals("validation", problem.path("reason").asText());
        assertEquals("at", problem.path("errors").path(0).path("field").asText(), refused.body());
        assertTrue(problem.path("errors").path(0).path("message").asText().contains("2099-01-01T21:00:00Z"), refused.body());

        new Ingest(stack).post(List.of(price(43.25, anHourAgo)));
        awaitPriceShown(43.25, anHourAgo);
    }

    private static void awaitPriceShown(double price, Instant at) {
        Awaitility.await("the report shows " + price + " at " + at).atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            stack.uri(LocalStack.REPORT).resolve("/api/v1/companies/" + TICKER))
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, response.statusCode(), response.body());
                    JsonNode company = MAPPER.readTree(response.body());
                    assertEquals(price, company.path("price").asDouble(), response.body());
                    assertEquals(at, Instant.parse(company.path("asOf").asText()), response.body());
                });
    }

    private static String price(double price, Instant at) {
        return "{\"type\":\"price\",\"ticker\":\"" + TICKER + "\",\"price\":" + price + ",\"at\":\"" + at + "\"}";
    }

    private static HttpResponse<String> post(String event) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(stack.uri(LocalStack.INGEST).resolve("/api/v1/events"))
                .header("Authorization", "Bearer " + stack.apiKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
