package io.saasreport.report.consume;

import static io.saasreport.report.support.Api.eventually;
import static io.saasreport.report.support.Api.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.saasreport.report.support.ExampleData;
import io.saasreport.report.support.MetricsPublisher;
import io.saasreport.stack.test.KafkaTestResource;
import io.saasreport.stack.test.PostgresTestResource;

@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class DeadLetterTest {

    @Test
    void anUnreadableCompanyRecordGoesToTheDeadLetterTopicAndTheStreamCarriesOn() {
        String garbage = "not json " + UUID.randomUUID();
        MetricsPublisher.raw(MetricsPublisher.topicOf(MetricsPublisher.COMPANY), "ZZZ", garbage);
        Instant later = Instant.now().plusSeconds(3600);
        MetricsPublisher.company(ExampleData.company("OJV", later));

        eventually(() -> given().get("/api/v1/companies/OJV").then().body("asOf", equalTo(later.toString())));
        ConsumerRecord<String, String> dead = deadLetter(MetricsPublisher.COMPANY, garbage);
        assertTrue(header(dead, "dead-letter-reason").contains("Not a valid CompanyMetrics"), header(dead, "dead-letter-reason"));
    }

    @Test
    void aFilingWithoutRevenueGoesToTheDeadLetterTopic() {
        String noRevenue = "{\"ticker\":\"ZZZ\",\"fiscalYear\":2026,\"fiscalQuarter\":1,\"periodEnd\":\"2026-03-31\","
                + "\"filedAt\":\"2026-04-30T21:05:00Z\",\"note\":\"" + UUID.randomUUID() + "\"}";
        MetricsPublisher.filing(noRevenue);

        ConsumerRecord<String, String> dead = deadLetter(MetricsPublisher.FILINGS, noRevenue);
        assertTrue(header(dead, "dead-letter-reason").contains("filing without a valid revenue"), header(dead, "dead-letter-reason"));
    }

    /** Waits for {@code value} on the channel's dead-letter topic. */
    private static ConsumerRecord<String, String> deadLetter(String channel, String value) {
        String topic = MetricsPublisher.deadLetterTopicOf(channel);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (value.equals(record.value())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("Not on " + topic + ": " + value);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
