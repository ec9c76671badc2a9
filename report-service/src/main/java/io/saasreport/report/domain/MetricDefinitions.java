package io.saasreport.report.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Each company figure's definition in words, as the spec words it: read from {@code explain/company-metric-definitions.properties}
 * (a copy of the spec's table, provenance in the file).
 */
public final class MetricDefinitions {

    static final String RESOURCE = "explain/company-metric-definitions.properties";

    private static final Map<String, String> DEFINITIONS = load();

    private MetricDefinitions() {
    }

    /** The definition of a figure of {@link CompanyMetrics}. */
    public static String of(String figure) {
        String definition = DEFINITIONS.get(figure);
        if (definition == null) {
            throw new IllegalStateException("no definition of " + figure + " in " + RESOURCE);
        }
        return definition;
    }

    /** Every figure defined. */
    public static Map<String, String> all() {
        return DEFINITIONS;
    }

    private static Map<String, String> load() {
        try (InputStream in = MetricDefinitions.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> definitions = new TreeMap<>();
            properties.stringPropertyNames().forEach(name -> definitions.put(name, properties.getProperty(name)));
            return Map.copyOf(definitions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
