package io.saasreport.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.saasreport.stack.FreePort;
import io.saasreport.stack.KafkaBroker;
import io.saasreport.stack.Postgres;

/**
 * One Kafka broker and one PostgreSQL server per test JVM, started on first use and stopped at exit.
 * The addresses are kept in system properties rather than static fields because Quarkus may load
 * the test resources in a fresh class loader when it restarts the application for another profile:
 * the servers must still be shared, never started twice.
 */
final class SharedInfrastructure {

    /**
     * Set by the {@code testcontainers} Maven profile on machines with a Docker engine: the test
     * resources then start nothing and Quarkus Dev Services provide Kafka and PostgreSQL instead.
     */
    static boolean devServicesProvideInfrastructure() {
        return Boolean.getBoolean("saasreport.test.devservices");
    }

    private static final String KAFKA_KEY = "saasreport.test.kafka.bootstrap";
    private static final String POSTGRES_KEY = "saasreport.test.postgres.jdbc";

    static synchronized String kafkaBootstrapServers() {
        return startOnce(KAFKA_KEY, () -> {
            Path dir = tempDir("kafka");
            KafkaBroker broker = KafkaBroker.start(dir, FreePort.find(), FreePort.find());
            onExit(() -> {
                broker.close();
                delete(dir);
            });
            return broker.bootstrapServers();
        });
    }

    /** JDBC URL of the test database (named {@code test}), with user and password {@link Postgres#USER}. */
    static synchronized String postgresJdbcUrl() {
        return startOnce(POSTGRES_KEY, () -> {
            Path dir = tempDir("postgres");
            Postgres postgres = Postgres.start(dir, FreePort.find(), false);
            postgres.createDatabase("test");
            onExit(() -> {
                postgres.close();
                delete(dir);
            });
            return postgres.jdbcUrl("test");
        });
    }

    private static String startOnce(String key, Supplier<String> start) {
        String address = System.getProperty(key);
        if (address == null) {
            address = start.get();
            System.setProperty(key, address);
        }
        return address;
    }

    private static void onExit(Runnable action) {
        Runtime.getRuntime().addShutdownHook(new Thread(action));
    }

    private static Path tempDir(String name) {
        try {
            return Files.createTempDirectory("saasreport-test-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Best effort at exit: a leftover temp directory is harmless.
        }
    }

    private SharedInfrastructure() {
    }
}
