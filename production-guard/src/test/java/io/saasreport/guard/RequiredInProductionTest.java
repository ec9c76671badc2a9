package io.saasreport.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The guard as a service's configuration runs it: with production on, plaintext Kafka and the compose file's example
 * API key (its digest, alone or in a list) are refused with the setting named; an encrypted protocol and a key of
 * one's own start; with production off (the local stack, the tests) the same values pass.
 */
class RequiredInProductionTest {

    /** SHA-256 of "local-dev-key", the compose file's INGEST_API_KEY_DIGESTS default. */
    private static final String EXAMPLE_DIGEST = "ed5a18fb8f807f996d649e379d3f35f39c543a91bdbf88c492f2ebd10d4df86c";
    private static final String OWN_DIGEST = "62af8704764faf8ea82fc61ce9c4c3908b6cb97d463a634e9e587d7c885db0ef";

    @Test
    void plaintextKafkaIsRefusedWithProductionOn() {
        SmallRyeConfig config = config(Map.of("saasreport.production", "true", "kafka.security.protocol", "PLAINTEXT"));

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> config.getValue("kafka.bootstrap.servers", String.class));
        assertTrue(refused.getMessage().contains("kafka.security.protocol (env KAFKA_SECURITY_PROTOCOL) is PLAINTEXT"),
                refused.getMessage());
    }

    @Test
    void saslWithoutTlsAndNoProtocolAtAllAreRefusedToo() {
        assertThrows(IllegalStateException.class, () -> config(Map.of("saasreport.production", "true",
                "kafka.security.protocol", "SASL_PLAINTEXT")).getValue("kafka.bootstrap.servers", String.class));
        assertThrows(IllegalStateException.class, () -> config(Map.of("saasreport.production", "true"))
                .getValue("kafka.bootstrap.servers", String.class));
    }

    @Test
    void theExampleKeyDigestIsRefusedAloneOrInAList() {
        for (String digests : new String[] {EXAMPLE_DIGEST, OWN_DIGEST + ", " + EXAMPLE_DIGEST.toUpperCase()}) {
            SmallRyeConfig config = config(Map.of("saasreport.production", "true", "kafka.security.protocol", "SASL_SSL",
                    "ingest.api-key-digests", digests));

            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> config.getValue("ingest.api-key-digests", String.class));
            assertTrue(refused.getMessage().contains("ingest.api-key-digests (env INGEST_API_KEY_DIGESTS) holds the example"),
                    refused.getMessage());
        }
    }

    @Test
    void anEncryptedProtocolAndAnOwnKeyStart() {
        SmallRyeConfig config = config(Map.of("saasreport.production", "true", "kafka.security.protocol", "SASL_SSL",
                "ingest.api-key-digests", OWN_DIGEST));

        assertEquals("localhost:9092", config.getValue("kafka.bootstrap.servers", String.class));
        assertEquals(OWN_DIGEST, config.getValue("ingest.api-key-digests", String.class));
    }

    @Test
    void withProductionOffTheLocalStacksValuesPass() {
        SmallRyeConfig config = config(Map.of("kafka.security.protocol", "PLAINTEXT",
                "ingest.api-key-digests", EXAMPLE_DIGEST));

        assertEquals("localhost:9092", config.getValue("kafka.bootstrap.servers", String.class));
        assertEquals(EXAMPLE_DIGEST, config.getValue("ingest.api-key-digests", String.class));
    }

    private static SmallRyeConfig config(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        all.put("kafka.bootstrap.servers", "localhost:9092");
        all.put(RequiredInProduction.EXAMPLE_VALUES, "ingest.api-key-digests=" + EXAMPLE_DIGEST);
        return new SmallRyeConfigBuilder()
                .withInterceptors(new RequiredInProduction())
                .withSources(new PropertiesConfigSource(all, "test", 100))
                .build();
    }
}
