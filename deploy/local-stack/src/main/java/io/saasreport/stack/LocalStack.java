package io.saasreport.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the whole system on one machine without Docker: a KRaft Kafka broker, PostgreSQL, the three
 * services (their Quarkus fast-jars as child processes) on the ports of the spec, and the demo data
 * loaded through the ingest API. Ctrl-C stops everything in reverse order.
 *
 * <p>Environment: {@code STACK_DATA=<folder>} keeps all state (broker log, database, service logs)
 * there and resumes from it; without it the state lives under {@code target/local-stack} and is
 * deleted on stop. {@code DEMO_DATA=none} loads no demo data. Every other variable (for example
 * {@code INGEST_API_KEYS}) reaches the services, which read it through Quarkus's environment mapping.
 */
public final class LocalStack {

    static final String DEV_API_KEY = "local-dev-key";
    private static final int KAFKA_PORT = 9092;
    private static final int KAFKA_CONTROLLER_PORT = 9093;

    record Service(String name, int port, String database) {
    }

    private static final List<Service> SERVICES = List.of(
            new Service("metrics-service", 8082, "metrics"),
            new Service("report-service", 8083, "report"),
            new Service("ingest-service", 8081, null));

    private final Path root;
    private final Path data;
    private final boolean keepData;
    private final Map<String, Process> processes = new java.util.LinkedHashMap<>();
    private String apiKey;
    private KafkaBroker kafka;
    private Postgres postgres;

    private LocalStack(Path root, Path data, boolean keepData) {
        this.root = root;
        this.data = data;
        this.keepData = keepData;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("saasreport.root", ".")).toAbsolutePath().normalize();
        String stackData = System.getenv("STACK_DATA");
        boolean keep = stackData != null && !stackData.isBlank();
        Path data = keep ? Path.of(stackData).toAbsolutePath() : root.resolve("target/local-stack");
        LocalStack stack = new LocalStack(root, data, keep);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.stop();
            stopped.countDown();
        }, "local-stack-shutdown"));
        try {
            stack.start();
            if ("none".equalsIgnoreCase(System.getenv("DEMO_DATA"))) {
                log("DEMO_DATA=none: no demo data loaded");
            } else {
                stack.loadDemoData();
            }
            stack.printWhereToLook();
        } catch (RuntimeException e) {
            System.err.println("Local stack failed to start: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    /**
     * Starts the infrastructure and the services (without demo data) and waits until every service is
     * ready. {@code root} is the repository root holding the built services.
     */
    public static LocalStack start(Path root, Path data, boolean keepData) {
        LocalStack stack = new LocalStack(root, data, keepData);
        try {
            stack.start();
        } catch (IOException e) {
            stack.stop();
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            stack.stop();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting", e);
        } catch (RuntimeException e) {
            stack.stop();
            throw e;
        }
        return stack;
    }

    private void start() throws IOException, InterruptedException {
        if (!keepData) {
            deleteRecursively(data);
        }
        Files.createDirectories(data.resolve("logs"));
        apiKey = configuredApiKey();
        log("state in " + data + (keepData ? " (kept: STACK_DATA)" : " (deleted on stop)"));

        kafka = KafkaBroker.start(data.resolve("kafka"), KAFKA_PORT, KAFKA_CONTROLLER_PORT);
        log("Kafka      " + kafka.bootstrapServers());
        int postgresPort = Integer.parseInt(System.getenv().getOrDefault("STACK_POSTGRES_PORT", "5432"));
        postgres = Postgres.start(data.resolve("postgres"), postgresPort, keepData);
        log("PostgreSQL localhost:" + postgres.port());

        for (Service service : SERVICES) {
            processes.put(service.name(), launch(service));
        }
        for (Service service : SERVICES) {
            awaitReady(service);
        }
    }

    /** Loads the demo data set through the ingest API. */
    public void loadDemoData() {
        try {
            new DemoData(URI.create("http://localhost:8081"), apiKey).load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading demo data", e);
        }
    }

    /** Stops one service gracefully (SIGTERM), starts it again and waits until it is ready. */
    public void restart(String serviceName) throws IOException, InterruptedException {
        Service service = SERVICES.stream().filter(s -> s.name().equals(serviceName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + serviceName));
        stopProcess(processes.remove(serviceName));
        processes.put(serviceName, launch(service));
        awaitReady(service);
    }

    /** The bearer key the ingest service accepts. */
    public String apiKey() {
        return apiKey;
    }

    private void printWhereToLook() {
        log("""
                ready.
                  ingest   http://localhost:8081/q/swagger-ui   (writes need: Authorization: Bearer %s)
                  metrics  http://localhost:8082/q/health
                  report   http://localhost:8083/  (dashboard)   http://localhost:8083/api/v1/universe
                  metrics  http://localhost:808{1,2,3}/q/metrics
                  logs     %s
                Ctrl-C stops everything.""".formatted(apiKey, data.resolve("logs")));
    }

    /** The key the ingest service accepts: the user's own ({@code INGEST_API_KEYS}) or the documented dev key. */
    private static String configuredApiKey() {
        String configured = System.getenv("INGEST_API_KEYS");
        if (configured == null || configured.isBlank()) {
            return DEV_API_KEY;
        }
        return configured.split(",")[0].trim();
    }

    private Process launch(Service service) throws IOException {
        Path jar = root.resolve(service.name()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with ./mvnw install -DskipTests");
        }
        ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-Xmx512m", "-jar", jar.toString())
                .directory(root.resolve(service.name()).toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("logs").resolve(service.name() + ".log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.putIfAbsent("INGEST_API_KEYS", apiKey);
        if (service.database() != null) {
            postgres.createDatabase(service.database());
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(service.database()).replaceFirst("\\?.*$", ""));
            env.put("QUARKUS_DATASOURCE_USERNAME", Postgres.USER);
            env.put("QUARKUS_DATASOURCE_PASSWORD", Postgres.PASSWORD);
        }
        log("starting " + service.name() + " on port " + service.port());
        return builder.start();
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void awaitReady(Service service) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    log(service.name() + " ready");
                    return;
                }
            } catch (ConnectException e) {
                // not listening yet
            } catch (IOException e) {
                // starting up
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(service.name() + " not ready after 180 s: see " + data.resolve("logs"));
    }

    /** Stops the services first (they finish in-flight events), then the broker and the database. */
    public synchronized void stop() {
        log("stopping");
        List<Process> running = new ArrayList<>(processes.values());
        for (int i = running.size() - 1; i >= 0; i--) {
            stopProcess(running.get(i));
        }
        processes.clear();
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
        if (!keepData) {
            deleteRecursively(data);
        }
        log("stopped");
    }

    private static void stopProcess(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir, e);
        }
    }

    static void log(String message) {
        System.out.println("[local-stack] " + message);
    }

    static InputStream resource(String name) {
        InputStream in = LocalStack.class.getResourceAsStream("/demo/" + name);
        if (in == null) {
            throw new IllegalStateException("demo resource missing: " + name);
        }
        return in;
    }
}
