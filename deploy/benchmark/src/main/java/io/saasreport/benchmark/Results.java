package io.saasreport.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The rows of the run: what was measured, as text for the table and as values for the JSON. */
final class Results {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Instant startedAt = Instant.now();
    private final List<Map<String, Object>> rows = new ArrayList<>();

    void add(String phase, String label, String text, Object value, String meaning) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("phase", phase);
        row.put("label", label);
        row.put("text", text);
        row.put("value", value);
        row.put("meaning", meaning);
        rows.add(row);
        Benchmark.log(phase + ": " + label + " = " + text);
    }

    Instant startedAt() {
        return startedAt;
    }

    List<Map<String, Object>> rows() {
        return rows;
    }

    String table(Options options, int cores) {
        int labelWidth = 12;
        int textWidth = 10;
        for (Map<String, Object> row : rows) {
            labelWidth = Math.max(labelWidth, (row.get("phase") + " | " + row.get("label")).length());
            textWidth = Math.max(textWidth, String.valueOf(row.get("text")).length());
        }
        StringBuilder out = new StringBuilder();
        out.append("End-to-end benchmark, ").append(startedAt).append(", ").append(cores).append(" cores, ")
                .append(options.companies()).append(" companies");
        if (options.runs("ticks")) {
            out.append(", ").append(options.ticks()).append(" ticks (after ").append(options.warmupTicks())
                    .append(" warm-up ticks)");
        }
        if (options.runs("sustained")) {
            out.append(", ").append(options.rate()).append(" ticks/s for ").append(options.sustainSeconds()).append(" s");
        }
        if (options.runs("rest")) {
            out.append(", ").append(options.clients()).append(" REST clients");
        }
        out.append(" (phases ").append(String.join(",", options.phases())).append(")\n");
        String format = "%-" + labelWidth + "s  %-" + textWidth + "s  %s%n";
        out.append(String.format(format, "phase | measure", "result", "meaning"));
        out.append("-".repeat(labelWidth + textWidth + 40)).append('\n');
        for (Map<String, Object> row : rows) {
            out.append(String.format(format, row.get("phase") + " | " + row.get("label"), row.get("text"), row.get("meaning")));
        }
        return out.toString();
    }

    /** Writes the rows with the run's parameters and machine to --out. */
    void write(Options options) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("startedAt", startedAt.toString());
        json.put("cores", Runtime.getRuntime().availableProcessors());
        json.put("java", System.getProperty("java.version"));
        json.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        json.put("parameters", options.asMap());
        json.put("results", rows);
        Files.createDirectories(options.out().toAbsolutePath().getParent());
        MAPPER.writeValue(options.out().toFile(), json);
        System.out.println("JSON: " + options.out().toAbsolutePath());
    }
}
