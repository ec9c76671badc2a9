package io.saasreport.report.support;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A schema of the test database apart from the report's own, for tests that migrate tables themselves (to an older
 * version, or to compare table settings) without touching the tables the running service writes.
 */
@ApplicationScoped
public class SchemaOfItsOwn {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    /** Connections whose search path is {@code schema}. */
    public PGSimpleDataSource dataSource(String schema) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    /** The report's migrations on {@code schema}, up to {@code target} ("latest" for all), cleaning allowed. */
    public Flyway flyway(String schema, String target) {
        return Flyway.configure().dataSource(dataSource(schema)).schemas(schema).locations("classpath:db/migration")
                .cleanDisabled(false).target(target).load();
    }
}
