package io.saasreport.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stack refuses a port another program listens on, naming the port and the variable that moves it. */
class BusyPortTest {

    @TempDir
    Path dir;

    @Test
    void refusesABusyPostgresPortBeforeStartingAnything() throws Exception {
        try (ServerSocket otherPostgres = new ServerSocket(0)) {
            StackPorts ports = freePortsWith("STACK_POSTGRES_PORT", otherPostgres.getLocalPort());
            Path data = dir.resolve("data");

            var refused = assertThrows(StackPorts.PortInUseException.class,
                    () -> LocalStack.start(dir, data, false, ports));

            assertEquals(otherPostgres.getLocalPort(), refused.port());
            assertEquals("STACK_POSTGRES_PORT", refused.variable());
            assertTrue(refused.getMessage().contains("port " + otherPostgres.getLocalPort() + " (PostgreSQL)"), refused.getMessage());
            assertTrue(refused.getMessage().contains("STACK_POSTGRES_PORT=<free port>"), refused.getMessage());
            assertFalse(Files.exists(data), "nothing was started or written");
        }
    }

    @Test
    void findsAServerBoundToTheLoopbackAddressOnly() throws Exception {
        try (ServerSocket loopbackOnly = new ServerSocket()) {
            loopbackOnly.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            StackPorts ports = freePortsWith("STACK_KAFKA_PORT", loopbackOnly.getLocalPort());

            var refused = assertThrows(StackPorts.PortInUseException.class, ports::requireFree);

            assertEquals("STACK_KAFKA_PORT", refused.variable());
            assertTrue(refused.getMessage().contains("(Kafka)"), refused.getMessage());
        }
    }

    @Test
    void everyServicePortIsChecked() throws Exception {
        for (String variable : new String[] { "STACK_INGEST_PORT", "STACK_METRICS_PORT", "STACK_REPORT_PORT",
                "STACK_KAFKA_CONTROLLER_PORT" }) {
            try (ServerSocket busy = new ServerSocket(0)) {
                var refused = assertThrows(StackPorts.PortInUseException.class,
                        () -> freePortsWith(variable, busy.getLocalPort()).requireFree());
                assertEquals(variable, refused.variable());
                assertEquals(busy.getLocalPort(), refused.port());
            }
        }
    }

    @Test
    void portsComeFromTheEnvironmentWithTheSpecDefaults() {
        assertEquals(StackPorts.DEFAULT, StackPorts.fromEnvironment(Map.of()));
        assertEquals(new StackPorts(19092, 9093, 15432, 8081, 8082, 18083), StackPorts.fromEnvironment(
                Map.of("STACK_KAFKA_PORT", "19092", "STACK_POSTGRES_PORT", "15432", "STACK_REPORT_PORT", "18083")));
        assertThrows(IllegalArgumentException.class, () -> StackPorts.fromEnvironment(Map.of("STACK_KAFKA_PORT", "x")));
    }

    @Test
    void refusesTwoVariablesNamingOnePort() {
        var refused = assertThrows(IllegalArgumentException.class, () -> StackPorts.fromEnvironment(
                Map.of("STACK_INGEST_PORT", "18082", "STACK_METRICS_PORT", "18082")));
        assertEquals("STACK_INGEST_PORT and STACK_METRICS_PORT are both 18082: each program of the stack needs a port"
                + " of its own", refused.getMessage());

        var onADefault = assertThrows(IllegalArgumentException.class,
                () -> StackPorts.fromEnvironment(Map.of("STACK_REPORT_PORT", "5432")));
        assertEquals("STACK_POSTGRES_PORT and STACK_REPORT_PORT are both 5432: each program of the stack needs a port"
                + " of its own", onADefault.getMessage());
    }

    @Test
    void refusesANumberThatIsNoPort() {
        assertEquals("STACK_KAFKA_PORT=70000 is not a port number (1-65535)", assertThrows(IllegalArgumentException.class,
                () -> StackPorts.fromEnvironment(Map.of("STACK_KAFKA_PORT", "70000"))).getMessage());
        assertEquals("STACK_REPORT_PORT=0 is not a port number (1-65535)", assertThrows(IllegalArgumentException.class,
                () -> StackPorts.fromEnvironment(Map.of("STACK_REPORT_PORT", "0"))).getMessage());
    }

    /** Free ports everywhere except {@code variable}, which gets {@code port}. */
    private static StackPorts freePortsWith(String variable, int port) {
        Map<String, String> env = new java.util.HashMap<>();
        for (String name : new String[] { "STACK_KAFKA_PORT", "STACK_KAFKA_CONTROLLER_PORT", "STACK_POSTGRES_PORT",
                "STACK_INGEST_PORT", "STACK_METRICS_PORT", "STACK_REPORT_PORT" }) {
            env.put(name, String.valueOf(FreePort.find()));
        }
        env.put(variable, String.valueOf(port));
        return StackPorts.fromEnvironment(env);
    }
}
