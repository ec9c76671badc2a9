package io.saasreport.benchmark;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.saasreport.stack.GeneratedUniverse;

/** Phase "rest": the report's REST reads with --clients clients each, beside the static file of the same server. */
final class RestReads {

    private final Bench bench;
    private final Options options;

    RestReads(Bench bench) {
        this.bench = bench;
        this.options = bench.options();
    }

    void run() throws Exception {
        String oneCompany = "/api/v1/companies/" + GeneratedUniverse.ticker(2, options.companies());
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("static file /", "/");
        paths.put("universe", "/api/v1/universe");
        paths.put("comps table sorted", "/api/v1/companies?sort=evToNtmRevenue&order=desc");
        // What the dashboard's browser asks: the same table, gzip accepted (the report compresses it once per change).
        paths.put("comps table sorted, gzip accepted", "/api/v1/companies?sort=evToNtmRevenue&order=desc");
        paths.put("one company", oneCompany);
        double staticRate = 0;
        for (Map.Entry<String, String> path : paths.entrySet()) {
            Benchmark.log("rest: " + path.getValue() + " with " + options.clients() + " clients for " + options.restSeconds() + " s");
            String[] headers = path.getKey().endsWith("gzip accepted") ? new String[] {"Accept-Encoding", "gzip"} : new String[0];
            RestLoad.Result result = RestLoad.run(bench.target().report().resolve(path.getValue()), options.clients(),
                    Duration.ofSeconds(options.restSeconds()), headers);
            if (path.getKey().startsWith("static")) {
                staticRate = result.perSecond();
            }
            Map<String, Object> values = new LinkedHashMap<>(Latencies.asMap(result.latencies()));
            values.put("requestsPerSecond", result.perSecond());
            values.put("ratioToStatic", result.perSecond() / staticRate);
            values.put("errors", result.errors());
            bench.results().add("rest", "GET " + path.getValue() + (headers.length > 0 ? " (gzip)" : ""), String.format(Locale.ROOT, "%,.0f req/s, p99 %s ms, %.3fx static",
                    result.perSecond(), Latencies.millis(Latencies.percentile(result.latencies(), 0.99)),
                    result.perSecond() / staticRate), values,
                    path.getKey() + ", " + options.clients() + " clients" + (result.errors() > 0 ? ", " + result.errors() + " errors" : ""));
        }
    }
}
