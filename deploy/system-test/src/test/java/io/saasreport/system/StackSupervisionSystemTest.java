package io.saasreport.system;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.saasreport.stack.LocalStack;
import io.saasreport.stack.ServiceProcess;

/**
 * The local stack supervises its services: a service process killed from outside (SIGKILL, as the kernel's
 * out-of-memory killer would) is started again by the stack, with a log line, and serves again; the worked example
 * goes through it afterwards.
 */
class StackSupervisionSystemTest {

    private static LocalStack stack;

    @BeforeAll
    static void startSystem() {
        stack = SystemUnderTest.stack();
    }

    @Test
    void aServiceKilledFromOutsideIsStartedAgainWithALogLine() throws Exception {
        ServiceProcess before = stack.process(LocalStack.INGEST);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(new Tee(original, captured), true, StandardCharsets.UTF_8));
        try {
            Process kill = new ProcessBuilder("kill", "-KILL", String.valueOf(before.pid())).inheritIO().start();
            assertTrue(kill.waitFor() == 0, "kill -KILL " + before.pid());

            Awaitility.await("a new ingest process").atMost(Duration.ofSeconds(60))
                    .until(() -> stack.process(LocalStack.INGEST).pid() != before.pid());
            stack.process(LocalStack.INGEST).awaitReady(Duration.ofSeconds(180));
        } finally {
            System.setOut(original);
        }
        assertNotEquals(before.pid(), stack.process(LocalStack.INGEST).pid());
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("[local-stack] ingest-service (pid " + before.pid() + ") exited with 137; restarting in 1 s (restart 1)"),
                log);
        assertTrue(log.contains("[local-stack] starting ingest-service on port " + stack.ports().ingest()), log);

        // The restarted service takes events as before.
        new Ingest(stack).post(WorkedExampleSystemTest.resource("example/events.ndjson").lines()
                .filter(line -> !line.isBlank()).toList());
        ExpectedFigures.workedExample().awaitInTheReport(Duration.ofSeconds(180));
    }

    /** Writes to both streams: the test still shows the stack's output. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
