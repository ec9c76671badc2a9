package io.saasreport.report.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import io.quarkus.test.junit.QuarkusTest;
import io.saasreport.report.support.SchemaOfItsOwn;

/**
 * V9: a company's snapshot row rewritten on every tick stays on its page (an update in place) instead of moving to a
 * new one, so the table does not grow with the ticks. Beside it in the same schema, the same table and rows without
 * V9's room: it grows with every round of rewrites.
 */
@QuarkusTest
class UpdatesInPlaceTest {

    private static final String SCHEMA = "updates_in_place";
    private static final int COMPANIES = 2_000;
    private static final int ROUNDS = 4;

    @Inject
    SchemaOfItsOwn schemas;

    @Test
    void aSnapshotRewrittenOnEveryTickStaysOnItsPage() throws SQLException {
        PGSimpleDataSource schema = schemas.dataSource(SCHEMA);
        Flyway flyway = schemas.flyway(SCHEMA, "latest");
        flyway.clean();
        flyway.migrate();
        try (Connection connection = schema.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("create table full_pages (like company_snapshot including all) with (fillfactor = 100, autovacuum_enabled = false)");
            sql.execute("alter table company_snapshot set (autovacuum_enabled = false)");
            for (String table : new String[] {"company_snapshot", "full_pages"}) {
                sql.execute("insert into " + table + " (ticker, name, as_of, growth_bucket, payload, stored_at, revision) "
                        + "select 'T' || i, 'Company ' || i, now(), 'HIGH', repeat('x', 300), now(), 1 "
                        + "from generate_series(1, " + COMPANIES + ") as i");
            }
            long roomyBefore = size(sql, "company_snapshot");
            long fullBefore = size(sql, "full_pages");

            for (int round = 0; round < ROUNDS; round++) {
                for (String table : new String[] {"company_snapshot", "full_pages"}) {
                    // One tick per company, each its own transaction as the writer's batches are.
                    for (int from = 1; from <= COMPANIES; from += 100) {
                        sql.execute("update " + table + " set payload = repeat('y', 300), as_of = now(), revision = revision + 1 "
                                + "where ticker in (select 'T' || i from generate_series(" + from + ", " + (from + 99) + ") as i)");
                    }
                }
            }

            assertEquals(fillfactor(sql, "company_snapshot"), "fillfactor=50");
            long roomyAfter = size(sql, "company_snapshot");
            long fullAfter = size(sql, "full_pages");
            assertTrue(roomyAfter <= roomyBefore * 1.25, "with room: " + roomyBefore + " -> " + roomyAfter + " bytes");
            assertTrue(fullAfter >= fullBefore * 2, "full pages: " + fullBefore + " -> " + fullAfter + " bytes");
        } finally {
            flyway.clean();
        }
    }

    private static long size(Statement sql, String table) throws SQLException {
        try (ResultSet size = sql.executeQuery("select pg_relation_size('" + table + "')")) {
            size.next();
            return size.getLong(1);
        }
    }

    private static String fillfactor(Statement sql, String table) throws SQLException {
        try (ResultSet options = sql.executeQuery(
                "select array_to_string(reloptions, ',') from pg_class where oid = '" + table + "'::regclass")) {
            options.next();
            return options.getString(1).split(",")[0];
        }
    }
}
