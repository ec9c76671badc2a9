package io.saasreport.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import io.saasreport.testsupport.KafkaTestResource;

/**
 * The one declaration of the real infrastructure every {@code @QuarkusTest} of this module runs against: the shared
 * Kafka broker. {@code restrictToAnnotatedClass = false} gives it to every test class; none declares it again.
 */
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
