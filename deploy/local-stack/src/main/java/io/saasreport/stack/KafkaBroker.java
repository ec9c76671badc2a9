package io.saasreport.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A single-node Kafka (KRaft, broker and controller in one process) running in this JVM from the
 * Apache jars: the real broker, without Docker. Its log directory is formatted on first start and
 * reused afterwards, so a kept directory resumes where it stopped.
 *
 * <p>Plaintext without authentication by default. With {@link Sasl} it is secured as in production, without TLS
 * (loopback only): clients log in with SCRAM-SHA-512 as one principal per service, {@link KafkaAccess}'s ACLs
 * decide what each may do, and nothing is allowed without an ACL. The broker itself (controller and
 * inter-broker traffic) and the stack's administration use the super user {@code admin} over SASL/PLAIN on
 * listeners of their own, whose static login needs nothing from the metadata log.
 */
public final class KafkaBroker implements AutoCloseable {

    static final String ADMIN = "admin";

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Sasl sasl;

    /**
     * The secured mode's secrets: the admin's password, the SCRAM users (name → password) and the port of the
     * internal listener (inter-broker traffic and administration).
     */
    public record Sasl(String adminPassword, Map<String, String> users, int internalPort) {

        /** Random passwords for {@code users}, and a free internal port. */
        public static Sasl generate(Collection<String> users) {
            Map<String, String> passwords = new LinkedHashMap<>();
            users.forEach(user -> passwords.put(user, randomPassword()));
            return new Sasl(randomPassword(), Map.copyOf(passwords), FreePort.find());
        }

        public String password(String user) {
            String password = users.get(user);
            if (password == null) {
                throw new IllegalArgumentException("no Kafka user " + user);
            }
            return password;
        }

        private static String randomPassword() {
            byte[] bytes = new byte[16];
            new SecureRandom().nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        }
    }

    private KafkaBroker(KafkaRaftServer server, String bootstrapServers, Sasl sasl) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.sasl = sasl;
    }

    /** A plaintext broker, open to every client. */
    public static KafkaBroker start(Path logDir, int port, int controllerPort) {
        return start(logDir, port, controllerPort, null);
    }

    /** A broker secured with {@code sasl} (null: plaintext); its users and ACLs are in place when this returns. */
    public static KafkaBroker start(Path logDir, int port, int controllerPort, Sasl sasl) {
        try {
            Files.createDirectories(logDir);
            Properties props = new Properties();
            props.put("process.roles", "broker,controller");
            props.put("node.id", "1");
            props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
            props.put("controller.listener.names", "CONTROLLER");
            if (sasl == null) {
                props.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
                props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
                props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
                props.put("inter.broker.listener.name", "PLAINTEXT");
            } else {
                secure(props, port, controllerPort, sasl);
            }
            props.put("log.dirs", logDir.toAbsolutePath().toString());
            // One node: every internal topic has a single replica.
            props.put("offsets.topic.replication.factor", "1");
            props.put("transaction.state.log.replication.factor", "1");
            props.put("transaction.state.log.min.isr", "1");
            props.put("share.coordinator.state.topic.replication.factor", "1");
            props.put("share.coordinator.state.topic.min.isr", "1");
            props.put("group.initial.rebalance.delay.ms", "0");
            props.put("num.partitions", String.valueOf(Topics.INPUT_PARTITIONS));
            props.put("auto.create.topics.enable", "true");

            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(logDir, props);
            }
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props), Time.SYSTEM);
            server.startup();
            KafkaBroker broker = new KafkaBroker(server, "localhost:" + port, sasl);
            if (sasl != null) {
                broker.grantAccess();
            }
            broker.createTopics();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the Kafka log directory " + logDir, e);
        }
    }

    private static void secure(Properties props, int port, int controllerPort, Sasl sasl) {
        props.put("listeners", "CLIENT://localhost:" + port + ",INTERNAL://localhost:" + sasl.internalPort()
                + ",CONTROLLER://localhost:" + controllerPort);
        props.put("advertised.listeners", "CLIENT://localhost:" + port + ",INTERNAL://localhost:" + sasl.internalPort());
        props.put("listener.security.protocol.map",
                "CLIENT:SASL_PLAINTEXT,INTERNAL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        props.put("inter.broker.listener.name", "INTERNAL");
        props.put("listener.name.client.sasl.enabled.mechanisms", "SCRAM-SHA-512");
        props.put("listener.name.client.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        // One static login, admin, for the broker's own connections (it is both server and client here).
        String plain = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + ADMIN
                + "\" password=\"" + sasl.adminPassword() + "\" user_" + ADMIN + "=\"" + sasl.adminPassword() + "\";";
        for (String listener : List.of("internal", "controller")) {
            props.put("listener.name." + listener + ".sasl.enabled.mechanisms", "PLAIN");
            props.put("listener.name." + listener + ".plain.sasl.jaas.config", plain);
        }
        props.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        props.put("sasl.mechanism.controller.protocol", "PLAIN");
        props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        props.put("super.users", "User:" + ADMIN);
        props.put("allow.everyone.if.no.acl.found", "false");
    }

    /** Creates (or updates) the SCRAM users and the ACLs of {@link KafkaAccess}. */
    private void grantAccess() {
        try (Admin admin = Admin.create(adminProperties())) {
            List<UserScramCredentialAlteration> users = new ArrayList<>();
            sasl.users().forEach((user, password) -> users.add(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password)));
            admin.alterUserScramCredentials(users).all().get();
            admin.createAcls(KafkaAccess.acls()).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating Kafka users and ACLs", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create the Kafka users and ACLs", e);
        }
    }

    /** Whether clients must log in (SASL) on {@link #bootstrapServers()}. */
    public boolean secured() {
        return sasl != null;
    }

    /**
     * Client settings for the super user (the stack's administration: topics, users, ACLs, and tests that need
     * to see everything). Plaintext: just the bootstrap servers.
     */
    public Map<String, Object> adminProperties() {
        Map<String, Object> props = new HashMap<>();
        if (sasl == null) {
            props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            return props;
        }
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + sasl.internalPort());
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        props.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
        props.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required "
                + "username=\"" + ADMIN + "\" password=\"" + sasl.adminPassword() + "\";");
        return props;
    }

    /** Client settings to log in as a SCRAM user of the secured mode (its services' principals). */
    public Map<String, Object> clientProperties(String user) {
        if (sasl == null) {
            throw new IllegalStateException("the broker is plaintext: there are no users");
        }
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        props.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        props.put(SaslConfigs.SASL_JAAS_CONFIG, scramJaasConfig(user, sasl.password(user)));
        return props;
    }

    /** The JAAS line of a SCRAM login, as the services build it from KAFKA_USERNAME and KAFKA_PASSWORD. */
    static String scramJaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    private static void format(Path logDir, Properties props) throws IOException {
        Path config = logDir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(config)) {
            props.store(out, "written by KafkaBroker for StorageTool format");
        }
        var output = new java.io.ByteArrayOutputStream();
        int exit = StorageTool.execute(new String[] {
                "format", "--config", config.toString(), "--cluster-id", Uuid.randomUuid().toString() },
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("Kafka storage format failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    /** Creates the spec's topics that do not exist yet; output topics are compacted, inputs as Topics.INPUT_CONFIGS. */
    public void createTopics() {
        try (Admin admin = Admin.create(adminProperties())) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : Topics.INPUT) {
                missing.add(new NewTopic(topic, Topics.INPUT_PARTITIONS, (short) 1).configs(Topics.INPUT_CONFIGS.get(topic)));
            }
            for (String topic : Topics.deadLetter()) {
                missing.add(new NewTopic(topic, 1, (short) 1));
            }
            for (String topic : Topics.COMPACTED_OUTPUT) {
                missing.add(new NewTopic(topic, 1, (short) 1)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
            }
            missing.add(new NewTopic(Topics.DEFINITIONS, Topics.INPUT_PARTITIONS, (short) 1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
            missing.add(new NewTopic(Topics.ALERTS, 1, (short) 1)
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Topics.ALERTS_RETENTION_MS)));
            missing.removeIf(topic -> existing.contains(topic.name()));
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create the spec's topics on " + bootstrapServers, e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
