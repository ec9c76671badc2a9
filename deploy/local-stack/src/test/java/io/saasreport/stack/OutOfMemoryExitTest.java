package io.saasreport.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service's JVM, started with the stack's options, exits when its heap runs out, so that the supervisor restarts
 * it; without that option a process whose worker thread died of it stays up, doing nothing (as the metrics service
 * did when a trading week filled its heap).
 */
class OutOfMemoryExitTest {

    /** A server in miniature: a thread that only keeps the process up, and a worker that fills the heap. */
    public static final class FillsItsHeap {
        public static void main(String[] args) throws Exception {
            Thread keepsTheProcessUp = new Thread(() -> {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            keepsTheProcessUp.start();
            List<long[]> held = new ArrayList<>();
            while (true) {
                held.add(new long[1 << 16]);
            }
        }
    }

    @TempDir
    Path folder;

    @Test
    void aServiceJvmWhoseHeapRunsOutExitsInsteadOfStayingWedged() throws Exception {
        Process withTheStacksOptions = start(StackEnvironment.jvmOptions(), "with");
        assertTrue(withTheStacksOptions.waitFor(60, TimeUnit.SECONDS), "exited");
        assertEquals(3, withTheStacksOptions.exitValue(), "the JVM's status for an OutOfMemoryError");
        assertTrue(Files.readString(folder.resolve("with.log")).contains("Terminating due to java.lang.OutOfMemoryError"));

        List<String> without = new ArrayList<>(StackEnvironment.jvmOptions());
        without.remove("-XX:+ExitOnOutOfMemoryError");
        Process withoutIt = start(without, "without");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(folder.resolve("without.log")).contains("OutOfMemoryError")
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(Files.readString(folder.resolve("without.log")).contains("OutOfMemoryError"), "its heap ran out");
            assertTrue(!withoutIt.waitFor(2, TimeUnit.SECONDS), "without the option the process stays up, wedged");
        } finally {
            withoutIt.destroyForcibly().waitFor();
        }
    }

    private Process start(List<String> options, String name) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx32m");
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), FillsItsHeap.class.getName()));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve(name + ".log").toFile()).start();
    }
}
