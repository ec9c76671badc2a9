package io.saasreport.report.rest;

import static io.saasreport.report.support.Api.eventually;
import static io.saasreport.report.support.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.saasreport.report.support.ExampleData;
import io.saasreport.report.support.ReportDatabase;
import io.saasreport.report.support.Upstream;

@QuarkusTest
class StreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/v1/stream")
    URL stream;

    @Inject
    ReportDatabase database;

    /** One server-sent event: its name and data. */
    private record Event(String name, String data) {
    }

    @Test
    void sendsTheUniverseOnConnectingThenWhatChangesNamedUniversesAndAlertsIncluded() throws Exception {
        database.clear();
        Upstream.example();
        eventually(() -> given().get("/api/v1/companies/WMRM").then().statusCode(200));

        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(stream.toString())).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        Thread reader = new Thread(() -> read(response, events));
        reader.setDaemon(true);
        reader.start();
        try {
            Event first = next(events);
            assertEquals("universe", first.name());
            assertEquals(ExampleData.AS_OF.toString(), JSON.readTree(first.data()).get("asOf").asText());

            Instant later = ExampleData.AS_OF.plusSeconds(60);
            Upstream.company(ExampleData.company("BPH", later, bph -> bph.put("price", 1200.0)));
            Upstream.universe(ExampleData.universe(later, universe -> universe.put("tenYearYield", 4.4)));
            Upstream.companyRemoved("UMV");
            Upstream.universe("growth", ExampleData.universe(later, growth -> growth.put("companyCount", 5)));
            Upstream.alert("{\"id\":\"growth/top10-left/WMRM/9\",\"universe\":\"growth\","
                    + "\"type\":\"top10-left\",\"ticker\":\"WMRM\",\"at\":\"" + later + "\",\"previous\":15.4,\"rank\":1}");

            boolean universe = false;
            boolean company = false;
            boolean removed = false;
            boolean named = false;
            boolean alert = false;
            while (!(universe && company && removed && named && alert)) {
                Event event = next(events);
                JsonNode data = JSON.readTree(event.data());
                switch (event.name()) {
                    case "universe" -> universe |= data.get("tenYearYield").asDouble() == 4.4;
                    case "companies" -> {
                        for (JsonNode changed : data) {
                            company |= changed.get("ticker").asText().equals("BPH") && changed.get("price").asDouble() == 1200.0;
                        }
                    }
                    case "removed" -> removed |= data.toString().contains("\"UMV\"");
                    case "universes" -> named |= data.path("growth").path("companyCount").asInt() == 5;
                    case "alerts" -> {
                        for (JsonNode arrived : data) {
                            alert |= arrived.get("id").asText().equals("growth/top10-left/WMRM/9")
                                    && arrived.get("rank").asInt() == 1;
                        }
                    }
                    default -> throw new AssertionError("Unexpected event " + event);
                }
            }
        } finally {
            response.body().close();
        }
    }

    private static Event next(BlockingQueue<Event> events) throws InterruptedException {
        Event event = events.poll(60, TimeUnit.SECONDS);
        if (event == null) {
            throw new AssertionError("No event within 60 s");
        }
        return event;
    }

    private static void read(HttpResponse<java.io.InputStream> response, BlockingQueue<Event> events) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(name, data.toString()));
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring("event:".length()).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring("data:".length()).stripLeading());
                }
            }
        } catch (java.io.IOException e) {
            // closed by the test
        }
    }
}
