package io.saasreport.metrics.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.saasreport.testsupport.KafkaTestClient;
import io.saasreport.testsupport.KafkaTestResource;

/**
 * Commits follow the load: with {@code commit.interval.ms} set to ten minutes (a transaction may last at most the
 * broker's 15), figures still reach the read_committed readers of both output topics within the test, which only the
 * commit requested when the input is drained can do.
 */
@QuarkusTest
@TestProfile(CommitsFollowTheLoadTest.TenMinuteCommitInterval.class)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
class CommitsFollowTheLoadTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final KafkaTestClient KAFKA = KafkaTestClient.onTestBroker();

    public static final class TenMinuteCommitInterval implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka-streams.commit.interval.ms", String.valueOf(Duration.ofMinutes(10).toMillis()),
                    "kafka-streams.producer.transaction.timeout.ms", String.valueOf(Duration.ofMinutes(15).toMillis()));
        }
    }

    @Test
    void aTickOnAnIdleServiceIsCommittedToBothOutputTopicsWithoutWaitingForTheInterval() {
        long universesBefore = defaultUniverseRecords();
        KAFKA.send("market.prices", "FRSH",
                "{\"type\":\"price\",\"ticker\":\"FRSH\",\"price\":42.25,\"at\":\"2026-01-05T21:00:00Z\"}");

        Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> published = KAFKA.all("metrics.company").stream()
                    .filter(record -> "FRSH".equals(record.key())).toList();
            assertEquals(1, published.size(), "FRSH's figures, committed");
            assertEquals(42.25, MAPPER.readTree(published.get(0).value()).path("price").asDouble());
        });
        // The universe stage reads what stage 1 committed and publishes in a transaction of its own.
        Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> defaultUniverseRecords() > universesBefore);
    }

    private static long defaultUniverseRecords() {
        return KAFKA.all("metrics.universe").stream().filter(record -> "universe".equals(record.key())).count();
    }
}
