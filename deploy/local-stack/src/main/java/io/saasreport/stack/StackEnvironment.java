package io.saasreport.stack;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the local stack gives each service: its place in the start order, its JVM (heap, options), and its
 * environment (HTTP port, Kafka address and login, database, the ingest key digests), derived from the stack's
 * ports, its state folder and the variables the stack was started with.
 */
final class StackEnvironment {

    static final String DEV_API_KEY = "local-dev-key";

    /**
     * The services in start order (the ingest API last, once its consumers run); {@code database} null when none;
     * {@code heap} the largest heap, sized from the work (docs/performance.md, "Memory"); {@code startHeap} the heap
     * it starts with, which grows with the work; {@code jvmOptions} its own JVM flags, before STACK_JVM_OPTIONS.
     */
    record Service(String name, String database, String heap, String startHeap, List<String> jvmOptions) {

        Service(String name, String database, String heap, String startHeap) {
            this(name, database, heap, startHeap, List.of());
        }
    }

    static final List<Service> SERVICES = List.of(
            // Kafka Streams, its stores in memory: sized for a trading week of one tick a minute for 2,000 companies
            // (3.9 million prices, every one of the week held for the weekly change). It starts at 256m: a restarted
            // service catching up a backlog holds a fetch response of up to 8 MB a partition whole in its old
            // generation, and from 64m its heap stayed at 80m with a full collection every two seconds (its live set
            // after each was small, so the collector saw no reason to grow it; docs/performance.md, "Throughput").
            // Its heap is kept nearer its live set than the JVM keeps it (a quarter of the old generation free after a
            // full collection, not two fifths; given back above half), and survivors of a young collection a sixth of
            // the young generation each, not a tenth, so that fewer short-lived figures are promoted: less resident
            // memory after the benchmark's storms for more full collections (docs/performance.md, "The metrics
            // service's heap kept near its live set").
            new Service(LocalStack.METRICS, null, "640m", "256m",
                    List.of("-XX:MinHeapFreeRatio=25", "-XX:MaxHeapFreeRatio=50", "-XX:SurvivorRatio=4")),
            new Service(LocalStack.REPORT, "report", "160m", "64m"),
            new Service(LocalStack.INGEST, null, "96m", "64m"));

    private final Path root;
    private final Path data;
    private final StackPorts ports;
    /** The secured mode's logins (null: plaintext Kafka). */
    private final KafkaBroker.Sasl sasl;

    StackEnvironment(Path root, Path data, StackPorts ports, boolean securedKafka) {
        this.root = root;
        this.data = data;
        this.ports = ports;
        this.sasl = securedKafka ? KafkaBroker.Sasl.generate(KafkaAccess.PRINCIPAL_OF_SERVICE.values()) : null;
    }

    static Service service(String name) {
        return SERVICES.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    /** The secured mode's logins, null for plaintext Kafka. */
    KafkaBroker.Sasl sasl() {
        return sasl;
    }

    String bootstrapServers() {
        return "localhost:" + ports.kafka();
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + ports.postgres() + "/" + database;
    }

    URI uri(String service) {
        return URI.create("http://localhost:" + ports.of(service));
    }

    /** The key the ingest service accepts: the user's own ({@code INGEST_API_KEYS}) or the documented dev key. */
    static String configuredApiKey() {
        return configuredApiKeys().get(0);
    }

    private static List<String> configuredApiKeys() {
        String configured = System.getenv("INGEST_API_KEYS");
        if (configured == null || configured.isBlank()) {
            return List.of(DEV_API_KEY);
        }
        return Stream.of(configured.split(",")).map(String::trim).filter(key -> !key.isEmpty()).toList();
    }

    /** The comma-separated SHA-256 digests (hex) of the keys: what the ingest service is configured with. */
    static String digests(List<String> keys) {
        try {
            List<String> digests = new ArrayList<>();
            for (String key : keys) {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
                digests.add(HexFormat.of().formatHex(digest));
            }
            return String.join(",", digests);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /**
     * Every service's JVM: the serial collector (the least memory beside the heap; young pauses of a few ms at these
     * heaps) and glibc's free memory handed back every 5 s (the compiler's and the clients' freed native memory
     * otherwise stays resident: 20-60 MB per service, jcmd System.trim_native_heap), then STACK_JVM_OPTIONS (say
     * -XX:NativeMemoryTracking=summary). MALLOC_ARENA_MAX=2 in the environment caps glibc's arenas. A service whose
     * heap runs out exits (status 3) and the {@link Supervisor} restarts it: left running, a thread that died of it
     * left the process wedged with liveness UP (a full trading week in the metrics service's first heap).
     */
    static List<String> jvmOptions() {
        return jvmOptions(List.of(), System.getenv());
    }

    private static final List<String> STACK_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TrimNativeHeapInterval=5000",
            "-XX:+ExitOnOutOfMemoryError");

    /** The stack's own flags, then a service's own, then STACK_JVM_OPTIONS (the last one given wins). */
    private static List<String> jvmOptions(List<String> serviceOptions, Map<String, String> env) {
        List<String> options = new ArrayList<>(STACK_OPTIONS);
        options.addAll(serviceOptions);
        options.addAll(flags(env.get("STACK_JVM_OPTIONS")));
        return options;
    }

    /**
     * A service's largest heap: its own default (2,000 companies' work), or STACK_SERVICE_HEAP for every service. The
     * metrics service keeps its state stores in memory: 50,000 companies filled a 512 MB heap with full collections.
     */
    private static String serviceHeap(Service service, Map<String, String> env) {
        String heap = env.get("STACK_SERVICE_HEAP");
        return heap == null || heap.isBlank() ? service.heap() : heap.trim();
    }

    /** The heap a service starts with, never above its largest (STACK_SERVICE_HEAP may set that lower). */
    static String startHeap(String start, String largest) {
        return bytes(start) <= bytes(largest) ? start : largest;
    }

    /** A heap size as -Xmx takes it (digits, then k, m or g, in either case) in bytes. */
    static long bytes(String size) {
        char unit = Character.toLowerCase(size.charAt(size.length() - 1));
        long scale = switch (unit) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        return Long.parseLong(Character.isDigit(unit) ? size : size.substring(0, size.length() - 1)) * scale;
    }

    /**
     * How a service reaches Kafka. The services' prod profile wants SASL_SSL with KAFKA_USERNAME and
     * KAFKA_PASSWORD; secured, the stack gives each its own login over SASL_PLAINTEXT (loopback, no TLS);
     * plaintext, it says so, and no login is asked for.
     */
    private Map<String, String> kafkaSecurityEnvironment(String service) {
        if (sasl == null) {
            return Map.of("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT");
        }
        String user = KafkaAccess.PRINCIPAL_OF_SERVICE.get(service);
        return Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_USERNAME", user,
                "KAFKA_PASSWORD", sasl.password(user));
    }

    /**
     * Starts an instance of the service (its built fast-jar) on {@code httpPort}, with this environment plus
     * {@code extraEnv}, its output appended to its log under the state folder.
     */
    ServiceProcess launch(Service service, int httpPort, Map<String, String> extraEnv) throws IOException {
        Path jar = root.resolve(service.name()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with ./mvnw package -DskipTests");
        }
        String logName = httpPort == ports.of(service.name()) ? service.name() : service.name() + "-" + httpPort;
        Path log = data.resolve("logs").resolve(logName + ".log");
        ProcessBuilder builder = javaProcess(service, List.of("-jar", jar.toString()))
                .directory(root.resolve(service.name()).toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(httpPort));
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers());
        // One broker: the metrics service's internal topics get one replica (production: 3, min.insync.replicas 2).
        env.put("METRICS_INTERNAL_TOPIC_REPLICATION", "1");
        env.put("METRICS_INTERNAL_TOPIC_MIN_INSYNC", "1");
        env.putAll(kafkaSecurityEnvironment(service.name()));
        // The ingest service is configured with digests only; the keys stay with the stack.
        env.remove("INGEST_API_KEYS");
        env.put("INGEST_API_KEY_DIGESTS", digests(configuredApiKeys()));
        // A development stack: Swagger UI on, which prod leaves off unless asked.
        env.putIfAbsent("QUARKUS_SWAGGER_UI_ENABLED", "true");
        // The dashboard's "Sources" panel: the report asks the stack's ingest service how its feeds are doing.
        if (service.name().equals(LocalStack.REPORT)) {
            env.putIfAbsent("REPORT_FEEDS_URL", uri(LocalStack.INGEST).resolve("/api/v1/feeds").toString());
        }
        if (service.database() != null) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl(service.database()));
            env.put("QUARKUS_DATASOURCE_USERNAME", Postgres.USER);
            env.put("QUARKUS_DATASOURCE_PASSWORD", Postgres.PASSWORD);
        }
        env.putAll(extraEnv);
        LocalStack.log("starting " + service.name() + " on port " + httpPort);
        return new ServiceProcess(service.name(), httpPort, builder.start(), log);
    }

    /**
     * A process of the JVM a service runs in ({@link #javaCommand(Service)}) running {@code arguments}, with glibc's
     * arenas capped at two (MALLOC_ARENA_MAX, unless the environment sets it).
     */
    static ProcessBuilder javaProcess(Service service, List<String> arguments) {
        List<String> command = javaCommand(service);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        return builder;
    }

    /**
     * The JVM a service runs in: java, its start and largest heap, {@link #jvmOptions()} with the service's own flags
     * ({@link Service#jvmOptions()}) before STACK_JVM_OPTIONS, then the service's own
     * {@code STACK_<SERVICE>_JVM_OPTIONS} (STACK_METRICS_JVM_OPTIONS, STACK_REPORT_JVM_OPTIONS, STACK_INGEST_JVM_OPTIONS).
     */
    static List<String> javaCommand(Service service) {
        return javaCommand(service, System.getenv());
    }

    /** {@link #javaCommand(Service)} with the STACK_* settings taken from {@code env}. */
    static List<String> javaCommand(Service service, Map<String, String> env) {
        // The heap starts small and grows with the work (the JVM's default start, 1/64 of the machine, is more than
        // a service needs after a storm).
        String heap = serviceHeap(service, env);
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xms" + startHeap(service.startHeap(), heap),
                "-Xmx" + heap));
        command.addAll(jvmOptions(service.jvmOptions(), env));
        command.addAll(flags(env.get(serviceOptionsVariable(service.name()))));
        return command;
    }

    /** STACK_METRICS_JVM_OPTIONS for metrics-service. */
    static String serviceOptionsVariable(String service) {
        return "STACK_" + service.replace("-service", "").toUpperCase(Locale.ROOT) + "_JVM_OPTIONS";
    }

    private static List<String> flags(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * This JVM's class path for a child JVM: the loader's URLs when Maven's exec:java runs it (it loads the project
     * through a URLClassLoader and leaves java.class.path to Maven's own launcher), else java.class.path.
     */
    static String classPath() {
        if (StackEnvironment.class.getClassLoader() instanceof URLClassLoader loader && loader.getURLs().length > 0) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException e) {
                    throw new IllegalStateException("a class path entry that is not a path: " + url, e);
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }
}
