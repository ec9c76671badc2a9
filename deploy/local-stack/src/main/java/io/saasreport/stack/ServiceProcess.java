package io.saasreport.stack;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** One running service process of the local stack (a main instance or an extra one), to stop or kill. */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String service;
    private final int port;
    private final Process process;
    private final Path log;

    ServiceProcess(String service, int port, Process process, Path log) {
        this.service = service;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    public String service() {
        return service;
    }

    /** The HTTP port of this instance. */
    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Where this instance's output goes. */
    public Path log() {
        return log;
    }

    /** SIGKILL, as a crash or an out-of-memory kill: nothing runs in the process after it. Waits for the exit. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(30);
    }

    /** SIGTERM, a graceful stop: the service finishes in-flight work. SIGKILL after 30 s. Waits for the exit. */
    public void stop() {
        process.destroy();
        if (!awaitExit(30)) {
            kill();
        }
    }

    /** The status of {@code /q/health/live} (200 UP, 503 DOWN), or -1 when it does not answer within a second. */
    public int liveness() {
        HttpRequest live = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/live"))
                .timeout(Duration.ofSeconds(1)).build();
        try {
            return HTTP.send(live, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The exit code once the process is gone. */
    public int exitValue() {
        return process.exitValue();
    }

    /** Waits until {@code /q/health/ready} answers 200. */
    public void awaitReady(Duration timeout) {
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service + " on port " + port + " exited with " + process.exitValue()
                        + ": see " + log);
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    LocalStack.log(service + " ready on port " + port);
                    return;
                }
            } catch (ConnectException e) {
                // not listening yet
            } catch (IOException e) {
                // starting up
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + service, e);
            }
            sleep(500);
        }
        throw new IllegalStateException(service + " on port " + port + " not ready after " + timeout.toSeconds()
                + " s: see " + log);
    }

    private boolean awaitExit(int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
