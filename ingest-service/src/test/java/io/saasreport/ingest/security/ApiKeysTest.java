package io.saasreport.ingest.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.saasreport.ingest.config.IngestConfig;

class ApiKeysTest {

    @Test
    void refusesToStartWithoutAnyKey() {
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> new ApiKeys(config(Optional.empty())));
        assertTrue(failure.getMessage().contains("INGEST_API_KEYS"), failure.getMessage());
    }

    @Test
    void refusesToStartWithBlankKeysOnly() {
        assertThrows(IllegalStateException.class, () -> new ApiKeys(config(Optional.of(List.of(" ", "")))));
    }

    @Test
    void matchesEachConfiguredKeyByItsNumber() {
        ApiKeys keys = new ApiKeys(config(Optional.of(List.of("first-key", " second-key "))));
        assertEquals(1, keys.match("first-key"));
        assertEquals(2, keys.match("second-key"));
        assertEquals(0, keys.match("first-ke"));
        assertEquals(0, keys.match(""));
    }

    private static IngestConfig config(Optional<List<String>> keys) {
        return new IngestConfig() {
            @Override
            public Optional<List<String>> apiKeys() {
                return keys;
            }

            @Override
            public long maxBodyBytes() {
                return 1;
            }

            @Override
            public Duration publishTimeout() {
                return Duration.ofSeconds(1);
            }
        };
    }
}
