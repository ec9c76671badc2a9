package io.saasreport.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * Runs the whole system on one machine without Docker: a KRaft Kafka broker, PostgreSQL, the three
 * services (their Quarkus fast-jars as child processes) on the ports of the spec, and the demo data
 * loaded through the ingest API. Ctrl-C stops everything in reverse order.
 *
 * <p>Each piece can be stopped, killed and started again on its own (broker, database, each service)
 * and extra service instances launched: the fault tests use that.
 *
 * <p>Environment: {@code STACK_DATA=<folder>} keeps all state (broker log, database, service logs)
 * there and resumes from it; without it the state lives under {@code target/local-stack} and is
 * deleted on stop. {@code DEMO_DATA=none} loads no demo data. Every other variable (for example
 * {@code QUARKUS_LOG_LEVEL}) reaches the services, which read it through Quarkus's environment mapping.
 * The ports are moved with {@code STACK_*_PORT} ({@link StackPorts}); the stack refuses busy ones.
 *
 * <p>{@code STACK_KAFKA_SECURITY=sasl} runs Kafka secured as in production (without TLS, on loopback): each
 * service logs in with SCRAM-SHA-512 as its own principal and the ACLs of {@link KafkaAccess} apply. By default
 * Kafka is plaintext and open. The ingest service gets the SHA-256 digests of the keys in {@code INGEST_API_KEYS}
 * (default {@code local-dev-key}), never the keys.
 *
 * <p>This class is the launcher: the command line, the pieces started, supervised and stopped in order. What each
 * service is launched with (JVM, environment, ports, database, Kafka login) is {@link StackEnvironment}'s.
 *
 * <p>The stack supervises its services ({@link Supervisor}): a service process that dies, or whose liveness stays
 * DOWN, is started again with a backoff and a log line. {@code STACK_KAFKA_PROCESS=true} runs the broker in a JVM
 * of its own ({@link BrokerProcess}, plaintext only), which can then be frozen and thawed.
 */
public final class LocalStack {

    public static final String INGEST = "ingest-service";
    public static final String METRICS = "metrics-service";
    public static final String REPORT = "report-service";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final StackEnvironment environment;
    private final Path data;
    private final boolean keepData;
    private final StackPorts ports;
    /** The broker runs in a process of its own (it can be frozen), not in this JVM. */
    private final boolean brokerInOwnProcess;
    private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();
    /** Services stopped or killed on purpose: the supervisor leaves them be until they are started again. */
    private final java.util.Set<String> held = new java.util.HashSet<>();
    private final List<ServiceProcess> extraInstances = new ArrayList<>();
    private final Supervisor supervisor = new Supervisor(new Supervisor.Services() {
        @Override
        public Map<String, ServiceProcess> supervised() {
            return supervisedProcesses();
        }

        @Override
        public void relaunch(String service, ServiceProcess failed) {
            relaunchFailed(service, failed);
        }
    });
    private String apiKey;
    private KafkaBroker kafka;
    private BrokerProcess kafkaProcess;
    private Postgres postgres;

    private LocalStack(Path root, Path data, boolean keepData, StackPorts ports, boolean secured, boolean brokerInOwnProcess) {
        if (secured && brokerInOwnProcess) {
            throw new IllegalArgumentException("the broker in its own process is plaintext only");
        }
        this.environment = new StackEnvironment(root, data, ports, secured);
        this.data = data;
        this.keepData = keepData;
        this.ports = ports;
        this.brokerInOwnProcess = brokerInOwnProcess;
    }

    /** {@code STACK_KAFKA_PROCESS=true}: the broker in a JVM of its own. */
    static boolean brokerInOwnProcess(Map<String, String> env) {
        return Boolean.parseBoolean(env.getOrDefault("STACK_KAFKA_PROCESS", "false").trim());
    }

    /** {@code STACK_KAFKA_SECURITY}: {@code sasl} secures Kafka; unset or {@code plaintext} leaves it open. */
    static boolean securedKafka(Map<String, String> env) {
        String mode = env.getOrDefault("STACK_KAFKA_SECURITY", "").trim();
        return switch (mode.toLowerCase()) {
            case "", "plaintext" -> false;
            case "sasl" -> true;
            default -> throw new IllegalArgumentException("STACK_KAFKA_SECURITY=" + mode + ": use sasl or plaintext");
        };
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("saasreport.root", ".")).toAbsolutePath().normalize();
        String stackData = System.getenv("STACK_DATA");
        boolean keep = stackData != null && !stackData.isBlank();
        Path data = keep ? Path.of(stackData).toAbsolutePath() : root.resolve("target/local-stack");
        StackPorts ports;
        boolean secured;
        try {
            ports = StackPorts.fromEnvironment(System.getenv());
            secured = securedKafka(System.getenv());
            ports.requireFree();
        } catch (RuntimeException e) {
            System.err.println("Local stack not started: " + e.getMessage());
            System.exit(2);
            return;
        }
        LocalStack stack = new LocalStack(root, data, keep, ports, secured, brokerInOwnProcess(System.getenv()));

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
     * Starts the infrastructure and the services (without demo data) on the ports of the environment
     * ({@link StackPorts#fromEnvironment}) and waits until every service is ready. {@code root} is the
     * repository root holding the built services.
     */
    public static LocalStack start(Path root, Path data, boolean keepData) {
        return start(root, data, keepData, StackPorts.fromEnvironment(System.getenv()));
    }

    /** As {@link #start(Path, Path, boolean)} on the given ports; fails before starting anything if one is busy. */
    public static LocalStack start(Path root, Path data, boolean keepData, StackPorts ports) {
        return start(root, data, keepData, ports, securedKafka(System.getenv()));
    }

    /** As {@link #start(Path, Path, boolean, StackPorts)}, with Kafka secured (SASL and ACLs) or plaintext. */
    public static LocalStack start(Path root, Path data, boolean keepData, StackPorts ports, boolean securedKafka) {
        return start(root, data, keepData, ports, securedKafka, false);
    }

    /** As above, with the broker in this JVM or ({@code brokerInOwnProcess}, plaintext only) in a process of its own. */
    public static LocalStack start(Path root, Path data, boolean keepData, StackPorts ports, boolean securedKafka,
            boolean brokerInOwnProcess) {
        ports.requireFree();
        LocalStack stack = new LocalStack(root, data, keepData, ports, securedKafka, brokerInOwnProcess);
        try {
            stack.start();
        } catch (IOException e) {
            stack.stop();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            stack.stop();
            throw e;
        }
        return stack;
    }

    private void start() throws IOException {
        if (!keepData) {
            deleteRecursively(data);
        }
        Files.createDirectories(data.resolve("logs"));
        apiKey = StackEnvironment.configuredApiKey();
        log("state in " + data + (keepData ? " (kept: STACK_DATA)" : " (deleted on stop)"));

        startBroker();
        startDatabase();
        for (StackEnvironment.Service service : StackEnvironment.SERVICES) {
            if (service.database() != null) {
                postgres.createDatabase(service.database());
            }
        }
        for (StackEnvironment.Service service : StackEnvironment.SERVICES) {
            processes.put(service.name(), environment.launch(service, ports.of(service.name()), Map.of()));
        }
        for (StackEnvironment.Service service : StackEnvironment.SERVICES) {
            processes.get(service.name()).awaitReady(READY_TIMEOUT);
        }
        supervisor.start();
    }

    /** Loads the demo data set through the ingest API. */
    public void loadDemoData() {
        try {
            new DemoData(ingestUri(), apiKey).load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading demo data", e);
        }
    }

    // ---- Control of the pieces, one by one (the fault tests) ----------------------------------------

    /** SIGKILL of a service's main instance (a crash: no shutdown hook runs); waits until it is gone. */
    public synchronized void kill(String service) {
        held.add(service);
        process(service).kill();
        log(service + " killed (SIGKILL)");
    }

    /** SIGTERM of a service's main instance (a graceful stop); waits until it is gone. */
    public synchronized void stop(String service) {
        held.add(service);
        process(service).stop();
        log(service + " stopped (SIGTERM)");
    }

    /** Launches a stopped or killed service's main instance again and waits until it is ready. */
    public synchronized void start(String service) {
        if (process(service).isAlive()) {
            throw new IllegalStateException(service + " is running: stop or kill it first");
        }
        ServiceProcess started = launchChecked(StackEnvironment.service(service), ports.of(service), Map.of());
        processes.put(service, started);
        started.awaitReady(READY_TIMEOUT);
        held.remove(service);
        supervisor.reset(service);
    }

    private synchronized Map<String, ServiceProcess> supervisedProcesses() {
        Map<String, ServiceProcess> supervised = new LinkedHashMap<>(processes);
        supervised.keySet().removeAll(held);
        return supervised;
    }

    /** The supervisor's restart: only if {@code failed} is still the service's process and nobody stopped it since. */
    private synchronized void relaunchFailed(String service, ServiceProcess failed) {
        if (held.contains(service) || processes.get(service) != failed) {
            return;
        }
        if (failed.isAlive()) {
            failed.kill();
        }
        processes.put(service, launchChecked(StackEnvironment.service(service), ports.of(service), Map.of()));
    }

    /** Stops one service gracefully (SIGTERM), starts it again and waits until it is ready. */
    public void restart(String service) {
        stop(service);
        start(service);
    }

    /**
     * Launches another instance of a service on {@code httpPort}, with the stack's environment plus
     * {@code extraEnv}, and waits until it is ready. It is stopped with the stack unless stopped before.
     */
    public synchronized ServiceProcess launchExtraInstance(String service, int httpPort, Map<String, String> extraEnv) {
        ServiceProcess instance = launchChecked(StackEnvironment.service(service), httpPort, extraEnv);
        extraInstances.add(instance);
        instance.awaitReady(READY_TIMEOUT);
        return instance;
    }

    /**
     * A process of the JVM the stack runs a service in (java, heaps, options, MALLOC_ARENA_MAX) running
     * {@code arguments}, on this JVM's class path ({@code -cp} and a main class among the arguments): for a
     * benchmark's yardstick that should start as cold and as large as the service.
     */
    public static ProcessBuilder javaProcess(String service, List<String> arguments) {
        return StackEnvironment.javaProcess(StackEnvironment.service(service), arguments);
    }

    /** This JVM's class path, also when Maven's exec:java runs it, for a child JVM of the same code. */
    public static String classPath() {
        return StackEnvironment.classPath();
    }

    /** The running main instance of a service (for its pid or to wait for it). */
    public synchronized ServiceProcess process(String service) {
        ServiceProcess process = processes.get(service);
        if (process == null) {
            throw new IllegalArgumentException("no service " + service);
        }
        return process;
    }

    /**
     * Stops the embedded broker at once (in this JVM: its sockets close, clients see it gone). Its log
     * directory and ports stay, for {@link #startBroker()}.
     */
    public synchronized void stopBroker() {
        if (kafkaProcess != null) {
            kafkaProcess.close();
            kafkaProcess = null;
            log("Kafka stopped (its process)");
        }
        if (kafka != null) {
            kafka.close();
            kafka = null;
            log("Kafka stopped");
        }
    }

    /** Starts the broker on the same log directory and ports (the topics and records are kept). */
    public synchronized void startBroker() {
        if (brokerInOwnProcess) {
            if (kafkaProcess == null) {
                kafkaProcess = BrokerProcess.start(data.resolve("kafka"), ports.kafka(), ports.kafkaController(),
                        data.resolve("logs").resolve("kafka.log"));
                log("Kafka      " + bootstrapServers() + " (plaintext, process " + kafkaProcess.pid() + ")");
            }
            return;
        }
        if (kafka == null) {
            kafka = KafkaBroker.start(data.resolve("kafka"), ports.kafka(), ports.kafkaController(), environment.sasl());
            log("Kafka      " + kafka.bootstrapServers() + (environment.sasl() != null ? " (SASL SCRAM-SHA-512, ACLs)" : " (plaintext)"));
        }
    }

    /** SIGSTOP of the broker's process: its sockets stay open and nothing answers (needs STACK_KAFKA_PROCESS). */
    public synchronized void freezeBroker() {
        brokerProcess().freeze();
        log("Kafka frozen (SIGSTOP " + kafkaProcess.pid() + ")");
    }

    /** SIGCONT of the frozen broker's process. */
    public synchronized void thawBroker() {
        brokerProcess().thaw();
        log("Kafka thawed (SIGCONT " + kafkaProcess.pid() + ")");
    }

    private BrokerProcess brokerProcess() {
        if (kafkaProcess == null) {
            throw new IllegalStateException(brokerInOwnProcess ? "Kafka is stopped" : "Kafka runs in this JVM: start the "
                    + "stack with the broker in its own process to freeze it");
        }
        return kafkaProcess;
    }

    /** Stops PostgreSQL (through zonky: pg_ctl stop, fast mode); its data directory and port stay. */
    public synchronized void stopDatabase() {
        if (postgres != null) {
            postgres.close();
            postgres = null;
            log("PostgreSQL stopped");
        }
    }

    /** Starts PostgreSQL on the same data directory and port. */
    public synchronized void startDatabase() {
        if (postgres == null) {
            // Never let zonky clean the directory: a restart must find the data; stop() deletes it when not kept.
            postgres = Postgres.start(data.resolve("postgres"), ports.postgres(), true);
            log("PostgreSQL localhost:" + postgres.port());
        }
    }

    /** The bearer key the ingest service accepts. */
    public String apiKey() {
        return apiKey;
    }

    public StackPorts ports() {
        return ports;
    }

    /** The running broker: its client settings as admin ({@link KafkaBroker#adminProperties()}) or as a service's user. */
    public synchronized KafkaBroker kafka() {
        if (kafka == null) {
            throw new IllegalStateException(brokerInOwnProcess ? "Kafka runs in its own process: use bootstrapServers()"
                    : "Kafka is stopped");
        }
        return kafka;
    }

    /** {@code localhost:<port>} of the broker, also while it is stopped. */
    public String bootstrapServers() {
        return environment.bootstrapServers();
    }

    /** JDBC URL of a service's database (user and password {@link Postgres#USER} / {@link Postgres#PASSWORD}). */
    public String jdbcUrl(String database) {
        return environment.jdbcUrl(database);
    }

    /** {@code http://localhost:<port>} of a service's main instance. */
    public URI uri(String service) {
        return environment.uri(service);
    }

    /** Where the broker log, the database and the service logs live. */
    public Path dataDirectory() {
        return data;
    }

    private URI ingestUri() {
        return uri(INGEST);
    }

    private void printWhereToLook() {
        log("""
                ready.
                  ingest   http://localhost:%d/q/swagger-ui   (writes need: Authorization: Bearer %s)
                  metrics  http://localhost:%d/q/health
                  report   http://localhost:%d/  (dashboard)   http://localhost:%d/api/v1/universe
                  meters   /q/metrics on each service
                  logs     %s
                Ctrl-C stops everything.""".formatted(ports.ingest(), apiKey, ports.metrics(), ports.report(),
                ports.report(), data.resolve("logs")));
    }

    private ServiceProcess launchChecked(StackEnvironment.Service service, int httpPort, Map<String, String> extraEnv) {
        if (!StackPorts.isFree(httpPort)) {
            throw new IllegalStateException("port " + httpPort + " for " + service.name() + " is already in use");
        }
        try {
            return environment.launch(service, httpPort, extraEnv);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot launch " + service.name(), e);
        }
    }

    /** Stops the services first (they finish in-flight events), then the broker and the database. */
    public void stop() {
        // Outside the lock: the supervisor's thread may be waiting for it.
        supervisor.close();
        stopEverything();
    }

    private synchronized void stopEverything() {
        log("stopping");
        for (ServiceProcess instance : extraInstances) {
            instance.stop();
        }
        extraInstances.clear();
        List<ServiceProcess> running = new ArrayList<>(processes.values());
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).stop();
        }
        processes.clear();
        stopBroker();
        stopDatabase();
        if (!keepData) {
            deleteRecursively(data);
        }
        log("stopped");
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
