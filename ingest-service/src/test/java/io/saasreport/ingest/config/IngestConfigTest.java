package io.saasreport.ingest.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.saasreport.testsupport.ConfigMappings;
import io.smallrye.config.ConfigValidationException;

/** The {@code ingest.*} settings: their defaults, and the values that stop the start. */
class IngestConfigTest {

    @Test
    void defaults() {
        IngestConfig config = ConfigMappings.read(IngestConfig.class, Map.of());
        assertEquals(10_485_760, config.maxBodyBytes());
        assertEquals(Duration.ofSeconds(15), config.publishTimeout());
        assertEquals(Optional.empty(), config.apiKeyDigests());
        assertEquals(Optional.empty(), config.apiKeyFile());
        assertEquals(20_000, config.maxEventsPerRequest());
        assertEquals(Duration.ofHours(24), config.futureTolerance());
        assertEquals(LocalDate.of(1990, 1, 1), config.earliestDate());
    }

    @Test
    void valuesAsWritten() {
        IngestConfig config = ConfigMappings.read(IngestConfig.class, Map.of("ingest.max-body-bytes", "1024",
                "ingest.publish-timeout", "500ms", "ingest.api-key-digests", "a,b"));
        assertEquals(1024, config.maxBodyBytes());
        assertEquals(Duration.ofMillis(500), config.publishTimeout());
        assertEquals(Optional.of(List.of("a", "b")), config.apiKeyDigests());
        IngestConfig bounds = ConfigMappings.read(IngestConfig.class, Map.of("ingest.max-events-per-request", "10",
                "ingest.future-tolerance", "2h", "ingest.earliest-date", "2000-02-29"));
        assertEquals(10, bounds.maxEventsPerRequest());
        assertEquals(Duration.ofHours(2), bounds.futureTolerance());
        assertEquals(LocalDate.of(2000, 2, 29), bounds.earliestDate());
    }

    @Test
    void aBodyLimitOrATimeoutThatIsNotPositiveStopsTheStart() {
        assertRefused("ingest.max-body-bytes", "0");
        assertRefused("ingest.max-body-bytes", "-1");
        assertRefused("ingest.publish-timeout", "0s");
        assertRefused("ingest.publish-timeout", "-5s");
        assertRefused("ingest.max-events-per-request", "0");
        assertRefused("ingest.future-tolerance", "-1h");
        assertRefused("ingest.earliest-date", "01/01/1990");
    }

    private static void assertRefused(String key, String value) {
        ConfigValidationException refused = assertThrows(ConfigValidationException.class,
                () -> ConfigMappings.read(IngestConfig.class, Map.of(key, value)));
        assertTrue(refused.getMessage().contains(key), refused.getMessage());
    }
}
