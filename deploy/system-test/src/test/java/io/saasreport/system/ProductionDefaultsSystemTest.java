package io.saasreport.system;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.saasreport.stack.FreePort;

/**
 * The packaged services in their prod profile have no default credentials: started with everything but one
 * setting, each refuses to start and names the missing one. Nothing else runs here (no broker, no database):
 * the refusal comes before any connection.
 */
class ProductionDefaultsSystemTest {

    /** A guard against a service that starts after all (the test then fails): not a measured duration. */
    private static final long EXIT_TIMEOUT_SECONDS = 120;

    private static final Map<String, String> COMPLETE = Map.of(
            "KAFKA_BOOTSTRAP_SERVERS", "localhost:1",
            "KAFKA_USERNAME", "user",
            "KAFKA_PASSWORD", "password",
            "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:1/none",
            "QUARKUS_DATASOURCE_USERNAME", "user",
            "QUARKUS_DATASOURCE_PASSWORD", "password",
            "INGEST_API_KEY_DIGESTS", "62af8704764faf8ea82fc61ce9c4c3908b6cb97d463a634e9e587d7c885db0ef");

    private static final String GUARD = "Missing setting(s) required in production: ";

    @ParameterizedTest(name = "{0} without {1}")
    @CsvSource({
            "ingest-service,  INGEST_API_KEY_DIGESTS,      No API key configured: set INGEST_API_KEY_DIGESTS",
            "ingest-service,  KAFKA_USERNAME,              " + GUARD + "KAFKA_USERNAME.",
            "ingest-service,  KAFKA_PASSWORD,              " + GUARD + "KAFKA_PASSWORD.",
            "metrics-service, KAFKA_USERNAME,              " + GUARD + "KAFKA_USERNAME.",
            "metrics-service, KAFKA_PASSWORD,              " + GUARD + "KAFKA_PASSWORD.",
            "report-service,  KAFKA_USERNAME,              " + GUARD + "KAFKA_USERNAME.",
            "report-service,  KAFKA_PASSWORD,              " + GUARD + "KAFKA_PASSWORD.",
            "report-service,  QUARKUS_DATASOURCE_USERNAME, " + GUARD + "quarkus.datasource.username (env QUARKUS_DATASOURCE_USERNAME).",
            "report-service,  QUARKUS_DATASOURCE_PASSWORD, " + GUARD + "quarkus.datasource.password (env QUARKUS_DATASOURCE_PASSWORD).",
    })
    void refusesToStartWithoutTheSettingAndNamesIt(String service, String missing, String message) throws Exception {
        Map<String, String> env = new HashMap<>(COMPLETE);
        env.remove(missing);
        Run run = start(service, env);
        assertNotEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains(message), () -> service + " did not say '" + message + "':\n" + run.output());
    }

    @Test
    void reportNamesEveryMissingLoginAtOnce() throws Exception {
        assertNamesAll("report-service", GUARD + "quarkus.datasource.username (env QUARKUS_DATASOURCE_USERNAME), "
                + "quarkus.datasource.password (env QUARKUS_DATASOURCE_PASSWORD), KAFKA_USERNAME, KAFKA_PASSWORD.");
    }

    /** The metrics service has no database (Kafka Streams keeps its state): only the Kafka login. */
    @Test
    void metricsNamesEveryMissingLoginAtOnce() throws Exception {
        assertNamesAll("metrics-service", GUARD + "KAFKA_USERNAME, KAFKA_PASSWORD.");
    }

    private static void assertNamesAll(String service, String all) throws Exception {
        Run run = start(service, Map.of("KAFKA_BOOTSTRAP_SERVERS", "localhost:1"));
        assertNotEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains(all), () -> service + " did not say '" + all + "':\n" + run.output());
    }

    private record Run(int exitCode, String output) {
    }

    /** Runs the service's fast-jar with only {@code env} (and its HTTP port), as a container gets it. */
    private static Run start(String service, Map<String, String> env) throws IOException, InterruptedException {
        Path jar = SystemUnderTest.root().resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        Path log = Files.createTempFile("prod-defaults-" + service, ".log");
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(FreePort.find()));
        Process process = builder.start();
        try {
            if (!process.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return new Run(0, service + " was still running: " + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
