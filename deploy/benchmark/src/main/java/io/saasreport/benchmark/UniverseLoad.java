package io.saasreport.benchmark;

import static io.saasreport.benchmark.Figures.rate;
import static io.saasreport.benchmark.Figures.seconds;
import static io.saasreport.benchmark.Figures.secondsText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.saasreport.stack.GeneratedUniverse;

/** Phase "load": a generated universe posted through the ingest API, until the report counts every company. */
final class UniverseLoad {

    private final Bench bench;
    private final Options options;

    UniverseLoad(Bench bench) {
        this.bench = bench;
        this.options = bench.options();
    }

    void run() throws Exception {
        Benchmark.log("load: generating " + options.companies() + " companies");
        List<String> events = GeneratedUniverse.events(options.companies());
        List<String> bodies = new ArrayList<>();
        for (int from = 0; from < events.size(); from += options.loadBatch()) {
            bodies.add(String.join("", events.subList(from, Math.min(events.size(), from + options.loadBatch()))));
        }
        double appliedBefore = bench.api().applied();
        AtomicInteger unavailable = new AtomicInteger();
        Benchmark.log("load: posting " + events.size() + " events in " + bodies.size() + " requests");
        long start = System.nanoTime();
        post(bodies, unavailable);
        long accepted = System.nanoTime();
        Results results = bench.results();
        results.add("load", "ingest accepted", rate(events.size(), accepted - start), events.size() / seconds(accepted - start),
                "events/s: " + events.size() + " events of " + options.companies() + " companies, " + options.loadBatch()
                        + " a request, " + options.loadClients() + " at once" + (unavailable.get() > 0
                                ? ", " + unavailable.get() + " answers 503 (retried)" : ""));

        // A large universe may take longer than --wait-seconds: the rows then say how far it got.
        if (bench.waits().untilApplied(appliedBefore + events.size())) {
            long applied = System.nanoTime();
            results.add("load", "metrics applied", rate(events.size(), applied - start), events.size() / seconds(applied - start),
                    "events/s from the first request to the last event applied");
        } else {
            double done = bench.api().applied() - appliedBefore;
            results.add("load", "metrics applied", rate((long) done, System.nanoTime() - start) + " (unfinished)",
                    done / seconds(System.nanoTime() - start), String.format(Locale.ROOT,
                            "events/s: only %,.0f of %,d applied after %d s (--wait-seconds)", done, events.size(), options.waitSeconds()));
            return;
        }
        if (bench.waits().until(() -> bench.api().companyCount() >= options.companies())) {
            long shown = System.nanoTime();
            results.add("load", "report shows the universe", secondsText(shown - start), seconds(shown - start),
                    "s from the first request until the universe counts every company");
        } else {
            results.add("load", "report shows the universe", "not within " + options.waitSeconds() + " s", null,
                    "the universe counted " + bench.api().companyCount() + " companies then");
        }
    }

    /** The requests, --load-clients at once, each until ingest accepts it. */
    private void post(List<String> bodies, AtomicInteger unavailable) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(options.loadClients());
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (String body : bodies) {
                sent.add(pool.submit(() -> {
                    bench.api().postUntilAccepted(body, "application/x-ndjson", unavailable);
                    return null;
                }));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
