package io.saasreport.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fixed ports of the local stack, each movable by an environment variable. The stack refuses to
 * start on a port something else already listens on: attaching to a stranger's PostgreSQL or broker
 * would give wrong figures, or none, with no clear cause.
 */
public record StackPorts(int kafka, int kafkaController, int postgres, int ingest, int metrics, int report) {

    public static final StackPorts DEFAULT = new StackPorts(9092, 9093, 5432, 8081, 8082, 8083);

    /**
     * Each port is a port number and no two are the same: two programs of the stack given one port would have the
     * second fail to bind while the first answers in its place (the metrics service's health asked of the ingest).
     */
    public StackPorts {
        Map<Integer, String> variableOf = new LinkedHashMap<>();
        byVariable(kafka, kafkaController, postgres, ingest, metrics, report).forEach((variable, port) -> {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException(variable + "=" + port + " is not a port number (1-65535)");
            }
            String other = variableOf.putIfAbsent(port, variable);
            if (other != null) {
                throw new IllegalArgumentException(other + " and " + variable + " are both " + port
                        + ": each program of the stack needs a port of its own");
            }
        });
    }

    /** The ports, each from its variable when set (STACK_KAFKA_PORT, …), else the default. */
    public static StackPorts fromEnvironment(Map<String, String> env) {
        return new StackPorts(
                port(env, "STACK_KAFKA_PORT", DEFAULT.kafka),
                port(env, "STACK_KAFKA_CONTROLLER_PORT", DEFAULT.kafkaController),
                port(env, "STACK_POSTGRES_PORT", DEFAULT.postgres),
                port(env, "STACK_INGEST_PORT", DEFAULT.ingest),
                port(env, "STACK_METRICS_PORT", DEFAULT.metrics),
                port(env, "STACK_REPORT_PORT", DEFAULT.report));
    }

    /** The HTTP port of a service of the stack. */
    public int of(String service) {
        return switch (service) {
            case LocalStack.INGEST -> ingest;
            case LocalStack.METRICS -> metrics;
            case LocalStack.REPORT -> report;
            default -> throw new IllegalArgumentException("no service " + service);
        };
    }

    /** Fails with a message naming the first busy port, what it is for and the variable that moves it. */
    public void requireFree() {
        byVariable(kafka, kafkaController, postgres, ingest, metrics, report).forEach((variable, port) -> {
            if (!isFree(port)) {
                throw new PortInUseException(port, variable);
            }
        });
    }

    /** The ports by the variable that moves each, in the order of the components. */
    private static Map<String, Integer> byVariable(int kafka, int kafkaController, int postgres, int ingest,
            int metrics, int report) {
        Map<String, Integer> byVariable = new LinkedHashMap<>();
        byVariable.put("STACK_KAFKA_PORT", kafka);
        byVariable.put("STACK_KAFKA_CONTROLLER_PORT", kafkaController);
        byVariable.put("STACK_POSTGRES_PORT", postgres);
        byVariable.put("STACK_INGEST_PORT", ingest);
        byVariable.put("STACK_METRICS_PORT", metrics);
        byVariable.put("STACK_REPORT_PORT", report);
        return byVariable;
    }

    /** Nothing listens on the port (on any local address) and this process may bind it. */
    static boolean isFree(int port) {
        // A connect finds a server bound to localhost only; a bind finds one on another local address.
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return false;
        } catch (IOException refused) {
            // nothing answers on the loopback address
        }
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int port(Map<String, String> env, String variable, int fallback) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + "=" + value + " is not a port number");
        }
    }

    /** A port of the stack is taken by another program. */
    public static final class PortInUseException extends IllegalStateException {
        private final int port;
        private final String variable;

        PortInUseException(int port, String variable) {
            super("port " + port + " (" + purpose(variable) + ") is already in use by another program: stop that program,"
                    + " or move the local stack's port with " + variable + "=<free port>");
            this.port = port;
            this.variable = variable;
        }

        private static String purpose(String variable) {
            return switch (variable) {
                case "STACK_KAFKA_PORT" -> "Kafka";
                case "STACK_KAFKA_CONTROLLER_PORT" -> "Kafka controller";
                case "STACK_POSTGRES_PORT" -> "PostgreSQL";
                case "STACK_INGEST_PORT" -> LocalStack.INGEST;
                case "STACK_METRICS_PORT" -> LocalStack.METRICS;
                case "STACK_REPORT_PORT" -> LocalStack.REPORT;
                default -> variable;
            };
        }

        public int port() {
            return port;
        }

        public String variable() {
            return variable;
        }
    }
}
