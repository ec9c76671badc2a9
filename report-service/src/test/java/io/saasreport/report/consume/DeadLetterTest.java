package io.saasreport.report.consume;

import static io.saasreport.report.support.Api.eventually;
import static io.saasreport.report.support.Api.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.saasreport.report.support.Api;
import io.saasreport.report.support.ExampleData;
import io.saasreport.report.support.Upstream;
import io.saasreport.testsupport.KafkaTestClient;

@QuarkusTest
class DeadLetterTest {

    @Test
    void anUnreadableCompanyRecordGoesToTheDeadLetterTopicAndTheStreamCarriesOn() {
        String garbage = "not json " + UUID.randomUUID();
        Upstream.raw(Upstream.topicOf(Upstream.COMPANY), "ZZZ", garbage);
        Instant later = Instant.now().plusSeconds(3600);
        Upstream.company(ExampleData.company("OJV", later));

        eventually(() -> given().get("/api/v1/companies/OJV").then().body("asOf", equalTo(later.toString())));
        ConsumerRecord<String, String> dead = deadLetter(Upstream.COMPANY, garbage);
        assertTrue(header(dead, "dead-letter-reason").contains("Not a valid CompanyMetrics"), header(dead, "dead-letter-reason"));
    }

    @Test
    void aFilingWithoutRevenueGoesToTheDeadLetterTopic() {
        String noRevenue = "{\"ticker\":\"ZZZ\",\"fiscalYear\":2026,\"fiscalQuarter\":1,\"periodEnd\":\"2026-03-31\","
                + "\"filedAt\":\"2026-04-30T21:05:00Z\",\"note\":\"" + UUID.randomUUID() + "\"}";
        Upstream.filing(noRevenue);

        ConsumerRecord<String, String> dead = deadLetter(Upstream.FILINGS, noRevenue);
        assertTrue(header(dead, "dead-letter-reason").contains("filing without a valid revenue"), header(dead, "dead-letter-reason"));
    }

    /** Waits for {@code value} on the channel's dead-letter topic. */
    private static ConsumerRecord<String, String> deadLetter(String channel, String value) {
        return Awaitility.await().atMost(Api.DELIVERY).pollInterval(Duration.ofMillis(500)).until(
                () -> Upstream.deadLetters(channel).stream().filter(record -> value.equals(record.value())).findFirst(),
                Optional::isPresent).orElseThrow();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        String header = KafkaTestClient.header(record, name);
        return header == null ? "" : header;
    }
}
