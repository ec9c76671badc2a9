package io.saasreport.benchmark;

import java.time.Duration;

/** How a phase waits for the system: polled conditions, and the metrics service's applied-events meter, each for at most --wait-seconds. */
final class Waits {

    @FunctionalInterface
    interface Check {
        boolean holds() throws Exception;
    }

    private final ServiceApi api;
    private final int waitSeconds;

    Waits(ServiceApi api, int waitSeconds) {
        this.api = api;
        this.waitSeconds = waitSeconds;
    }

    int seconds() {
        return waitSeconds;
    }

    /** Polls every 100 ms until the condition holds; fails after --wait-seconds. */
    void await(String what, Check condition) throws Exception {
        require(until(condition), what);
    }

    /** Polls every 100 ms until the condition holds (true) or --wait-seconds passed (false). */
    boolean until(Check condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(waitSeconds).toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    void awaitApplied(String what, double target) throws Exception {
        require(untilApplied(target), what);
    }

    private void require(boolean happened, String what) {
        if (!happened) {
            throw new IllegalStateException("gave up after " + waitSeconds + " s waiting until " + what);
        }
    }

    /**
     * Waits until the metrics service has applied {@code target} events in all (true), or --wait-seconds passed.
     * A scrape of its /q/metrics is ~2,400 lines (Kafka's client and Streams meters) and costs the service tens of
     * milliseconds of CPU, so polling it every 100 ms would take a quarter of a core from what is measured: it is
     * polled at most once a second while far from the target and every 50 ms only when the rate seen so far says
     * the target is near, which keeps the end's resolution without the load.
     */
    boolean untilApplied(double target) throws Exception {
        return appliedReached(target) != null;
    }

    /** The meter's reading and when (System.nanoTime) it was taken. */
    record Applied(double events, long at) {
    }

    /**
     * The first reading of the applied-events meter at or past {@code target}, polled as {@link #untilApplied} polls;
     * null when --wait-seconds passed first.
     */
    Applied appliedReached(double target) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(waitSeconds).toNanos();
        double applied = api.applied();
        long appliedAt = System.nanoTime();
        double rate = 0; // events/s between the last two polls
        while (!(applied >= target)) {
            if (System.nanoTime() > deadline) {
                return null;
            }
            Thread.sleep(nextPollMillis(target - applied, rate));
            double now = api.applied();
            long nowAt = System.nanoTime();
            rate = now > applied ? (now - applied) / Figures.seconds(nowAt - appliedAt) : rate;
            applied = now;
            appliedAt = nowAt;
        }
        return new Applied(applied, appliedAt);
    }

    /**
     * Four fifths of the time the remaining events take at the last rate, within 50 ms..1 s (200 ms before a rate
     * is known): the end is met in a few scrapes (each one the measured service's CPU), then every 50 ms.
     */
    private static long nextPollMillis(double remaining, double rate) {
        if (rate <= 0 || Double.isNaN(remaining)) {
            return 200;
        }
        return Math.max(50, Math.min(1000, (long) (800 * remaining / rate)));
    }
}
