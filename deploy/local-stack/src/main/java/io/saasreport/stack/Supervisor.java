package io.saasreport.stack;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the stack's services running as a container orchestrator would: once a second it looks at each supervised
 * service; one whose process is gone, or whose liveness stayed DOWN for {@link #LIVENESS_GRACE}, is (killed and)
 * launched again after a backoff that doubles from 1 s to 30 s while restarts keep failing, with a log line each
 * time. A service the stack stops or kills on purpose is not supervised until it is started again.
 */
final class Supervisor implements AutoCloseable {

    static final Duration LIVENESS_GRACE = Duration.ofSeconds(30);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** A restarted service that stays up this long is healthy again: its next failure starts from the first backoff. */
    private static final Duration STABLE = Duration.ofSeconds(60);

    /** What the supervisor may do with the stack (its methods take the stack's lock). */
    interface Services {
        /** The supervised services' current processes (those not stopped on purpose). */
        Map<String, ServiceProcess> supervised();

        /** Kills the service's process if it still runs and launches it again (without waiting for readiness). */
        void relaunch(String service, ServiceProcess failed);
    }

    private record Watch(int restarts, long nextAttemptNanos, long liveDownSinceNanos, long upSinceNanos) {
    }

    private final Services services;
    private final Map<String, Watch> watches = new HashMap<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread t = new Thread(task, "local-stack-supervisor");
        t.setDaemon(true);
        return t;
    });

    Supervisor(Services services) {
        this.services = services;
    }

    void start() {
        thread.scheduleWithFixedDelay(this::checkAll, 1, 1, TimeUnit.SECONDS);
    }

    private void checkAll() {
        try {
            services.supervised().forEach(this::check);
        } catch (RuntimeException e) {
            LocalStack.log("supervisor: " + e);
        }
    }

    private void check(String service, ServiceProcess process) {
        long now = System.nanoTime();
        Watch watch = watches.getOrDefault(service, new Watch(0, 0, 0, now));
        String failure = null;
        if (!process.isAlive()) {
            failure = "exited with " + process.exitValue();
        } else {
            int live = process.liveness();
            if (live == 503) {
                long downSince = watch.liveDownSinceNanos() == 0 ? now : watch.liveDownSinceNanos();
                watch = new Watch(watch.restarts(), watch.nextAttemptNanos(), downSince, watch.upSinceNanos());
                if (now - downSince >= LIVENESS_GRACE.toNanos()) {
                    failure = "liveness DOWN for " + LIVENESS_GRACE.toSeconds() + " s";
                }
            } else {
                watch = new Watch(watch.restarts(), watch.nextAttemptNanos(), 0, watch.upSinceNanos());
                if (live == 200 && watch.restarts() > 0 && now - watch.upSinceNanos() >= STABLE.toNanos()) {
                    watch = new Watch(0, 0, 0, watch.upSinceNanos());
                }
            }
        }
        if (failure == null) {
            watches.put(service, watch);
            return;
        }
        if (watch.nextAttemptNanos() == 0) {
            Duration backoff = backoff(watch.restarts());
            LocalStack.log(service + " (pid " + process.pid() + ") " + failure + "; restarting in " + backoff.toSeconds()
                    + " s (restart " + (watch.restarts() + 1) + ")");
            watches.put(service, new Watch(watch.restarts(), now + backoff.toNanos(), watch.liveDownSinceNanos(), 0));
            return;
        }
        if (now >= watch.nextAttemptNanos()) {
            services.relaunch(service, process);
            watches.put(service, new Watch(watch.restarts() + 1, 0, 0, System.nanoTime()));
        } else {
            watches.put(service, watch);
        }
    }

    static Duration backoff(int restarts) {
        long seconds = FIRST_BACKOFF.toSeconds() << Math.min(restarts, 5);
        return Duration.ofSeconds(Math.min(seconds, MAX_BACKOFF.toSeconds()));
    }

    /** Forgets a service's failures (it was stopped or started on purpose). */
    void reset(String service) {
        thread.execute(() -> watches.remove(service));
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
