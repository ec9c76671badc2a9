package io.saasreport.metrics.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.ConfigValidationException;

/** The {@code metrics.*} settings as application.properties sets them, and the values that stop the start. */
class MetricsConfigTest {

    @Test
    void theServicesOwnValues() {
        MetricsConfig config = ApplicationProperties.metricsConfig();
        assertEquals("market.prices", config.topic().prices());
        assertEquals("metrics.alerts", config.topic().alerts());
        assertEquals(Duration.ofMillis(100), config.universe().publishInterval());
        assertEquals(3, config.universe().partitions());
        assertEquals(0.10, config.alerts().companyMultipleMove());
        assertEquals(0.05, config.alerts().medianMove());
        assertEquals("localhost", config.advertisedHost());
    }

    @Test
    void noPartitionsAnEmptyTopicOrAThresholdThatIsNotPositiveStopsTheStart() {
        assertRefused("metrics.universe.partitions", "0");
        assertRefused("metrics.universe.publish-interval", "PT0S");
        assertRefused("metrics.alerts.median-move", "0");
        assertRefused("metrics.alerts.company-multiple-move", "-0.1");
        assertRefused("metrics.topic.macro", "");
    }

    private static void assertRefused(String key, String value) {
        ConfigValidationException refused = assertThrows(ConfigValidationException.class,
                () -> ApplicationProperties.metricsConfig(Map.of(key, value)));
        assertTrue(refused.getMessage().contains(key), refused.getMessage());
    }
}
