package io.saasreport.metrics.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import io.saasreport.testsupport.ConfigMappings;

/**
 * The service's own settings as application.properties sets them, read and validated as at start: what tests build
 * the topology from, so that they run on the configuration the service runs on.
 */
public final class ApplicationProperties {

    private ApplicationProperties() {
    }

    /** {@link MetricsConfig} as configured. */
    public static MetricsConfig metricsConfig() {
        return metricsConfig(Map.of());
    }

    /** {@link MetricsConfig} as configured, with the given {@code metrics.*} values in place of the configured ones. */
    public static MetricsConfig metricsConfig(Map<String, String> changed) {
        Map<String, String> values = metricsValues();
        values.putAll(changed);
        return ConfigMappings.read(MetricsConfig.class, values);
    }

    /** The {@code metrics.*} keys of application.properties (the others are not this mapping's). */
    private static Map<String, String> metricsValues() {
        Properties properties = new Properties();
        try (InputStream in = ApplicationProperties.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().stream().filter(name -> name.startsWith("metrics."))
                .forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }
}
