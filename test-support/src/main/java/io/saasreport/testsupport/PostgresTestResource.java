package io.saasreport.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.saasreport.stack.Postgres;

/** Hands the application under test the real PostgreSQL server shared by every test class of the JVM. */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        if (SharedInfrastructure.devServicesProvideInfrastructure()) {
            return Map.of();
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", SharedInfrastructure.postgresJdbcUrl(),
                "quarkus.datasource.username", Postgres.USER,
                "quarkus.datasource.password", Postgres.PASSWORD);
    }

    @Override
    public void stop() {
        // Shared across test classes: stopped once, when the test JVM exits.
    }
}
