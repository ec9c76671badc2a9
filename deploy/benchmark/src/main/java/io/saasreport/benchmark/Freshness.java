package io.saasreport.benchmark;

import static io.saasreport.benchmark.Figures.rate;
import static io.saasreport.benchmark.Figures.seconds;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Phase "freshness", once per background rate: holds {@code rate} ticks/s of other tickers while a probe posts a
 * rising price for the probe's ticker every 200 ms; {@link FreshnessProbes} notes when each probe shows on each hop.
 * One row per hop: p50 / p99 / max.
 */
final class Freshness {

    /** The named universe whose only member is the probe's ticker: its median is the probe's multiple. */
    private static final String PROBE_UNIVERSE = "freshness-probe";

    private final Bench bench;
    private final Options options;

    Freshness(Bench bench) {
        this.bench = bench;
        this.options = bench.options();
    }

    void run(int rate) throws Exception {
        String probeTicker = bench.probeTicker();
        // Each rate's probes start above every earlier price of the probe's ticker (sustained probes stay below 2,000).
        FreshnessProbes probes = new FreshnessProbes(probeTicker, PROBE_UNIVERSE, 10_000.0 * (1 + options.freshnessRates().indexOf(rate)));
        // Kafka Streams' own floor follows the same ticks in the same seconds: the engine's latency beside the service's.
        try (StreamsFloor.Following floor = StreamsFloor.follow(bench.prices().bootstrap(), PriceTopic.PRICES,
                bench.root().resolve("deploy/benchmark/target/streams-floor-follow"), Duration.ofMinutes(2))) {
            probe(rate, probes, probeTicker, floor.output());
        }
    }

    private void probe(int rate, FreshnessProbes probes, String probeTicker, String floorOutput) throws Exception {
        probes.watch(bench.prices()::consumer, bench.api().http(), bench.target().report(), floorOutput);
        HttpResponse<String> defined = bench.api().defineUniverse(PROBE_UNIVERSE, "{\"tickers\":[\"" + probeTicker + "\"]}");
        if (defined.statusCode() != 202) {
            throw new IllegalStateException("defining " + PROBE_UNIVERSE + " answered " + defined.statusCode() + ": " + defined.body());
        }
        // Defined again at the next rate: the same members publish nothing new, the report already has it.
        bench.waits().await(PROBE_UNIVERSE + " is at the report",
                () -> bench.api().getReport("/api/v1/universes/" + PROBE_UNIVERSE).statusCode() == 200);

        AtomicLong sent = new AtomicLong();
        long duration = Duration.ofSeconds(options.freshnessSeconds()).toNanos();
        long start = System.nanoTime();
        Thread load = new Thread(() -> bench.prices().hold(bench.stormTickers(), rate, start, duration, sent), "freshness-load");
        load.start();
        Benchmark.log("freshness: " + rate + " ticks/s for " + options.freshnessSeconds() + " s with a probe every 200 ms");
        while (System.nanoTime() - start < duration) {
            long next = System.nanoTime() + Duration.ofMillis(200).toNanos();
            bench.api().postProbe(probeTicker, probes.nextPrice(), Instant.now());
            probes.accepted(System.nanoTime());
            Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
        }
        load.join();
        long window = System.nanoTime() - start;
        // A probe not shown within a minute of the last one counts as never.
        long shownBy = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!probes.allShown() && System.nanoTime() < shownBy) {
            Thread.sleep(100);
        }
        boolean all = probes.allShown();
        probes.stop();
        Results results = bench.results();
        results.add("freshness " + rate, "background ticks written", rate(sent.get(), window), sent.get() / seconds(window),
                "ticks/s held (target " + rate + ") while " + probes.count() + " probes ran"
                        + (all ? "" : "; some probes never showed within a minute"));
        for (FreshnessProbes.Hop hop : FreshnessProbes.Hop.values()) {
            List<Long> latencies = probes.latencies(hop);
            results.add("freshness " + rate, hop.label, Latencies.summary(latencies), Latencies.asMap(latencies),
                    "p50 / p99 / max from 202 at ingest to " + hop.meaning + " (" + latencies.size() + " probes)");
        }
    }
}
