package io.saasreport.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.saasreport.stack.KafkaAccess;
import io.saasreport.stack.LocalStack;
import io.saasreport.stack.Topics;

/**
 * The whole pipeline on a broker secured as in production (the local stack's STACK_KAFKA_SECURITY=sasl, on free
 * ports): each service logs in with its own SCRAM-SHA-512 principal and works within its ACLs; the door beside the
 * ingest API is shut: no client without credentials, or with another service's, can write market.prices.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecuredKafkaSystemTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(90);
    private static final String PRICES = "market.prices";

    private static LocalStack stack;

    @BeforeAll
    static void startSecuredSystem() {
        stack = SystemUnderTest.securedStack();
    }

    @Test
    @Order(1)
    void pipelineReproducesTheWorkedExampleWithEachServiceOnItsOwnLogin() throws Exception {
        List<String> lines = WorkedExampleSystemTest.resource("example/events.ndjson").lines()
                .filter(line -> !line.isBlank()).toList();
        HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(URI.create(stack.uri(LocalStack.INGEST) + "/api/v1/events"))
                .header("Authorization", "Bearer " + stack.apiKey())
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", lines) + "\n"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, posted.statusCode(), posted.body());
        assertEquals(lines.size(), MAPPER.readTree(posted.body()).path("accepted").asInt());

        JsonNode expectedUniverse = MAPPER.readTree(WorkedExampleSystemTest.resource("example/expected-universe.json"));
        JsonNode expectedCompanies = MAPPER.readTree(WorkedExampleSystemTest.resource("example/expected-companies.json"));
        Awaitility.await().atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertEquals(List.of(), JsonFigures.differences(expectedUniverse, report("/api/v1/universe")));
            assertEquals(List.of(), JsonFigures.differences(expectedCompanies, report("/api/v1/companies")));
        });
    }

    @Test
    @Order(2)
    void aClientWithTheReportsLoginCannotWriteMarketPrices() throws Exception {
        Map<TopicPartition, Long> before = endOffsets(PRICES);
        try (var producer = producer(stack.kafka().clientProperties(KafkaAccess.REPORT))) {
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> producer.send(forgedPrice()).get());
            assertInstanceOf(TopicAuthorizationException.class, refused.getCause());
        }
        assertEquals(before, endOffsets(PRICES));
    }

    @Test
    @Order(3)
    void aClientWithoutCredentialsCannotWriteMarketPrices() throws Exception {
        Map<TopicPartition, Long> before = endOffsets(PRICES);
        Map<String, Object> anonymous = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        try (var producer = producer(anonymous)) {
            // The broker only speaks SASL: a plaintext client never gets the topic's metadata.
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> producer.send(forgedPrice()).get());
            assertInstanceOf(TimeoutException.class, refused.getCause());
        }
        assertEquals(before, endOffsets(PRICES));
    }

    @Test
    @Order(4)
    void aClientWithAWrongPasswordCannotWriteMarketPrices() throws Exception {
        Map<TopicPartition, Long> before = endOffsets(PRICES);
        Map<String, Object> wrong = new HashMap<>(stack.kafka().clientProperties(KafkaAccess.INGEST));
        wrong.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"" + KafkaAccess.INGEST + "\" password=\"guessed\";");
        try (var producer = producer(wrong)) {
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> producer.send(forgedPrice()).get());
            assertInstanceOf(SaslAuthenticationException.class, refused.getCause());
        }
        assertEquals(before, endOffsets(PRICES));
    }

    private static ProducerRecord<String, String> forgedPrice() {
        return new ProducerRecord<>(PRICES, "DDOG",
                "{\"type\":\"price\",\"ticker\":\"DDOG\",\"price\":1.0,\"at\":\"2024-03-01T21:00:00Z\"}");
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> login) {
        Map<String, Object> props = new HashMap<>(login);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // How long a send may wait for metadata it will never get (no credentials): the refusal's bound, not a
        // measured duration.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** The topic's end offsets, read as the broker's admin. */
    private static Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
        try (Admin admin = Admin.create(stack.kafka().adminProperties())) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int partition = 0; partition < Topics.INPUT_PARTITIONS; partition++) {
                latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
            }
            Map<TopicPartition, Long> offsets = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) -> offsets.put(partition, info.offset()));
            return offsets;
        }
    }

    private static JsonNode report(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.uri(LocalStack.REPORT) + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return MAPPER.readTree(response.body());
    }
}
