package io.saasreport.benchmark;

import static io.saasreport.benchmark.Figures.perSecond;
import static io.saasreport.benchmark.Figures.percent;
import static io.saasreport.benchmark.Figures.rate;
import static io.saasreport.benchmark.Figures.seconds;
import static io.saasreport.benchmark.Figures.secondsText;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

import io.saasreport.stack.LocalStack;

/**
 * Phase "catchup": the metrics service is stopped while a backlog is written, then started: its rate is taken from
 * the first applied tick it reports to the last (its start and restore left out, as the floor's is). The same records
 * are then read by a raw read_committed consumer and by {@link StreamsFloor} with the service's commit settings.
 */
final class CatchUp {

    /** What the service runs with (application.properties), so that the floor runs with the same. */
    private static final long COMMIT_INTERVAL_MS = 1000;
    private static final long RECORD_CACHE_BYTES = 16L * 1024 * 1024;

    private final Bench bench;
    private final Options options;

    CatchUp(Bench bench) {
        this.bench = bench;
        this.options = bench.options();
    }

    void run() throws Exception {
        Results results = bench.results();
        Target target = bench.target();
        if (!target.startedHere()) {
            results.add("catch-up", "metrics catch-up", "not run", null, "needs the local stack (--stack=local) to stop the service");
            return;
        }
        int count = options.catchUpTicks();
        Map<TopicPartition, Long> before = bench.prices().endOffsets();
        target.stack().stop(LocalStack.METRICS);
        Instant base = Instant.now().minus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.SECONDS);
        Benchmark.log("catch-up: writing " + count + " ticks while the metrics service is stopped");
        bench.prices().write(bench.stormTickers(), count, 70, base);
        Thread starting = new Thread(() -> target.stack().start(LocalStack.METRICS), "metrics-start");
        long startedAt = System.nanoTime();
        starting.start();
        double first = 0;
        long firstAt = 0;
        double half = 0;
        long halfAt = 0;
        double applied = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(options.waitSeconds()).toNanos();
        while (applied < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up after " + options.waitSeconds() + " s: the restarted service applied " + applied + " of " + count);
            }
            Thread.sleep(100);
            double now = bench.api().applied();
            if (Double.isNaN(now) || now <= 0) {
                continue;
            }
            if (firstAt == 0) {
                first = now;
                firstAt = System.nanoTime();
            }
            if (halfAt == 0 && now >= count / 2.0) {
                half = now;
                halfAt = System.nanoTime();
            }
            applied = now;
        }
        long caughtUp = System.nanoTime();
        starting.join();
        double catchUpRate = (count - first) / seconds(caughtUp - firstAt);
        results.add("catch-up", "metrics caught up", rate((long) (count - first), caughtUp - firstAt), catchUpRate,
                "ticks/s of a " + count + "-tick backlog written while it was stopped, from the first applied tick it reported to the last ("
                        + secondsText(caughtUp - startedAt) + " from its launch, start and restore included)");

        // A restarted JVM runs interpreted while its compiler works (docs/performance.md, "ticks | (warm-up)"): the
        // backlog's second half is its rate once compiled, as the floor's app is by then.
        double steadyRate = halfAt > 0 && caughtUp > halfAt ? (count - half) / seconds(caughtUp - halfAt) : catchUpRate;
        results.add("catch-up", "metrics caught up, second half", perSecond(steadyRate),
                steadyRate, "ticks/s over the second half of the same backlog (its JIT warm by then)");

        long readStart = System.nanoTime();
        PriceTopic.RawRead read = bench.prices().readCommitted(before, count, Duration.ofSeconds(options.waitSeconds()));
        long readEnd = System.nanoTime();
        double consumerRate = read.records() > read.firstPoll()
                ? (read.records() - read.firstPoll()) / seconds(readEnd - read.firstRecordAt()) : read.records() / seconds(readEnd - readStart);
        results.add("catch-up", "Kafka consumer (raw), from its first record", perSecond(consumerRate),
                consumerRate, "ticks/s, a plain read_committed consumer over the same backlog, after its first poll");

        StreamsFloor.Read floor = StreamsFloor.run(target.bootstrap(), PriceTopic.PRICES, before, count, COMMIT_INTERVAL_MS,
                RECORD_CACHE_BYTES, bench.root().resolve("deploy/benchmark/target/streams-floor"),
                Duration.ofSeconds(options.waitSeconds()));
        results.add("catch-up", "Kafka Streams floor", perSecond(floor.perSecond()), floor.perSecond(),
                "ticks/s, a trivial exactly_once_v2 app (latest value per ticker in a changelogged in-memory store, "
                        + "output through the record cache; commit " + COMMIT_INTERVAL_MS + " ms, cache "
                        + RECORD_CACHE_BYTES / (1024 * 1024) + " MiB) over the same backlog, from its first record");
        results.add("catch-up", "ratio catch-up / floor", String.format(Locale.ROOT, "%.2fx (second half %.2fx)",
                catchUpRate / floor.perSecond(), steadyRate / floor.perSecond()),
                Map.of("whole", catchUpRate / floor.perSecond(), "secondHalf", steadyRate / floor.perSecond()),
                "the metrics service as a multiple of Kafka Streams' own floor");
        results.add("catch-up", "ratio catch-up / consumer", percent(catchUpRate / consumerRate), catchUpRate / consumerRate,
                "the metrics service as a share of Kafka's own read rate");
    }
}
