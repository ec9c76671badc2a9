package io.saasreport.benchmark;

import static io.saasreport.benchmark.Figures.rate;
import static io.saasreport.benchmark.Figures.seconds;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.saasreport.benchmark.FreshnessProbes.Hop;
import io.saasreport.stack.LocalStack;

/**
 * Phase "freshness", once per background rate: holds {@code rate} ticks/s of other tickers while, after a lead of
 * {@link #LEAD}, a probe posts a rising price for the probe's ticker every 200 ms; {@link FreshnessProbes} notes when each probe shows on each hop.
 * One row per hop: p50 / p99 / max. Then a second window of the same length measures Kafka Streams' own floor
 * ({@link StreamsFloor#follow}) beside the service: in a window of its own, so that the floor's work does not slow
 * the service's figures of the first, and with the service's {@code 202 -> metrics.company} again, in the same
 * seconds as the floor's. In each window, how much of it the service's stream thread (and the floor's) spent on a core
 * and waiting for one ({@link CoreWait}): whether a lagging figure waited for the thread's work or for the machine.
 */
final class Freshness {

    /** The named universe whose only member is the probe's ticker: its median is the probe's multiple. */
    private static final String PROBE_UNIVERSE = "freshness-probe";
    private static final Set<Hop> SERVICE_HOPS = EnumSet.of(Hop.COMPANY_TOPIC, Hop.REPORT_REST, Hop.REPORT_STREAM,
            Hop.UNIVERSE_TOPIC);
    private static final Set<Hop> FLOOR_HOPS = EnumSet.of(Hop.COMPANY_TOPIC, Hop.FLOOR_TOPIC);
    /**
     * Each window's background ticks before its first probe, so that a probe meets the rate's steady state: the
     * service finished what the phase before left it (right after the storms its probes took 350-420 ms at the median
     * at 500 ticks/s, a minute later 66-71 ms), the floor's code warmed up and its group settled (with 5 s its first
     * probes waited 3 s).
     */
    private static final Duration LEAD = Duration.ofSeconds(10);
    /** The metrics service's Kafka Streams threads are named after its application id. */
    private static final String SERVICE_THREADS = "metrics-service";
    /** The floor's, after {@code StreamsFloor.follow}'s application id, in this JVM. */
    private static final String FLOOR_THREADS = "benchmark-streams-floor-follow";

    private final Bench bench;
    private final Options options;

    Freshness(Bench bench) {
        this.bench = bench;
        this.options = bench.options();
    }

    void run(int rate) throws Exception {
        String probeTicker = bench.probeTicker();
        HttpResponse<String> defined = bench.api().defineUniverse(PROBE_UNIVERSE, "{\"tickers\":[\"" + probeTicker + "\"]}");
        if (defined.statusCode() != 202) {
            throw new IllegalStateException("defining " + PROBE_UNIVERSE + " answered " + defined.statusCode() + ": " + defined.body());
        }
        // Defined again at the next rate: the same members publish nothing new, the report already has it.
        bench.waits().await(PROBE_UNIVERSE + " is at the report",
                () -> bench.api().getReport("/api/v1/universes/" + PROBE_UNIVERSE).statusCode() == 200);

        // Each rate's probes start above every earlier price of the probe's ticker (sustained probes stay below 2,000);
        // the floor's window above the service's.
        double base = 10_000.0 * (1 + options.freshnessRates().indexOf(rate));
        String group = "freshness " + rate;
        FreshnessProbes service = new FreshnessProbes(probeTicker, PROBE_UNIVERSE, base, SERVICE_HOPS);
        Window window = window(rate, service, null, LEAD);
        Results results = bench.results();
        results.add(group, "background ticks written", rate(window.sent(), window.nanos()), window.sent() / seconds(window.nanos()),
                "ticks/s held (target " + rate + ") while " + service.count() + " probes ran"
                        + (window.allShown() ? "" : "; some probes never showed within a minute"));
        for (Hop hop : SERVICE_HOPS) {
            add(group, hop.label, hop.meaning, service.latencies(hop));
        }
        addCoreWait(group, "metrics stream thread: on a core / waiting for one", window.service(), "");

        try (StreamsFloor.Following floor = StreamsFloor.follow(bench.prices().bootstrap(), PriceTopic.PRICES,
                bench.root().resolve("deploy/benchmark/target/streams-floor-follow"), Duration.ofMinutes(2))) {
            FreshnessProbes beside = new FreshnessProbes(probeTicker, PROBE_UNIVERSE, base + 5_000, FLOOR_HOPS);
            Window floorWindow = window(rate, beside, floor.output(), LEAD);
            String held = " (a window of its own after the service's: " + rate(floorWindow.sent(), floorWindow.nanos())
                    + " ticks/s of background" + (floorWindow.allShown() ? "" : "; some probes never showed within a minute") + ")";
            add(group, Hop.FLOOR_TOPIC.label, Hop.FLOOR_TOPIC.meaning + held, beside.latencies(Hop.FLOOR_TOPIC));
            add(group, Hop.COMPANY_TOPIC.label + ", beside the floor", Hop.COMPANY_TOPIC.meaning + ", in the floor's window",
                    beside.latencies(Hop.COMPANY_TOPIC));
            addCoreWait(group, "floor's stream thread: on a core / waiting for one", floorWindow.floor(), "");
            addCoreWait(group, "metrics stream thread, beside the floor", floorWindow.service(), ", in the floor's window");
        }
    }

    private void add(String group, String label, String meaning, List<Long> latencies) {
        bench.results().add(group, label, Latencies.summary(latencies), Latencies.asMap(latencies),
                "p50 / p99 / max from 202 at ingest to " + meaning + " (" + latencies.size() + " probes)");
    }

    private void addCoreWait(String group, String label, CoreWait.Share share, String window) {
        bench.results().add(group, label, share == null ? "unknown" : share.text(), share == null ? null : share.asMap(),
                "shares of the window's wall time" + window + ": the busiest thread of its name on a core, and runnable"
                        + " but waiting for one (/proc/<pid>/task/<tid>/schedstat)");
    }

    /**
     * One window's background ticks, whether every probe showed on every hop watched, and the stream threads' time
     * (null when unknown; {@code floor} null without the floor).
     */
    private record Window(long sent, long nanos, boolean allShown, CoreWait.Share service, CoreWait.Share floor) {
    }

    /**
     * Holds the background rate for {@code lead} plus {@code --freshness-seconds}, posting a probe every 200 ms after
     * the lead, then waits up to a minute for the last probes to show.
     */
    private Window window(int rate, FreshnessProbes probes, String floorOutput, Duration lead) throws Exception {
        probes.watch(bench.prices()::consumer, bench.api().http(), bench.target().report(), floorOutput);
        AtomicLong sent = new AtomicLong();
        long duration = lead.plusSeconds(options.freshnessSeconds()).toNanos();
        Long servicePid = bench.target().pid(LocalStack.METRICS);
        long floorPid = ProcessHandle.current().pid();
        var serviceBefore = servicePid == null ? null : CoreWait.threads(servicePid, SERVICE_THREADS);
        var floorBefore = floorOutput == null ? null : CoreWait.threads(floorPid, FLOOR_THREADS);
        long start = System.nanoTime();
        Thread load = new Thread(() -> bench.prices().hold(bench.stormTickers(), rate, start, duration, sent), "freshness-load");
        load.start();
        Benchmark.log("freshness: " + rate + " ticks/s for " + options.freshnessSeconds() + " s with a probe every 200 ms"
                + (floorOutput == null ? "" : ", Kafka Streams' floor beside the service"));
        Thread.sleep(lead.toMillis());
        while (System.nanoTime() - start < duration) {
            long next = System.nanoTime() + Duration.ofMillis(200).toNanos();
            bench.api().postProbe(probes.ticker(), probes.nextPrice(), Instant.now());
            probes.accepted(System.nanoTime());
            Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
        }
        load.join();
        long nanos = System.nanoTime() - start;
        CoreWait.Share serviceShare = servicePid == null ? null
                : CoreWait.busiest(serviceBefore, CoreWait.threads(servicePid, SERVICE_THREADS), nanos);
        CoreWait.Share floorShare = floorOutput == null ? null
                : CoreWait.busiest(floorBefore, CoreWait.threads(floorPid, FLOOR_THREADS), nanos);
        // A probe not shown within a minute of the last one counts as never.
        long shownBy = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!probes.allShown() && System.nanoTime() < shownBy) {
            Thread.sleep(100);
        }
        boolean all = probes.allShown();
        probes.stop();
        return new Window(sent.get(), nanos, all, serviceShare, floorShare);
    }
}
