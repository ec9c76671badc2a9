package io.saasreport.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmbeddedInfrastructureTest {

    @TempDir
    Path dataDir;

    @Test
    void brokerKeepsRecordsAndTopicsAcrossRestartFromTheSameDirectory() throws Exception {
        Path logDir = dataDir.resolve("kafka");
        int port = FreePort.find();
        int controllerPort = FreePort.find();
        try (KafkaBroker broker = KafkaBroker.start(logDir, port, controllerPort)) {
            send(broker, "none", "market.prices", "{\"price\":1}");
        }
        try (KafkaBroker broker = KafkaBroker.start(logDir, port, controllerPort);
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            var universe = new ConfigResource(ConfigResource.Type.TOPIC, "metrics.universe");
            String policy = admin.describeConfigs(List.of(universe)).all().get().get(universe)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
            assertEquals("compact", policy);
            assertEquals(Topics.INPUT_PARTITIONS,
                    admin.describeTopics(List.of("market.prices")).allTopicNames().get().get("market.prices").partitions().size());

            ConsumerRecords<String, String> records = firstRecords(broker, "market.prices", "restart-check");
            assertEquals(1, records.count());
            assertEquals("{\"price\":1}", records.iterator().next().value());
        }
    }

    /** A client may compress with any codec Kafka has: the broker must hold each one's library (lz4 was missing). */
    @ParameterizedTest
    @ValueSource(strings = {"gzip", "snappy", "lz4", "zstd"})
    void brokerTakesRecordsCompressedWithEachCodec(String codec) throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(dataDir.resolve("kafka"), FreePort.find(), FreePort.find())) {
            send(broker, codec, "metrics.company", "{\"ticker\":\"SNOW\"}");
            ConsumerRecords<String, String> records = firstRecords(broker, "metrics.company", "codec-check");
            assertEquals(1, records.count());
            assertEquals("{\"ticker\":\"SNOW\"}", records.iterator().next().value());
        }
    }

    /** One record under the key SNOW, acknowledged by every replica, compressed with {@code codec}. */
    private static void send(KafkaBroker broker, String codec, String topic, String value) throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.COMPRESSION_TYPE_CONFIG, codec,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "SNOW", value)).get();
        }
    }

    /** The first poll of the topic from its start that brings records, within 30 s (empty if none did). */
    private static ConsumerRecords<String, String> firstRecords(KafkaBroker broker, String topic, String group) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            long deadline = System.currentTimeMillis() + 30_000;
            while (records.isEmpty() && System.currentTimeMillis() < deadline) {
                records = consumer.poll(Duration.ofMillis(500));
            }
            return records;
        }
    }

    @Test
    void postgresCreatesDatabasesAndKeepsDataWhenAskedTo() throws Exception {
        Path pgDir = dataDir.resolve("postgres");
        int port = FreePort.find();
        try (Postgres postgres = Postgres.start(pgDir, port, true)) {
            postgres.createDatabase("metrics");
            postgres.createDatabase("metrics");
            try (var connection = DriverManager.getConnection(postgres.jdbcUrl("metrics"), Postgres.USER, Postgres.PASSWORD)) {
                connection.createStatement().execute("CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)");
            }
        }
        try (Postgres postgres = Postgres.start(pgDir, port, true);
                var connection = DriverManager.getConnection(postgres.jdbcUrl("metrics"), Postgres.USER, Postgres.PASSWORD);
                ResultSet rs = connection.createStatement().executeQuery("SELECT n FROM kept")) {
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1));
        }
    }
}
