package io.saasreport.report.support;

import io.quarkus.test.common.QuarkusTestResource;
import io.saasreport.testsupport.KafkaTestResource;
import io.saasreport.testsupport.PostgresTestResource;

/**
 * The one declaration of the real infrastructure every {@code @QuarkusTest} of this module runs against: the shared
 * Kafka broker and PostgreSQL server. {@code restrictToAnnotatedClass = false} gives them to every test class; none
 * declares them again.
 */
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
