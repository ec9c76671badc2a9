package io.saasreport.report.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.saasreport.testsupport.ConfigMappings;
import io.smallrye.config.ConfigValidationException;

/** The {@code report.*} settings: their defaults, and the values that stop the start. */
class ReportConfigTest {

    /** What has no default: the topics and the two scheduler intervals. */
    private static final Map<String, String> REQUIRED = required();

    @Test
    void defaults() {
        ReportConfig config = ConfigMappings.read(ReportConfig.class, REQUIRED);
        assertEquals(1000, config.alerts().kept());
        assertEquals("report-service", config.kafka().group());
        assertEquals(2000, config.kafka().maxPollRecords());
        assertEquals(Duration.ofSeconds(1), config.kafka().writerLinger());
        assertEquals(10000, config.kafka().writerBatchRecords());
        assertEquals(Duration.ofMillis(500), config.kafka().retry().initialBackoff());
        assertEquals(Duration.ofSeconds(10), config.kafka().retry().maxBackoff());
        assertEquals(Duration.ofDays(1), config.history().minutesKept());
        assertEquals(Duration.ofDays(31), config.history().hoursKept());
        assertEquals(Duration.ofDays(365), config.history().daysKept());
        assertEquals(Duration.ofMillis(20), config.stream().interval());
        assertEquals(500, config.stream().maxConnections());
        assertEquals(Duration.ofSeconds(30), config.stream().stallTimeout());
        assertEquals("metrics.alerts", config.kafka().alerts().topic());
    }

    @Test
    void aMissingTopicStopsTheStart() {
        Map<String, String> values = new HashMap<>(REQUIRED);
        values.remove("report.kafka.filings.topic");
        ConfigValidationException refused = assertThrows(ConfigValidationException.class,
                () -> ConfigMappings.read(ReportConfig.class, values));
        assertTrue(refused.getMessage().contains("report.kafka.filings.topic"), refused.getMessage());
    }

    @Test
    void countsAndIntervalsThatAreNotPositiveStopTheStart() {
        assertRefused("report.alerts.kept", "0");
        assertRefused("report.kafka.max-poll-records", "0");
        assertRefused("report.kafka.writer-batch-records", "0");
        assertRefused("report.kafka.retry.initial-backoff", "PT0S");
        assertRefused("report.kafka.retry.max-backoff", "-PT1S");
        assertRefused("report.stream.interval", "PT0S");
        assertRefused("report.stream.max-connections", "0");
        assertRefused("report.stream.stall-timeout", "PT0S");
        assertRefused("report.history.minutes-kept", "-PT1H");
        assertRefused("report.kafka.group", " ");
        assertRefused("report.kafka.company.dead-letter-topic", "");
    }

    private static void assertRefused(String key, String value) {
        Map<String, String> values = new HashMap<>(REQUIRED);
        values.put(key, value);
        ConfigValidationException refused = assertThrows(ConfigValidationException.class,
                () -> ConfigMappings.read(ReportConfig.class, values));
        assertTrue(refused.getMessage().contains(key), refused.getMessage());
    }

    private static Map<String, String> required() {
        Map<String, String> values = new HashMap<>();
        for (String channel : new String[] {"company", "universe", "filings", "alerts"}) {
            String topic = "alerts".equals(channel) ? "metrics.alerts" : "topic." + channel;
            values.put("report.kafka." + channel + ".topic", topic);
            values.put("report.kafka." + channel + ".dead-letter-topic", topic + ".report-dlq");
        }
        values.put("report.meters.refresh-interval", "5s");
        return Map.copyOf(values);
    }
}
