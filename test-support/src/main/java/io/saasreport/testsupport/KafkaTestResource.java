package io.saasreport.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Hands the application under test the real Kafka broker shared by every test class of the JVM.
 * Use with {@code @QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)}.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    public static String bootstrapServers() {
        return SharedInfrastructure.kafkaBootstrapServers();
    }

    @Override
    public Map<String, String> start() {
        if (SharedInfrastructure.devServicesProvideInfrastructure()) {
            return Map.of();
        }
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // Shared across test classes: stopped once, when the test JVM exits.
    }
}
