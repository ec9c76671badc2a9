package io.saasreport.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.awaitility.Awaitility;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.saasreport.metrics.domain.MetricsEngine;
import io.saasreport.metrics.domain.company.CompanyMetrics;
import io.saasreport.metrics.domain.event.MarketEvent;

/**
 * The figures a run must end at: every dated company's and the universe's, compared field by field (numbers to
 * 1e-9 relative) with the last committed record of each key on the output topics and with the report's API.
 */
final class ExpectedFigures {

    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Map<String, JsonNode> companies;
    private final JsonNode universe;

    private ExpectedFigures(Map<String, JsonNode> companies, JsonNode universe) {
        this.companies = companies;
        this.universe = universe;
    }

    /** The spec's worked example: its expected files. */
    static ExpectedFigures workedExample() throws IOException {
        Map<String, JsonNode> companies = new TreeMap<>();
        for (JsonNode company : JSON.readTree(WorkedExampleSystemTest.resource("example/expected-companies.json"))) {
            companies.put(company.path("ticker").asText(), company);
        }
        return new ExpectedFigures(companies, JSON.readTree(WorkedExampleSystemTest.resource("example/expected-universe.json")));
    }

    /** What the metrics engine computes from these events in one process, with no crash in between. */
    static ExpectedFigures computedFrom(List<String> events) throws IOException {
        MetricsEngine engine = new MetricsEngine();
        for (String line : events) {
            engine.apply(JSON.readValue(line, MarketEvent.class));
        }
        Map<String, JsonNode> companies = new TreeMap<>();
        for (CompanyMetrics figures : engine.allCompanyMetrics()) {
            if (figures.asOf() != null) { // published once dated
                companies.put(figures.ticker(), JSON.valueToTree(figures));
            }
        }
        return new ExpectedFigures(companies, JSON.valueToTree(engine.universe()));
    }

    void awaitOnTheOutputTopics(OutputTopics topics, Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, JsonNode> published = topics.latestByKey("metrics.company");
            assertEquals(companies.keySet(), new TreeMap<>(published).keySet(), "tickers on metrics.company");
            List<String> differences = new ArrayList<>();
            companies.forEach((ticker, expected) -> differences.addAll(
                    JsonFigures.differences(expected, published.get(ticker)).stream().map(d -> ticker + " " + d).toList()));
            assertEquals(List.of(), differences, "metrics.company");
            JsonNode latestUniverse = topics.latestByKey("metrics.universe").get("universe");
            assertEquals(List.of(), JsonFigures.differences(universe, latestUniverse), "metrics.universe");
        });
    }

    void awaitInTheReport(Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertEquals(List.of(), JsonFigures.differences(universe, WorkedExampleSystemTest.getJson("/api/v1/universe")),
                    "report universe");
            List<String> differences = new ArrayList<>();
            for (Map.Entry<String, JsonNode> company : companies.entrySet()) {
                JsonNode served = WorkedExampleSystemTest.getJson("/api/v1/companies/" + company.getKey());
                JsonFigures.differences(company.getValue(), served).forEach(d -> differences.add(company.getKey() + " " + d));
            }
            assertEquals(List.of(), differences, "report companies");
        });
    }

    int companyCount() {
        return companies.size();
    }
}
