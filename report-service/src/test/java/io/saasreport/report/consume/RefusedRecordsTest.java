package io.saasreport.report.consume;

import static io.saasreport.report.support.Api.eventually;
import static io.saasreport.report.support.Api.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration;
import io.quarkus.test.junit.QuarkusTest;
import io.saasreport.report.support.Api;
import io.saasreport.report.support.ExampleData;
import io.saasreport.report.support.ReportDatabase;
import io.saasreport.report.support.Upstream;
import io.saasreport.report.view.ReadsReadiness;
import io.saasreport.stack.FreePort;
import io.saasreport.stack.Postgres;
import io.saasreport.testsupport.KafkaTestClient;

/**
 * What the database says decides what the writer does: a record it refuses for the record's sake (a NUL in a name) is
 * dead-lettered with the reason while the rest of its batch is stored; a database stopped, refusing connections,
 * cancelling a statement past its timeout or not answering at all is a transient failure, retried, never a hang.
 */
@QuarkusTest
class RefusedRecordsTest {

    private static final String WRITERS = "checks.find { it.name == '" + WritersHealth.NAME + "' }";
    private static final String READS = "checks.find { it.name == '" + ReadsReadiness.NAME + "' }";

    @Inject
    ReportDatabase database;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aCompanyNameWithANulIsDeadLetteredWithTheReasonAndTheRestOfTheBatchIsStored() {
        database.clear();
        String marker = UUID.randomUUID().toString();
        Instant later = ExampleData.AS_OF.plusSeconds(120);
        String poisoned = ExampleData.company("BPH", later, bph -> bph.put("ticker", "NULCO").put("name", "Acme\u0000Corp")
                .put("note", marker));
        Upstream.company(ExampleData.company("OJV", later));
        Upstream.company(poisoned);
        Upstream.company(ExampleData.company("UMV", later));

        ConsumerRecord<String, String> dead = deadLetter(Upstream.COMPANY, marker);
        assertEquals("NULCO", dead.key());
        assertEquals(poisoned, dead.value());
        String reason = KafkaTestClient.header(dead, DeadLetters.REASON);
        assertTrue(reason.startsWith("Refused by the database (SQLState 22"), reason);
        Upstream.awaitStored();
        for (String stored : List.of("OJV", "UMV")) {
            assertEquals(1L, database.value("select count(*) from company_snapshot where ticker = ?1 and as_of = ?2",
                    stored, java.sql.Timestamp.from(later)), stored + " stored beside the refused record");
        }
        assertEquals(0L, database.value("select count(*) from company_snapshot where ticker = ?1", "NULCO"));
        assertTheWritersKeepUpAndReadsAreReady();
    }

    @Test
    void aUniverseWithANulIsDeadLetteredWithTheReasonAndTheNextOneIsStoredAndShown() {
        database.clear();
        Instant poisonedAt = ExampleData.AS_OF.plusSeconds(60);
        Instant later = ExampleData.AS_OF.plusSeconds(180);
        String poisoned = ExampleData.universe(poisonedAt, universe -> ((com.fasterxml.jackson.databind.node.ObjectNode)
                universe.withArray("topByEvToNtmRevenue").get(0)).put("ticker", "BAD\u0000TICKER"));
        Upstream.universe(poisoned);
        Upstream.universe(ExampleData.universe(later));

        ConsumerRecord<String, String> dead = Awaitility.await().atMost(Api.DELIVERY).pollInterval(Duration.ofMillis(500))
                .until(() -> Upstream.deadLetters(Upstream.UNIVERSE).stream()
                        .filter(record -> poisoned.equals(record.value())).findFirst(), Optional::isPresent).orElseThrow();
        String reason = KafkaTestClient.header(dead, DeadLetters.REASON);
        assertTrue(reason.startsWith("Refused by the database (SQLState 22"), reason);
        eventually(() -> given().get("/api/v1/universe").then().statusCode(200).body("asOf", equalTo(later.toString())));
        Upstream.awaitStored();
        assertEquals(1L, database.value("select count(*) from universe_snapshot where as_of = ?1", java.sql.Timestamp.from(later)));
        assertTheWritersKeepUpAndReadsAreReady();
    }

    @Test
    void aDatabaseStoppedUnderAnOpenConnectionAndThenRefusingConnectionsIsTransient() throws Exception {
        Path dir = Files.createTempDirectory("report-stopped-database");
        Postgres postgres = Postgres.start(dir, FreePort.find(), false);
        String url = postgres.jdbcUrl("postgres");
        try (Connection open = DriverManager.getConnection(url, Postgres.USER, Postgres.PASSWORD);
                Statement statement = open.createStatement()) {
            statement.execute("select 1");
            postgres.close();

            SQLException lost = assertThrows(SQLException.class, () -> statement.execute("select 1"));
            assertEquals(Optional.empty(), DatabaseErrors.permanent(new RuntimeException("Cannot store", lost)),
                    lost.getSQLState() + " " + lost.getMessage());
        }
        SQLException refused = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(url, Postgres.USER, Postgres.PASSWORD));
        assertEquals("08001", refused.getSQLState(), refused.getMessage());
        assertEquals(Optional.empty(), DatabaseErrors.permanent(refused));
    }

    @Test
    void aStatementCancelledByTheStatementTimeoutIsTransient() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("set statement_timeout = '50ms'");
            SQLException cancelled = assertThrows(SQLException.class, () -> statement.execute("select pg_sleep(5)"));
            statement.execute("reset statement_timeout");

            assertEquals("57014", cancelled.getSQLState());
            assertEquals(Optional.empty(), DatabaseErrors.permanent(cancelled));
            assertEquals("30s", show(statement, "statement_timeout"), "back to the configured timeout");
        }
    }

    @Test
    void everyConnectionCarriesConnectLoginSocketAndStatementTimeoutsAndThePoolAnAcquisitionTimeout() throws SQLException {
        AgroalConnectionPoolConfiguration pool = dataSource.getConfiguration().connectionPoolConfiguration();
        Properties jdbc = pool.connectionFactoryConfiguration().jdbcProperties();

        assertEquals(Duration.ofSeconds(5), pool.acquisitionTimeout());
        assertEquals("5", jdbc.getProperty("connectTimeout"));
        assertEquals("5", jdbc.getProperty("loginTimeout"));
        assertEquals("60", jdbc.getProperty("socketTimeout"));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertEquals(60_000, connection.getNetworkTimeout(), "the socket's read timeout, in ms");
            assertEquals("30s", show(statement, "statement_timeout"));
        }
    }

    /** A server that accepts the connection and never says a word: the connection attempt fails, it does not hang. */
    @Test
    void aDatabaseThatNeverAnswersIsATransientFailureNotAHang() throws Exception {
        Properties jdbc = new Properties();
        jdbc.putAll(dataSource.getConfiguration().connectionPoolConfiguration().connectionFactoryConfiguration().jdbcProperties());
        jdbc.setProperty("user", Postgres.USER);
        jdbc.setProperty("password", Postgres.PASSWORD);
        try (ServerSocket silent = new ServerSocket(0)) {
            SQLException failed = assertThrows(SQLException.class,
                    () -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/report", jdbc));

            assertTrue(failed.getSQLState().startsWith("08"), failed.getSQLState() + " " + failed.getMessage());
            assertEquals(Optional.empty(), DatabaseErrors.permanent(failed));
        }
    }

    private static void assertTheWritersKeepUpAndReadsAreReady() {
        eventually(() -> given().get("/q/health/group/" + WritersHealth.GROUP).then().statusCode(200)
                .body(WRITERS + ".status", equalTo("UP")));
        given().get("/q/health/ready").then().statusCode(200).body(READS + ".status", equalTo("UP"));
    }

    private static ConsumerRecord<String, String> deadLetter(String channel, String marker) {
        return Awaitility.await().atMost(Api.DELIVERY).pollInterval(Duration.ofMillis(500)).until(
                () -> Upstream.deadLetters(channel).stream()
                        .filter(record -> record.value() != null && record.value().contains(marker)).findFirst(),
                Optional::isPresent).orElseThrow();
    }

    private static String show(Statement statement, String setting) throws SQLException {
        try (ResultSet row = statement.executeQuery("show " + setting)) {
            row.next();
            return row.getString(1);
        }
    }
}
