package io.saasreport.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.saasreport.stack.LocalStack;
import io.saasreport.stack.Postgres;
import io.saasreport.stack.ServiceProcess;

/**
 * The local stack's control of its pieces, which the fault tests rely on: each piece stops, dies
 * and comes back on its own, and the stack is whole again afterwards.
 */
class StackControlSystemTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalStack stack;

    @BeforeAll
    static void startSystem() {
        stack = SystemUnderTest.stack();
    }

    @Test
    void aKilledServiceIsGoneAndStartsAgain() throws Exception {
        long pid = stack.process(LocalStack.METRICS).pid();
        stack.kill(LocalStack.METRICS);
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertThrows(ConnectException.class, () -> ready(stack.ports().metrics()));

        stack.start(LocalStack.METRICS);
        assertEquals(200, ready(stack.ports().metrics()));
    }

    @Test
    void anExtraInstanceRunsBesideTheMainOneAndStops() throws Exception {
        int port = io.saasreport.stack.FreePort.find();
        ServiceProcess second = stack.launchExtraInstance(LocalStack.METRICS, port, Map.of("HOSTNAME", "metrics-extra"));
        assertEquals(200, ready(port));
        // The second instance's join moves tasks: the first is ready again once the rebalance has settled.
        assertEquals(200, readyWithin(stack.ports().metrics(), Duration.ofSeconds(60)));

        second.stop();
        assertFalse(second.isAlive());
        assertThrows(ConnectException.class, () -> ready(port));
    }

    /** The database's data survives a stop; the services that use it are restarted to leave the stack whole. */
    @Test
    void theDatabaseStopsAndStartsOnItsData() throws Exception {
        stack.stopDatabase();
        assertThrows(SQLException.class, () -> DriverManager.getConnection(stack.jdbcUrl("report"), Postgres.USER, Postgres.PASSWORD).close());

        stack.startDatabase();
        try (var connection = DriverManager.getConnection(stack.jdbcUrl("report"), Postgres.USER, Postgres.PASSWORD);
                ResultSet migrations = connection.createStatement().executeQuery("SELECT count(*) FROM flyway_schema_history")) {
            assertTrue(migrations.next());
            assertTrue(migrations.getInt(1) > 0, "the report's schema is still there");
        }
        stack.restart(LocalStack.METRICS);
        stack.restart(LocalStack.REPORT);
        assertEquals(200, ready(stack.ports().report()));
    }

    private static int readyWithin(int port, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        int status = ready(port);
        while (status != 200 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            status = ready(port);
        }
        return status;
    }

    private static int ready(int port) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
