package io.saasreport.benchmark;

import java.nio.file.Path;

/**
 * The end-to-end benchmark: the whole system as users run it, each figure beside the platform's own
 * limit measured in the same run (Kafka's producer and consumer, the report server's static file),
 * because on a shared machine only ratios taken side by side mean anything. Runs the chosen phases (one class each)
 * in a fixed order, prints one table and writes it as JSON. What each row means: docs/performance.md.
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("saasreport.root", ".")).toAbsolutePath().normalize();
        Options options;
        try {
            options = Options.parse(args, root.resolve("deploy/benchmark"));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Results results = new Results();
        Target target = Target.open(options, root);
        try {
            run(Bench.on(target, options, root, results));
        } finally {
            try {
                System.out.println();
                System.out.println(results.table(options, Runtime.getRuntime().availableProcessors()));
                results.write(options);
            } finally {
                target.close();
            }
        }
    }

    /** The phases in their order, whatever the order of --phases; memory is taken between them. */
    private static void run(Bench bench) throws Exception {
        Options options = bench.options();
        MemoryUse memory = new MemoryUse(bench);
        if (options.runs("load")) {
            new UniverseLoad(bench).run();
            memory.afterLoad();
        }
        if (options.runs("ticks")) {
            new TickStorm(bench).run();
        }
        if (options.runs("week")) {
            new TradingWeek(bench).run();
        }
        if (options.runs("sustained")) {
            new SustainedRate(bench).run();
        }
        if (options.runs("freshness")) {
            for (int rate : options.freshnessRates()) {
                new Freshness(bench).run(rate);
            }
        }
        if (options.runs("ticks") || options.runs("sustained") || options.runs("freshness")) {
            memory.afterStorms();
        }
        if (options.runs("catchup")) {
            new CatchUp(bench).run();
        }
        if (options.runs("rest")) {
            new RestReads(bench).run();
        }
        memory.addRows();
    }

    static void log(String message) {
        System.out.println("[benchmark] " + message);
    }
}
