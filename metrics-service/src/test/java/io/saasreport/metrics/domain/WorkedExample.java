package io.saasreport.metrics.domain;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.saasreport.metrics.domain.event.MarketEvent;

/** The spec's worked example, read from the test classpath ({@code /example}, see PROVENANCE.md there). */
public final class WorkedExample {

    private WorkedExample() {
    }

    public static List<MarketEvent> events() {
        List<MarketEvent> events = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(open("events.ndjson"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    events.add(TestJson.MAPPER.readValue(line, MarketEvent.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }

    public static JsonNode expectedCompanies() {
        return readTree("expected-companies.json");
    }

    public static JsonNode expectedUniverse() {
        return readTree("expected-universe.json");
    }

    public static MetricsEngine engineFedWith(List<MarketEvent> events) {
        MetricsEngine engine = new MetricsEngine();
        events.forEach(engine::apply);
        return engine;
    }

    private static JsonNode readTree(String name) {
        try (InputStream in = open(name)) {
            return TestJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = WorkedExample.class.getResourceAsStream("/example/" + name);
        if (in == null) {
            throw new IllegalStateException("missing test resource /example/" + name);
        }
        return in;
    }
}
