package io.saasreport.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.saasreport.stack.GeneratedUniverse;

/** What every phase works with: the run's options and rows, the system measured, and the ways to drive and watch it. */
record Bench(Options options, Path root, Target target, ServiceApi api, PriceTopic prices, Waits waits, Results results) {

    static Bench on(Target target, Options options, Path root, Results results) {
        ServiceApi api = new ServiceApi(target);
        return new Bench(options, root, target, api, new PriceTopic(target.bootstrap()), new Waits(api, options.waitSeconds()),
                results);
    }

    /** The generated ticker the probes own: no storm ticks it. */
    String probeTicker() {
        return GeneratedUniverse.ticker(1, options.companies());
    }

    /** Every generated ticker but the first, which the probe owns. */
    List<String> stormTickers() {
        List<String> tickers = new ArrayList<>();
        for (int i = 2; i <= options.companies(); i++) {
            tickers.add(GeneratedUniverse.ticker(i, options.companies()));
        }
        return tickers;
    }
}
