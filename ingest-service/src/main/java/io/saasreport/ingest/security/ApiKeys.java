package io.saasreport.ingest.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;
import io.saasreport.ingest.config.IngestConfig;

/**
 * The accepted API keys, known only by their SHA-256 digests: from {@code ingest.api-key-digests} and from the
 * file {@code ingest.api-key-file}, which is read again whenever it changes (rotation without a restart). Several
 * digests may be valid at once, so a new key is added before the old one is removed.
 *
 * <p>Created at startup so that a service with no key refuses to start rather than run with writes open or closed
 * to everyone. A changed file that cannot be read or holds no valid digest is refused with an error in the log,
 * and the keys read last stay in force.
 */
@Startup
@ApplicationScoped
public class ApiKeys {

    private static final Logger LOG = Logger.getLogger(ApiKeys.class);
    private static final HexFormat HEX = HexFormat.of();

    private final List<byte[]> configured;
    private final Optional<Path> file;
    private volatile Snapshot current;

    /** The digests in force and the file version they were read from (null without a file). */
    private record Snapshot(List<byte[]> digests, Object fileVersion) {
    }

    public ApiKeys(IngestConfig config) {
        this.configured = parse(config.apiKeyDigests().orElse(List.of()), "ingest.api-key-digests");
        this.file = config.apiKeyFile();
        Snapshot initial = file.isPresent() ? read(file.get()) : new Snapshot(configured, null);
        if (initial.digests().isEmpty()) {
            throw new IllegalStateException("No API key configured: set INGEST_API_KEY_DIGESTS (property "
                    + "ingest.api-key-digests) to the SHA-256 digests of the keys, or INGEST_API_KEY_FILE to a file of "
                    + "them (ingest-service/api-key-digest.sh prints one); the ingest service does not start without one");
        }
        this.current = initial;
    }

    /** The lower-case hex SHA-256 digest of a key's UTF-8 bytes: what is configured instead of the key. */
    public static String digest(String key) {
        return HEX.formatHex(sha256(key));
    }

    /**
     * A principal name for the matching key (the first 8 hex digits of its digest, which reveal nothing of the
     * key), or empty when no accepted digest matches.
     */
    public Optional<String> match(String candidate) {
        byte[] given = sha256(candidate);
        byte[] found = null;
        for (byte[] digest : digests()) {
            // Constant-time comparison, no early exit: timing tells nothing about the digests.
            if (MessageDigest.isEqual(digest, given) && found == null) {
                found = digest;
            }
        }
        return found == null ? Optional.empty() : Optional.of("api-key-" + HEX.formatHex(found, 0, 4));
    }

    /** The digests in force, after reading the file again if it changed (one stat per call). */
    List<byte[]> digests() {
        if (file.isEmpty()) {
            return current.digests();
        }
        Object version = version(file.get());
        Snapshot seen = current;
        if (!Objects.equals(version, seen.fileVersion())) {
            reload(version);
        }
        return current.digests();
    }

    private synchronized void reload(Object version) {
        if (Objects.equals(version, current.fileVersion())) {
            return; // another request reloaded it meanwhile
        }
        try {
            Snapshot read = read(file.get());
            if (read.digests().isEmpty()) {
                throw new IllegalStateException(file.get() + " holds no key digest");
            }
            current = read;
            LOG.infof("API keys reloaded from %s: %d accepted", file.get(), read.digests().size());
        } catch (RuntimeException e) {
            // Keep the keys in force; remember this version so that the log gets one error per change, not per request.
            current = new Snapshot(current.digests(), version);
            LOG.errorf("API key file %s not taken (the previous keys stay in force): %s", file.get(), e.getMessage());
        }
    }

    /** The configured digests plus those of the file; a bad line fails the whole read. */
    private Snapshot read(Path path) {
        Object version = version(path);
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the API key file " + path + " (ingest.api-key-file): " + e, e);
        }
        List<String> values = lines.stream().map(line -> line.replaceFirst("#.*", "")).toList();
        List<byte[]> digests = new ArrayList<>(configured);
        digests.addAll(parse(values, path.toString()));
        return new Snapshot(List.copyOf(digests), version);
    }

    /** Digests from configuration values; blank values are skipped, anything but 64 hex digits is refused. */
    static List<byte[]> parse(List<String> values, String source) {
        List<byte[]> digests = new ArrayList<>();
        for (String value : values) {
            String digest = value.trim();
            if (digest.isEmpty()) {
                continue;
            }
            if (!digest.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalStateException(source + ": '" + abbreviate(digest) + "' is not a SHA-256 digest "
                        + "(64 hex digits); configure the digest of a key, never the key itself");
            }
            digests.add(HEX.parseHex(digest.toLowerCase()));
        }
        return digests;
    }

    /** What identifies a version of the file: a Kubernetes Secret update swaps the file, changing its key and time. */
    private static Object version(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return List.of(String.valueOf(attributes.fileKey()), attributes.lastModifiedTime(), attributes.size());
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    private static String abbreviate(String value) {
        // Never log a whole value that might be a key pasted by mistake.
        return value.length() <= 4 ? "…" : value.substring(0, 4) + "…";
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
