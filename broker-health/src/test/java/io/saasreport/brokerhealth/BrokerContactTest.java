package io.saasreport.brokerhealth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.saasreport.stack.FreePort;
import io.saasreport.stack.KafkaBroker;

/** The probe against a real broker that is stopped and started again on the same log directory. */
class BrokerContactTest {

    private static final Duration GENEROUS = Duration.ofSeconds(60);

    @Test
    void followsTheBrokerAwayAndBackAndAnswersAtOnceMeanwhile() throws Exception {
        Path logDir = Files.createTempDirectory("broker-contact-test");
        int port = FreePort.find();
        int controllerPort = FreePort.find();
        KafkaBroker broker = KafkaBroker.start(logDir, port, controllerPort);
        try (BrokerContact contact = new BrokerContact(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port,
                "not.an.admin.setting", "ignored"), List.of("market.prices"), Duration.ofMillis(200), Duration.ofSeconds(1))) {
            Awaitility.await("reachable").atMost(GENEROUS).until(() -> contact.status().reachable());
            assertEquals("answering", contact.status().detail());

            broker.close();
            Awaitility.await("unreachable").atMost(GENEROUS).until(() -> !contact.status().reachable());
            BrokerContact.Status away = assertTimeoutPreemptively(Duration.ofSeconds(1), contact::status);
            assertFalse(away.reachable());
            assertTrue(away.detail().startsWith("no answer within 1000 ms"), away.detail());

            broker = KafkaBroker.start(logDir, port, controllerPort);
            Awaitility.await("reachable again").atMost(GENEROUS).until(() -> contact.status().reachable());
            assertTrue(contact.status().since().isAfter(away.since()), "the change is dated");
        } finally {
            broker.close();
        }
    }

    @Test
    void aMissingTopicIsNotReady() throws Exception {
        Path logDir = Files.createTempDirectory("broker-contact-test");
        int port = FreePort.find();
        try (KafkaBroker broker = KafkaBroker.start(logDir, port, FreePort.find());
                BrokerContact contact = new BrokerContact(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                        List.of("market.prices", "no.such.topic"), Duration.ofMillis(200), Duration.ofSeconds(1))) {
            Awaitility.await().atMost(GENEROUS).until(() -> contact.status().detail().startsWith("answering"));
            assertFalse(contact.status().reachable());
            assertEquals("answering, but topics missing: [no.such.topic]", contact.status().detail());
        }
    }

    @Test
    void everyWaitOfTheAdminClientIsBoundedByTheTimeout() {
        Map<String, Object> config = BrokerContact.adminConfig(Map.of("bootstrap.servers", "localhost:1", "value.serializer", "x"),
                Duration.ofSeconds(2));
        assertEquals(2000, config.get(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG));
        assertEquals(2000, config.get(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG));
        assertEquals("localhost:1", config.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
        assertFalse(config.containsKey("value.serializer"), "producer-only settings are left out");
    }
}
