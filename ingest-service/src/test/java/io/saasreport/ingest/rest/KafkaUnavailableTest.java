package io.saasreport.ingest.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.saasreport.ingest.service.RecordSender;

/**
 * The outgoing channel points at a port where no broker listens, while readiness probes the real one: a macro event is
 * answered 503 within the configured bounds (never a hang, never a silent 202), naming its topic. Readiness follows
 * the broker itself (KafkaReadiness), which the system tests stop and freeze.
 */
@QuarkusTest
@TestProfile(KafkaUnavailableTest.DeadProducerBroker.class)
class KafkaUnavailableTest {

    public static class DeadProducerBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String channel = "mp.messaging.outgoing." + RecordSender.CHANNEL + ".";
            return Map.of(
                    channel + "bootstrap.servers", "localhost:" + unusedPort(),
                    channel + "max.block.ms", "1500",
                    channel + "request.timeout.ms", "1000",
                    channel + "delivery.timeout.ms", "2000",
                    "ingest.publish-timeout", "5s");
        }
    }

    @Test
    void answers503WhenKafkaDoesNotAcknowledgeAndKeepsAnswering() {
        // Twice: a failed send is nacked, the channel stays usable and the next request gets its answer too.
        for (int attempt = 0; attempt < 2; attempt++) {
            Requests.authorized().contentType("application/json")
                    .body("{\"type\":\"macro\",\"asOf\":\"2024-03-01T21:00:00Z\",\"tenYearYield\":4.25}".getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/events")
                    .then().statusCode(503)
                    .time(lessThan(10L), TimeUnit.SECONDS)
                    .contentType("application/problem+json")
                    .body("reason", equalTo("kafka_unavailable"))
                    .body("status", equalTo(503))
                    .body("detail", containsString("market.macro"));
        }
        Requests.anonymous().get("/q/metrics").then()
                .body(containsString("ingest_events_rejected_total{reason=\"kafka_unavailable\",type=\"macro\"} 2.0"));
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
