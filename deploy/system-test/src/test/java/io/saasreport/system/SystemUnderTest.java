package io.saasreport.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import io.saasreport.stack.FreePort;
import io.saasreport.stack.LocalStack;
import io.saasreport.stack.StackPorts;

/**
 * The whole system, started once for the system test classes of the JVM and stopped at exit.
 * {@link #stack()} holds at most the spec's worked example; a test class that loads other data (or
 * needs figures from nothing) takes {@link #freshStack()}, and the next {@link #stack()} starts clean.
 */
final class SystemUnderTest {

    private static LocalStack stack;
    private static boolean dirty;
    private static boolean stopsAtExit;

    static synchronized LocalStack stack() {
        if (stack == null || dirty) {
            startClean();
            dirty = false;
        }
        return stack;
    }

    /** A stack started from empty state, for the caller alone: later {@link #stack()} calls start again. */
    static synchronized LocalStack freshStack() {
        startClean();
        dirty = true;
        return stack;
    }

    /**
     * A stack with Kafka secured (SASL SCRAM, ACLs: STACK_KAFKA_SECURITY=sasl) on free ports, from empty state,
     * for the caller alone: later {@link #stack()} calls start a plaintext one again.
     */
    static synchronized LocalStack securedStack() {
        stopCurrent();
        StackPorts ports = new StackPorts(FreePort.find(), FreePort.find(), FreePort.find(), FreePort.find(),
                FreePort.find(), FreePort.find());
        stack = LocalStack.start(root(), root().resolve("deploy/system-test/target/secured-stack"), false, ports, true);
        dirty = true;
        return stack;
    }

    /**
     * A plaintext stack on the usual ports, from empty state, whose broker runs in a process of its own (it can be
     * frozen), for the caller alone: later {@link #stack()} calls start the usual one again.
     */
    static synchronized LocalStack brokerProcessStack() {
        stopCurrent();
        stack = LocalStack.start(root(), root().resolve("deploy/system-test/target/stack"), false,
                StackPorts.fromEnvironment(System.getenv()), false, true);
        dirty = true;
        return stack;
    }

    private static void startClean() {
        stopCurrent();
        stack = LocalStack.start(root(), root().resolve("deploy/system-test/target/stack"), false);
    }

    private static void stopCurrent() {
        if (!stopsAtExit) {
            Runtime.getRuntime().addShutdownHook(new Thread(SystemUnderTest::stopAtExit));
            stopsAtExit = true;
        }
        if (stack != null) {
            stack.stop();
            stack = null;
        }
    }

    private static synchronized void stopAtExit() {
        if (stack != null) {
            stack.stop();
        }
    }

    /**
     * Copies the stack's logs (services, broker) to {@code deploy/system-test/target/<folder>}: the stack deletes its
     * state on stop, and a failed fault case is read from them.
     */
    static void keepLogs(LocalStack stack, String folder) throws IOException {
        Path kept = root().resolve("deploy/system-test/target").resolve(folder);
        Files.createDirectories(kept);
        try (var logs = Files.list(stack.dataDirectory().resolve("logs"))) {
            for (Path log : logs.toList()) {
                Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** The repository root (set by the build; the module's folder is two levels below it). */
    static Path root() {
        return Path.of(System.getProperty("saasreport.root", "../..")).toAbsolutePath().normalize();
    }

    private SystemUnderTest() {
    }
}
