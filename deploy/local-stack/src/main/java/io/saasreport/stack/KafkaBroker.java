package io.saasreport.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
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
 */
public final class KafkaBroker implements AutoCloseable {

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private KafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    public static KafkaBroker start(Path logDir, int port, int controllerPort) {
        try {
            Files.createDirectories(logDir);
            Properties props = new Properties();
            props.put("process.roles", "broker,controller");
            props.put("node.id", "1");
            props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
            props.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
            props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
            props.put("controller.listener.names", "CONTROLLER");
            props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            props.put("inter.broker.listener.name", "PLAINTEXT");
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
            KafkaBroker broker = new KafkaBroker(server, "localhost:" + port);
            broker.createTopics();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the Kafka log directory " + logDir, e);
        }
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

    /** Creates the spec's topics that do not exist yet; output topics are compacted. */
    public void createTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : Topics.INPUT) {
                missing.add(new NewTopic(topic, Topics.INPUT_PARTITIONS, (short) 1));
            }
            for (String topic : Topics.deadLetter()) {
                missing.add(new NewTopic(topic, 1, (short) 1));
            }
            for (String topic : Topics.COMPACTED_OUTPUT) {
                missing.add(new NewTopic(topic, 1, (short) 1)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
            }
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
