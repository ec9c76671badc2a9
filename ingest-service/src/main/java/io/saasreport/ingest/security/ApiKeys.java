package io.saasreport.ingest.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;
import io.saasreport.ingest.config.IngestConfig;

/**
 * The configured API keys. Created at startup so that a service with no key refuses to start rather
 * than run with writes open or closed to everyone: production sets {@code INGEST_API_KEYS}.
 */
@Startup
@ApplicationScoped
public class ApiKeys {

    private final List<byte[]> keys;

    public ApiKeys(IngestConfig config) {
        this.keys = parse(config.apiKeys());
    }

    static List<byte[]> parse(Optional<List<String>> configured) {
        List<byte[]> keys = configured.orElse(List.of()).stream()
                .map(String::trim)
                .filter(key -> !key.isEmpty())
                .map(key -> key.getBytes(StandardCharsets.UTF_8))
                .toList();
        if (keys.isEmpty()) {
            throw new IllegalStateException("No API key configured: set INGEST_API_KEYS (property ingest.api-keys) "
                    + "to one or more comma-separated keys; the ingest service does not start without one");
        }
        return keys;
    }

    /** The 1-based number of the matching key (a principal name that does not reveal the key), or 0. */
    public int match(String candidate) {
        byte[] given = candidate.getBytes(StandardCharsets.UTF_8);
        int found = 0;
        for (int i = 0; i < keys.size(); i++) {
            // Constant-time comparison, and no early exit: timing tells nothing about the keys.
            if (MessageDigest.isEqual(keys.get(i), given) && found == 0) {
                found = i + 1;
            }
        }
        return found;
    }
}
