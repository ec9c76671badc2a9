package io.saasreport.metrics.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@link NamedUniversesBenchmark}'s tick timed in CPU time of the calling thread instead of wall-clock time, for a
 * shared machine: time the thread spends descheduled while others run does not count (their use of the shared CPU
 * cache still does). 400,000 ticks of warm-up, then 20 rounds of 50,000; prints the universe count and the fastest
 * and median round in ns per tick. Run each universe count in its own JVM, as JMH forks do:
 * {@code java -Xms2g -Xmx2g -cp target/test-classes:target/classes:$(cat /tmp/cp.txt)
 * io.saasreport.metrics.bench.NamedUniversesCpuTime 20}.
 */
public final class NamedUniversesCpuTime {

    private static final int WARM_UP_TICKS = 400_000;
    private static final int ROUNDS = 20;
    private static final int TICKS_PER_ROUND = 50_000;

    /** Keeps the ticks' results reachable, so the JIT cannot drop the work. */
    static volatile Object sink;

    private NamedUniversesCpuTime() {
    }

    public static void main(String[] args) {
        NamedUniversesBenchmark benchmark = new NamedUniversesBenchmark();
        benchmark.universes = Integer.parseInt(args[0]);
        benchmark.companies = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        benchmark.setUp();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < WARM_UP_TICKS; i++) {
            sink = benchmark.priceTick();
        }
        double[] nanosPerTick = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < TICKS_PER_ROUND; i++) {
                sink = benchmark.priceTick();
            }
            nanosPerTick[round] = (threads.getCurrentThreadCpuTime() - start) / (double) TICKS_PER_ROUND;
        }
        Arrays.sort(nanosPerTick);
        System.out.printf(Locale.ROOT, "universes=%d fastest=%.0f median=%.0f ns per tick (CPU time)%n",
                benchmark.universes, nanosPerTick[0], nanosPerTick[ROUNDS / 2]);
    }
}
