package io.saasreport.ingest.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.saasreport.ingest.config.IngestConfig;

class ApiKeysTest {

    private static final String FIRST = "first-key";
    private static final String SECOND = "second-key";

    @TempDir
    Path dir;

    @Test
    void digestIsTheHexSha256OfTheKey() {
        // printf %s test-key | sha256sum
        assertEquals("62af8704764faf8ea82fc61ce9c4c3908b6cb97d463a634e9e587d7c885db0ef", ApiKeys.digest("test-key"));
    }

    @Test
    void refusesToStartWithoutAnyDigest() {
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> new ApiKeys(config(List.of(), null)));
        assertTrue(failure.getMessage().contains("INGEST_API_KEY_DIGESTS"), failure.getMessage());
        assertTrue(failure.getMessage().contains("INGEST_API_KEY_FILE"), failure.getMessage());
    }

    @Test
    void refusesToStartWithBlankValuesOnly() {
        assertThrows(IllegalStateException.class, () -> new ApiKeys(config(List.of(" ", ""), null)));
    }

    @Test
    void refusesAPlainKeyConfiguredInsteadOfItsDigestWithoutLoggingIt() {
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> new ApiKeys(config(List.of("local-dev-key"), null)));
        assertTrue(failure.getMessage().contains("is not a SHA-256 digest"), failure.getMessage());
        assertFalse(failure.getMessage().contains("local-dev-key"), failure.getMessage());
    }

    @Test
    void acceptsEveryConfiguredDigestAtOnceAndNothingElse() {
        ApiKeys keys = new ApiKeys(config(List.of(ApiKeys.digest(FIRST), " " + ApiKeys.digest(SECOND).toUpperCase() + " "), null));
        assertEquals(Optional.of("api-key-" + ApiKeys.digest(FIRST).substring(0, 8)), keys.match(FIRST));
        assertEquals(Optional.of("api-key-" + ApiKeys.digest(SECOND).substring(0, 8)), keys.match(SECOND));
        assertEquals(Optional.empty(), keys.match("first-ke"));
        assertEquals(Optional.empty(), keys.match(""));
        // The digest itself is not a key.
        assertEquals(Optional.empty(), keys.match(ApiKeys.digest(FIRST)));
    }

    @Test
    void rotatesThroughTheFileWithoutANewInstance() throws IOException {
        Path file = dir.resolve("api-keys");
        write(file, "# the first key\n" + ApiKeys.digest(FIRST) + "\n");
        ApiKeys keys = new ApiKeys(config(List.of(), file));
        assertTrue(keys.match(FIRST).isPresent());
        assertFalse(keys.match(SECOND).isPresent());

        write(file, ApiKeys.digest(FIRST) + "\n" + ApiKeys.digest(SECOND) + "  # added\n");
        assertTrue(keys.match(FIRST).isPresent());
        assertTrue(keys.match(SECOND).isPresent());

        write(file, ApiKeys.digest(SECOND) + "\n");
        assertFalse(keys.match(FIRST).isPresent());
        assertTrue(keys.match(SECOND).isPresent());
    }

    @Test
    void keepsTheKeysInForceWhenTheChangedFileIsBadOrGone() throws IOException {
        Path file = dir.resolve("api-keys");
        write(file, ApiKeys.digest(FIRST) + "\n");
        ApiKeys keys = new ApiKeys(config(List.of(), file));

        write(file, "a-plain-key-pasted-by-mistake\n");
        assertTrue(keys.match(FIRST).isPresent());
        write(file, "\n# nothing\n");
        assertTrue(keys.match(FIRST).isPresent());
        Files.delete(file);
        assertTrue(keys.match(FIRST).isPresent());

        write(file, ApiKeys.digest(SECOND) + "\n");
        assertFalse(keys.match(FIRST).isPresent());
        assertTrue(keys.match(SECOND).isPresent());
    }

    @Test
    void acceptsTheConfiguredDigestsBesideTheFile() throws IOException {
        Path file = dir.resolve("api-keys");
        write(file, ApiKeys.digest(SECOND) + "\n");
        ApiKeys keys = new ApiKeys(config(List.of(ApiKeys.digest(FIRST)), file));
        assertTrue(keys.match(FIRST).isPresent());
        assertTrue(keys.match(SECOND).isPresent());
    }

    @Test
    void refusesToStartOnAMissingFile() {
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> new ApiKeys(config(List.of(), dir.resolve("absent"))));
        assertTrue(failure.getMessage().contains("ingest.api-key-file"), failure.getMessage());
    }

    /** Replaces the file as Kubernetes updates a mounted Secret: a new file moved into place. */
    static void write(Path file, String content) throws IOException {
        Path next = Files.createTempFile(file.getParent(), "next", ".tmp");
        Files.writeString(next, content);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The two settings ApiKeys reads. A proxy rather than a class implementing IngestConfig: Quarkus would bind its
     * validation interceptor to such a class's constrained methods, which an anonymous class cannot take.
     */
    private static IngestConfig config(List<String> digests, Path file) {
        return (IngestConfig) Proxy.newProxyInstance(IngestConfig.class.getClassLoader(), new Class<?>[] {IngestConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "apiKeyDigests" -> Optional.of(digests);
                    case "apiKeyFile" -> Optional.ofNullable(file);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
