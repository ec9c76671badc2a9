package io.saasreport.report.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The spec's worked example (copied into src/test/resources/example, see PROVENANCE.md): the values the metrics
 * service publishes for it (the spec's figures and the growth bucket), with the {@code asOf} a test chooses.
 */
public final class ExampleData {

    /** The example universe's own asOf. */
    public static final Instant AS_OF = Instant.parse("2026-11-20T21:21:00Z");

    /** Every company of the example, by ticker. */
    public static final List<String> TICKERS = List.of("AYV", "BPH", "JPJH", "OJV", "QJIR", "UKQE", "UMV", "UPD", "WMRM");

    /**
     * The growth bucket metrics.company carries beside the spec's figures for each example company (the metrics
     * service's GrowthBucket of its ntmGrowth; its WorkedExampleTopologyTest checks that side).
     */
    private static final Map<String, String> GROWTH_BUCKETS = Map.of("BPH", "high", "JPJH", "high", "OJV", "mid",
            "QJIR", "high", "UKQE", "high", "UMV", "low", "UPD", "high", "WMRM", "high"); // AYV: no ntmGrowth, no bucket

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ArrayNode COMPANIES = (ArrayNode) read("example/expected-companies.json");
    private static final ObjectNode UNIVERSE = (ObjectNode) read("example/expected-universe.json");
    /** The sources the metrics service publishes beside each company's figures (see PROVENANCE.md). */
    private static final ObjectNode SOURCES = (ObjectNode) read("example/published-sources.json");

    /** The {@code metrics.company} value of one example company as of {@code asOf}: its figures and their sources. */
    public static String company(String ticker, Instant asOf) {
        return company(ticker, asOf, metrics -> {
        });
    }

    /** The same, with some figures changed by {@code change}. */
    public static String company(String ticker, Instant asOf, Consumer<ObjectNode> change) {
        for (JsonNode company : COMPANIES) {
            if (company.get("ticker").asText().equals(ticker)) {
                ObjectNode value = company.deepCopy();
                value.put("asOf", asOf.toString());
                value.put("growthBucket", GROWTH_BUCKETS.get(ticker));
                value.set("sources", SOURCES.get(ticker).deepCopy());
                change.accept(value);
                return value.toString();
            }
        }
        throw new IllegalArgumentException("No example company " + ticker);
    }

    /**
     * The same value in the metrics service's field order (ticker, name and asOf first, the figures, the sources, the
     * revision last), with {@code revision}: what the report reads at its ends (PublishedVersion).
     */
    public static String published(String ticker, Instant asOf, long revision, Consumer<ObjectNode> change) {
        ObjectNode example;
        try {
            example = (ObjectNode) MAPPER.readTree(company(ticker, asOf, change));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode value = MAPPER.createObjectNode();
        for (String first : List.of("ticker", "name", "asOf")) {
            value.set(first, example.remove(first));
        }
        JsonNode sources = example.remove("sources");
        value.setAll(example);
        value.set("sources", sources);
        value.put("revision", revision);
        return value.toString();
    }

    /** The {@code metrics.universe} value of the example as of {@code asOf}. */
    public static String universe(Instant asOf) {
        return universe(asOf, statistics -> {
        });
    }

    /** The same, with some figures changed by {@code change}. */
    public static String universe(Instant asOf, Consumer<ObjectNode> change) {
        ObjectNode value = UNIVERSE.deepCopy();
        value.put("asOf", asOf.toString());
        change.accept(value);
        return value.toString();
    }

    /** The example's {@code filing} events, as ingest publishes them on {@code company.filings}. */
    public static List<String> filings() {
        return text("example/events.ndjson").lines().filter(line -> line.contains("\"type\":\"filing\"")).toList();
    }

    private static JsonNode read(String resource) {
        try {
            return MAPPER.readTree(text(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String resource) {
        try (InputStream in = ExampleData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ExampleData() {
    }
}
