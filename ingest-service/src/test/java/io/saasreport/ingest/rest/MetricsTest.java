package io.saasreport.ingest.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The meters read back from /q/metrics (Prometheus text) as a scraper sees them. */
@QuarkusTest
class MetricsTest {

    private static final Pattern SAMPLE = Pattern.compile("^(\\w+)\\{([^}]*)\\} (\\S+)$");

    @Test
    void countsAcceptedEventsByType() {
        double companies = accepted("company");
        double prices = accepted("price");

        post("Bearer " + Requests.API_KEY, """
                [{"type":"company","ticker":"METR","name":"Meter Inc."},
                 {"type":"company","ticker":"METS","name":"Meter S Inc."},
                 {"type":"price","ticker":"METR","price":5,"at":"2024-03-01T21:00:00Z"}]""", 202);

        assertEquals(companies + 2, accepted("company"));
        assertEquals(prices + 1, accepted("price"));
    }

    @Test
    void countsEveryEventOfAnInvalidRequestAsRejectedForValidation() {
        double prices = rejected("price", "validation");
        double companies = rejected("company", "validation");
        double acceptedCompanies = accepted("company");

        post("Bearer " + Requests.API_KEY, """
                [{"type":"company","ticker":"METR","name":"Meter Inc."},
                 {"type":"price","ticker":"METR","price":0,"at":"2024-03-01T21:00:00Z"}]""", 400);

        assertEquals(prices + 1, rejected("price", "validation"));
        assertEquals(companies + 1, rejected("company", "validation"));
        assertEquals(acceptedCompanies, accepted("company"));
    }

    @Test
    void countsUnauthorizedAndMalformedRequests() {
        double unauthorized = rejected("unknown", "unauthorized");
        double malformed = rejected("unknown", "malformed");

        post("Bearer wrong", "{\"type\":\"company\",\"ticker\":\"METR\",\"name\":\"Meter Inc.\"}", 401);
        post("Bearer " + Requests.API_KEY, "{\"type\":", 400);

        assertEquals(unauthorized + 1, rejected("unknown", "unauthorized"));
        assertEquals(malformed + 1, rejected("unknown", "malformed"));
    }

    private static void post(String authorization, String body, int status) {
        Requests.anonymous().header("Authorization", authorization).contentType("application/json")
                .body(body.getBytes(StandardCharsets.UTF_8)).post("/api/v1/events")
                .then().statusCode(status);
    }

    private static double accepted(String type) {
        return sample("ingest_events_accepted_total", "type=\"" + type + "\"");
    }

    private static double rejected(String type, String reason) {
        return sample("ingest_events_rejected_total", "reason=\"" + reason + "\"", "type=\"" + type + "\"");
    }

    /** The value of the sample with these labels, 0 if the series does not exist yet. */
    private static double sample(String name, String... labels) {
        String metrics = Requests.anonymous().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .map(SAMPLE::matcher)
                .filter(Matcher::matches)
                .filter(m -> m.group(1).equals(name))
                .filter(m -> Arrays.stream(labels).allMatch(label -> Arrays.asList(m.group(2).split(",")).contains(label)))
                .mapToDouble(m -> Double.parseDouble(m.group(3)))
                .sum();
    }
}
