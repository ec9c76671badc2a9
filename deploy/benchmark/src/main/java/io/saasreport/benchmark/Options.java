package io.saasreport.benchmark;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The run's parameters, from {@code --name=value} arguments; every one has a default. */
record Options(
        boolean startLocalStack,
        URI ingest,
        URI metrics,
        URI report,
        String bootstrapServers,
        String apiKey,
        int companies,
        int ticks,
        int warmupTicks,
        int rate,
        int sustainSeconds,
        int restSeconds,
        int clients,
        int loadBatch,
        int loadClients,
        int waitSeconds,
        int weekMinutes,
        String jdbcUrl,
        List<String> phases,
        Path out) {

    static final String USAGE = """
            Benchmark options (all optional, --name=value):
              --stack=local|running   local (default): start a fresh local stack, stop it at the end;
                                      running: measure the stack at the addresses below
              --ingest=URL --metrics=URL --report=URL   default http://localhost:8081, :8082, :8083
              --bootstrap=HOST:PORT   Kafka, default localhost:9092
              --api-key=KEY           ingest bearer key, default local-dev-key
              --companies=N           generated universe, default 2000
              --ticks=M               price ticks written straight into market.prices, default 100000
              --warmup-ticks=W        ticks written and applied first, not measured (JIT warm-up), default 400000
              --rate=R                sustained ticks per second, default 5000
              --sustain-seconds=S     how long the sustained rate is held, default 30
              --rest-seconds=S        REST reads per endpoint, default 10
              --clients=C             REST clients, default 8
              --load-batch=B          events per ingest request while loading, default 1000
              --load-clients=L        concurrent ingest requests while loading, default 4
              --wait-seconds=W        longest wait for the system to catch up in a phase, default 900
              --week-minutes=M        the trading week phase's minutes of event time, default 1950 (5 x 6.5 h):
                                      every company ticks once in each of them
              --jdbc=URL              the report's database (user postgres), default the local stack's, else
                                      jdbc:postgresql://localhost:5432/report
              --phases=load,ticks,sustained,rest   which phases run, default these, in that order; 'week' (after
                                      load) replays a compressed trading week and measures the history
              --out=FILE              the JSON result, default target/benchmark-<time>.json
            """;

    static Options parse(String[] args, Path moduleDir) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String arg : args) {
            for (String word : arg.trim().split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                if (!word.startsWith("--") || !word.contains("=")) {
                    throw new IllegalArgumentException("not an option: " + word + "\n" + USAGE);
                }
                given.put(word.substring(2, word.indexOf('=')), word.substring(word.indexOf('=') + 1));
            }
        }
        Map<String, String> left = new LinkedHashMap<>(given);
        String stack = take(left, "stack", "local");
        if (!stack.equals("local") && !stack.equals("running")) {
            throw new IllegalArgumentException("--stack is local or running\n" + USAGE);
        }
        Options options = new Options(
                stack.equals("local"),
                URI.create(take(left, "ingest", "http://localhost:8081")),
                URI.create(take(left, "metrics", "http://localhost:8082")),
                URI.create(take(left, "report", "http://localhost:8083")),
                take(left, "bootstrap", "localhost:9092"),
                take(left, "api-key", "local-dev-key"),
                Integer.parseInt(take(left, "companies", "2000")),
                Integer.parseInt(take(left, "ticks", "100000")),
                Integer.parseInt(take(left, "warmup-ticks", "400000")),
                Integer.parseInt(take(left, "rate", "5000")),
                Integer.parseInt(take(left, "sustain-seconds", "30")),
                Integer.parseInt(take(left, "rest-seconds", "10")),
                Integer.parseInt(take(left, "clients", "8")),
                Integer.parseInt(take(left, "load-batch", "1000")),
                Integer.parseInt(take(left, "load-clients", "4")),
                Integer.parseInt(take(left, "wait-seconds", "900")),
                Integer.parseInt(take(left, "week-minutes", "1950")),
                take(left, "jdbc", "jdbc:postgresql://localhost:5432/report"),
                List.of(take(left, "phases", "load,ticks,sustained,rest").split(",")),
                Path.of(take(left, "out", moduleDir.resolve("target/benchmark-"
                        + java.time.LocalDateTime.now().withNano(0).toString().replace(':', '-') + ".json").toString())));
        if (!left.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) " + left.keySet() + "\n" + USAGE);
        }
        return options;
    }

    boolean runs(String phase) {
        return phases.contains(phase);
    }

    /** The parameters as written to the JSON result. */
    Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("stack", startLocalStack ? "local (started by the benchmark)" : "running");
        map.put("ingest", ingest.toString());
        map.put("metrics", metrics.toString());
        map.put("report", report.toString());
        map.put("bootstrap", bootstrapServers);
        map.put("companies", companies);
        map.put("ticks", ticks);
        map.put("warmupTicks", warmupTicks);
        map.put("rate", rate);
        map.put("sustainSeconds", sustainSeconds);
        map.put("restSeconds", restSeconds);
        map.put("clients", clients);
        map.put("loadBatch", loadBatch);
        map.put("loadClients", loadClients);
        map.put("weekMinutes", weekMinutes);
        map.put("phases", phases);
        return map;
    }

    private static String take(Map<String, String> left, String name, String fallback) {
        String value = left.remove(name);
        return value == null ? fallback : value;
    }
}
