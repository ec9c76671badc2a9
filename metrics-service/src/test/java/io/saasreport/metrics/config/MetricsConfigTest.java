package io.saasreport.metrics.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.saasreport.testsupport.ConfigMappings;
import io.smallrye.config.ConfigValidationException;

/** The {@code metrics.*} settings as application.properties sets them, and the values that stop the start. */
class MetricsConfigTest {

    @Test
    void theServicesOwnValues() throws IOException {
        MetricsConfig config = ConfigMappings.read(MetricsConfig.class, applicationProperties());
        assertEquals("market.prices", config.topic().prices());
        assertEquals("metrics.alerts", config.topic().alerts());
        assertEquals(Duration.ofMillis(100), config.universe().publishInterval());
        assertEquals(3, config.universe().partitions());
        assertEquals(0.10, config.alerts().companyMultipleMove());
        assertEquals(0.05, config.alerts().medianMove());
        assertEquals("localhost", config.advertisedHost());
    }

    @Test
    void noPartitionsAnEmptyTopicOrAThresholdThatIsNotPositiveStopsTheStart() throws IOException {
        assertRefused("metrics.universe.partitions", "0");
        assertRefused("metrics.universe.publish-interval", "PT0S");
        assertRefused("metrics.alerts.median-move", "0");
        assertRefused("metrics.alerts.company-multiple-move", "-0.1");
        assertRefused("metrics.topic.macro", "");
    }

    private static void assertRefused(String key, String value) throws IOException {
        Map<String, String> values = applicationProperties();
        values.put(key, value);
        ConfigValidationException refused = assertThrows(ConfigValidationException.class,
                () -> ConfigMappings.read(MetricsConfig.class, values));
        assertTrue(refused.getMessage().contains(key), refused.getMessage());
    }

    /** The metrics.* keys of application.properties (the others are not this mapping's). */
    private static Map<String, String> applicationProperties() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MetricsConfigTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().stream().filter(name -> name.startsWith("metrics."))
                .forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }
}
