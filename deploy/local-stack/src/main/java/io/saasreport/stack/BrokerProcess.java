package io.saasreport.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The embedded broker in a JVM of its own (plaintext), so that it can be frozen and thawed as a process: SIGSTOP
 * leaves its sockets open and its clients waiting, as a broker stuck in a long pause or on a hung disk would. The
 * child is {@link KafkaBroker} on the same log directory and ports; it stops with SIGTERM (its shutdown hook closes
 * the broker) or dies with its parent's stop.
 */
public final class BrokerProcess implements AutoCloseable {

    static final String READY = "[kafka-process] ready";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;

    private BrokerProcess(Process process) {
        this.process = process;
    }

    /** Launches the broker with this JVM's class path and waits until it has created the spec's topics. */
    public static BrokerProcess start(Path logDir, int port, int controllerPort, Path log) {
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(StackEnvironment.javaExecutable(),
                    "-Xmx512m", "-cp", StackEnvironment.classPath(), BrokerProcess.class.getName(),
                    logDir.toString(), String.valueOf(port), String.valueOf(controllerPort))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            BrokerProcess broker = new BrokerProcess(process);
            broker.awaitReady(log);
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot launch the Kafka process", e);
        }
    }

    private void awaitReady(Path log) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka process exited with " + process.exitValue() + ": see " + log);
            }
            // The log is appended to across restarts: only this process's ready line counts, after its pid line.
            String text = Files.readString(log);
            int started = text.lastIndexOf("[kafka-process] pid " + process.pid());
            if (started >= 0 && text.indexOf(READY, started) > 0) {
                return;
            }
            ServiceProcess.sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the Kafka process was not ready after " + START_TIMEOUT.toSeconds() + " s: see " + log);
    }

    public long pid() {
        return process.pid();
    }

    /** SIGSTOP: the process stays, its sockets stay open, nothing answers. */
    public void freeze() {
        signal("STOP");
    }

    /** SIGCONT: the process runs on from where it was frozen. */
    public void thaw() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            int exit = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** SIGTERM (thawed first, or it could not stop), SIGKILL after a minute; waits for the exit. */
    @Override
    public void close() {
        thaw();
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The child: {@code <logDir> <port> <controllerPort>}. */
    public static void main(String[] args) throws InterruptedException {
        System.out.println("[kafka-process] pid " + ProcessHandle.current().pid());
        KafkaBroker broker = KafkaBroker.start(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "kafka-process-shutdown"));
        System.out.println(READY);
        stopped.await();
    }
}
