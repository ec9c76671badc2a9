package io.saasreport.benchmark;

import static io.saasreport.benchmark.Figures.perSecond;
import static io.saasreport.benchmark.Figures.percent;
import static io.saasreport.benchmark.Figures.rate;
import static io.saasreport.benchmark.Figures.seconds;
import static io.saasreport.benchmark.Figures.secondsText;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import io.saasreport.stack.LocalStack;

/**
 * Phase "catchup": the metrics service is stopped while a backlog is written, then started: its rate is taken from
 * the first applied tick it reports to the last (its start and restore left out, as the floor's is). The same records
 * are then read by a raw read_committed consumer and by {@link StreamsFloor} with the service's commit settings, in
 * the benchmark's JVM and in a fresh one started as the service is.
 */
final class CatchUp {

    /** What the service runs with (application.properties), so that the floor runs with the same. */
    private static final long COMMIT_INTERVAL_MS = 1000;
    private static final long RECORD_CACHE_BYTES = 16L * 1024 * 1024;
    private static final String COMPANY_TOPIC = "metrics.company";
    /** The universe stage's repartition topic: the application id, then the name the topology gives it. */
    private static final String UNIVERSE_INPUT_TOPIC = "metrics-service-universe-input-repartition";
    /** Kafka Streams' thread meter as Micrometer names it on /q/metrics. */
    private static final String COMMITS_METER = "kafka_stream_thread_commit_total";

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
        Map<String, Map<TopicPartition, Long>> publishedBefore = publishedEnds();
        Instant base = Instant.now().minus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.SECONDS);
        Benchmark.log("catch-up: writing " + count + " ticks while the metrics service is stopped");
        bench.prices().write(bench.stormTickers(), count, 70, base);
        Thread starting = new Thread(() -> target.stack().start(LocalStack.METRICS), "metrics-start");
        long startedAt = System.nanoTime();
        starting.start();
        // The first applied tick: the meter every 100 ms while the service starts (nothing is measured yet). Then the
        // half and the end as Waits polls it: a scrape costs the service tens of milliseconds of CPU, and ten a second
        // took a share of the cores from the catch-up being measured (the floor counts in its own JVM).
        double first = 0;
        long firstAt = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(options.waitSeconds()).toNanos();
        while (firstAt == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up after " + options.waitSeconds() + " s: the restarted service applied nothing");
            }
            Thread.sleep(100);
            double now = bench.api().applied();
            if (!Double.isNaN(now) && now > 0) {
                first = now;
                firstAt = System.nanoTime();
            }
        }
        Waits.Applied half = bench.waits().appliedReached(count / 2.0);
        Waits.Applied end = half == null ? null : bench.waits().appliedReached(count);
        if (end == null) {
            throw new IllegalStateException("gave up after " + options.waitSeconds() + " s: the restarted service applied "
                    + bench.api().applied() + " of " + count);
        }
        long caughtUp = end.at();
        starting.join();
        double catchUpRate = (count - first) / seconds(caughtUp - firstAt);
        results.add("catch-up", "metrics caught up", rate((long) (count - first), caughtUp - firstAt), catchUpRate,
                "ticks/s of a " + count + "-tick backlog written while it was stopped, from the first applied tick it reported to the last ("
                        + secondsText(caughtUp - startedAt) + " from its launch, start and restore included)");

        // A restarted JVM runs interpreted while its compiler works (docs/performance.md, "ticks | (warm-up)"): the
        // backlog's second half is its rate once compiled, as the floor's app is by then.
        double steadyRate = caughtUp > half.at() ? (count - half.events()) / seconds(caughtUp - half.at()) : catchUpRate;
        results.add("catch-up", "metrics caught up, second half", perSecond(steadyRate),
                steadyRate, "ticks/s over the second half of the same backlog (its JIT warm by then)");

        published(publishedBefore, count);

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
        ratio("ratio catch-up / floor", catchUpRate, steadyRate, floor, "the metrics service as a multiple of Kafka Streams' own floor");

        results.add("catch-up", "ratio catch-up / consumer", percent(catchUpRate / consumerRate), catchUpRate / consumerRate,
                "the metrics service as a share of Kafka's own read rate");

        // The floor above runs in the benchmark's JVM, compiled by its earlier phases; the restarted service is a fresh
        // JVM. The same floor in a fresh JVM with the service's heaps and options is the cold yardstick.
        StreamsFloor.Read cold;
        try {
            cold = StreamsFloor.runInFreshJvm(target.bootstrap(), PriceTopic.PRICES, before, count, COMMIT_INTERVAL_MS,
                    RECORD_CACHE_BYTES, bench.root().resolve("deploy/benchmark/target/streams-floor-cold"),
                    Duration.ofSeconds(options.waitSeconds()));
        } catch (IllegalStateException e) {
            results.add("catch-up", "Kafka Streams floor, fresh JVM", "failed", null, e.getMessage());
            return;
        }
        results.add("catch-up", "Kafka Streams floor, fresh JVM", perSecond(cold.perSecond()), cold.perSecond(),
                "ticks/s, the same floor in a JVM of its own started as the local stack starts the metrics service "
                        + "(its heaps and options): cold, as the restarted service is");
        ratio("ratio catch-up / floor in a fresh JVM", catchUpRate, steadyRate, cold,
                "the restarted metrics service as a multiple of the floor started as cold");
    }

    /** The catch-up's rate, whole and over its second half, as a multiple of a floor's. */
    private void ratio(String name, double catchUpRate, double steadyRate, StreamsFloor.Read floor, String meaning) {
        bench.results().add("catch-up", name, String.format(Locale.ROOT, "%.2fx (second half %.2fx)",
                catchUpRate / floor.perSecond(), steadyRate / floor.perSecond()),
                Map.of("whole", catchUpRate / floor.perSecond(), "secondHalf", steadyRate / floor.perSecond()), meaning);
    }

    /** What the catch-up's commits published: the ends of the service's output and of its universe stage's input. */
    private Map<String, Map<TopicPartition, Long>> publishedEnds() {
        try (KafkaConsumer<String, String> consumer = bench.prices().consumer()) {
            Map<String, Map<TopicPartition, Long>> ends = new LinkedHashMap<>();
            for (String topic : List.of(COMPANY_TOPIC, UNIVERSE_INPUT_TOPIC)) {
                ends.put(topic, PriceTopic.endOffsets(consumer, topic));
            }
            return ends;
        }
    }

    /**
     * Records per input tick on metrics.company and on the universe stage's input, and the commits, once the ends
     * stayed put for two commit intervals (the last commit comes after the last tick applied). The conflation the
     * record cache buys under a backlog: one record per changed company and commit, not per tick.
     */
    private void published(Map<String, Map<TopicPartition, Long>> before, int count) throws Exception {
        Map<String, Map<TopicPartition, Long>> ends = new LinkedHashMap<>();
        long[] lastChange = {System.nanoTime()};
        bench.waits().await("the catch-up's last commit", () -> {
            Map<String, Map<TopicPartition, Long>> now = publishedEnds();
            if (!now.equals(ends)) {
                ends.clear();
                ends.putAll(now);
                lastChange[0] = System.nanoTime();
            }
            return System.nanoTime() - lastChange[0] >= Duration.ofMillis(2 * COMMIT_INTERVAL_MS).toNanos();
        });
        long company = written(before.get(COMPANY_TOPIC), ends.get(COMPANY_TOPIC));
        long universeInput = written(before.get(UNIVERSE_INPUT_TOPIC), ends.get(UNIVERSE_INPUT_TOPIC));
        double commits = bench.api().meter(COMMITS_METER);
        Results results = bench.results();
        results.add("catch-up", "published per tick: metrics.company, universe-input; commits",
                String.format(Locale.ROOT, "%.3f, %.3f; %.0f commits", company / (double) count,
                        universeInput / (double) count, commits),
                Map.of("companyRecords", company, "universeInputRecords", universeInput, "commits", commits),
                "offsets written per backlog tick (records, and one transaction marker per partition and commit), "
                        + "and the restarted service's commits (" + COMMITS_METER + ")");
    }

    private static long written(Map<TopicPartition, Long> before, Map<TopicPartition, Long> after) {
        return after.entrySet().stream().mapToLong(end -> end.getValue() - before.getOrDefault(end.getKey(), 0L)).sum();
    }
}
