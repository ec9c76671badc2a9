package io.saasreport.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.saasreport.stack.GeneratedUniverse;
import io.saasreport.stack.LocalStack;

/**
 * The end-to-end benchmark: the whole system as users run it, each figure beside the platform's own
 * limit measured in the same run (Kafka's producer and consumer, the report server's static file),
 * because on a shared machine only ratios taken side by side mean anything. Prints one table and
 * writes it as JSON. What each row means: docs/performance.md.
 */
public final class Benchmark {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String PRICES = "market.prices";
    /** The meter every metrics service implementation keeps: input events applied. */
    private static final String APPLIED_METER = "metrics_events_applied_total";

    private final Options options;
    private final Path root;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Results results = new Results();
    private LocalStack stack;
    private URI ingest;
    private URI metrics;
    private URI report;
    private String bootstrap;
    private String apiKey;

    private Benchmark(Options options, Path root) {
        this.options = options;
        this.root = root;
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
        new Benchmark(options, root).run();
    }

    private void run() throws Exception {
        if (options.startLocalStack()) {
            stack = LocalStack.start(root, root.resolve("deploy/benchmark/target/stack"), false);
            ingest = stack.uri(LocalStack.INGEST);
            metrics = stack.uri(LocalStack.METRICS);
            report = stack.uri(LocalStack.REPORT);
            bootstrap = stack.bootstrapServers();
            apiKey = stack.apiKey();
        } else {
            ingest = options.ingest();
            metrics = options.metrics();
            report = options.report();
            bootstrap = options.bootstrapServers();
            apiKey = options.apiKey();
        }
        try {
            Map<String, Long> rssBefore = residentSetSizes();
            if (options.runs("load")) {
                load();
            }
            if (options.runs("ticks")) {
                ticks();
            }
            if (options.runs("sustained")) {
                sustained();
            }
            if (options.runs("rest")) {
                restReads();
            }
            Map<String, Long> rssAfter = residentSetSizes();
            for (String service : List.of(LocalStack.INGEST, LocalStack.METRICS, LocalStack.REPORT)) {
                results.add("rss", service + " RSS before / after", mib(rssBefore.get(service)) + " / "
                        + mib(rssAfter.get(service)) + " MiB", Map.of("beforeBytes", orMissing(rssBefore.get(service)),
                        "afterBytes", orMissing(rssAfter.get(service))), "resident memory from /proc");
            }
        } finally {
            System.out.println();
            System.out.println(results.table(options, Runtime.getRuntime().availableProcessors()));
            write();
            if (stack != null) {
                stack.stop();
            }
        }
    }

    // ---- Phase 1: a universe through the ingest API -----------------------------------------------

    private void load() throws Exception {
        log("load: generating " + options.companies() + " companies");
        List<String> events = GeneratedUniverse.events(options.companies());
        List<String> bodies = new ArrayList<>();
        for (int from = 0; from < events.size(); from += options.loadBatch()) {
            bodies.add(String.join("", events.subList(from, Math.min(events.size(), from + options.loadBatch()))));
        }
        double appliedBefore = applied();
        AtomicInteger unavailable = new AtomicInteger();
        log("load: posting " + events.size() + " events in " + bodies.size() + " requests");
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(options.loadClients());
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (String body : bodies) {
                sent.add(pool.submit(() -> {
                    postUntilAccepted(body, "application/x-ndjson", unavailable);
                    return null;
                }));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        long accepted = System.nanoTime();
        results.add("load", "ingest accepted", rate(events.size(), accepted - start), events.size() / seconds(accepted - start),
                "events/s: " + events.size() + " events of " + options.companies() + " companies, " + options.loadBatch()
                        + " a request, " + options.loadClients() + " at once" + (unavailable.get() > 0
                                ? ", " + unavailable.get() + " answers 503 (retried)" : ""));

        // A large universe may take longer than --wait-seconds: the rows then say how far it got.
        if (waitUntilApplied(appliedBefore + events.size())) {
            long applied = System.nanoTime();
            results.add("load", "metrics applied", rate(events.size(), applied - start), events.size() / seconds(applied - start),
                    "events/s from the first request to the last event applied");
        } else {
            double done = applied() - appliedBefore;
            results.add("load", "metrics applied", rate((long) done, System.nanoTime() - start) + " (unfinished)",
                    done / seconds(System.nanoTime() - start), String.format(Locale.ROOT,
                            "events/s: only %,.0f of %,d applied after %d s (--wait-seconds)", done, events.size(), options.waitSeconds()));
            return;
        }
        if (waitUntil(() -> companyCount() >= options.companies())) {
            long shown = System.nanoTime();
            results.add("load", "report shows the universe", secondsText(shown - start), seconds(shown - start),
                    "s from the first request until the universe counts every company");
        } else {
            results.add("load", "report shows the universe", "not within " + options.waitSeconds() + " s", null,
                    "the universe counted " + companyCount() + " companies then");
        }
    }

    // ---- Phase 2: price ticks straight into Kafka, beside Kafka's own rates --------------------------

    private void ticks() throws Exception {
        List<String> tickers = stormTickers();
        warmUp(tickers);
        int count = options.ticks();
        String lastTicker = tickers.get((count - 1) % tickers.size());
        double lastPrice = 4242.42;
        Map<TopicPartition, Long> before;
        try (KafkaConsumer<String, String> consumer = consumer()) {
            before = endOffsets(consumer, PRICES);
        }
        double appliedBefore = applied();
        Instant base = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        log("ticks: writing " + count + " ticks to " + PRICES);
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < count; i++) {
                String ticker = tickers.get(i % tickers.size());
                double price = i == count - 1 ? lastPrice : 50 + (i % 1000) / 100.0;
                producer.send(tick(ticker, price, base.plus(i, ChronoUnit.MICROS)));
            }
            producer.flush();
        }
        long written = System.nanoTime();
        double producerRate = count / seconds(written - start);
        results.add("ticks", "Kafka producer (raw)", rate(count, written - start), producerRate,
                "ticks/s written to " + PRICES + " (acks=all, idempotent), " + count + " ticks");

        awaitApplied("metrics applied the ticks", appliedBefore + count);
        long applied = System.nanoTime();
        double applyRate = count / seconds(applied - start);
        results.add("ticks", "metrics applied", rate(count, applied - start), applyRate,
                "ticks/s, from the first write to the last tick applied (" + APPLIED_METER + ")");

        await("report shows the last tick", () -> priceAtReport(lastTicker) == lastPrice);
        long shown = System.nanoTime();
        results.add("ticks", "report shows the last tick", secondsText(shown - written), seconds(shown - written),
                "s after the last write was acknowledged (" + secondsText(shown - applied) + " after metrics applied it)");

        long readStart = System.nanoTime();
        RawRead read = readCommitted(before, count);
        long readEnd = System.nanoTime();
        double consumerRate = read.records() / seconds(readEnd - readStart);
        results.add("ticks", "Kafka consumer (raw)", rate(read.records(), readEnd - readStart), consumerRate,
                "ticks/s, a plain consumer (read_committed) over the same records, afterwards, from its creation");
        results.add("ticks", "ratio applied / consumer", percent(applyRate / consumerRate), applyRate / consumerRate,
                "the metrics service as a share of Kafka's own read rate");
        // The consumer's start (connection, metadata, first fetch) is a fixed cost that a short storm's rate
        // hides the read rate behind: the same records from its first one on are its steady rate.
        // (Nothing to time when a single poll returned every record.)
        long afterFirstPoll = read.records() - read.firstPoll();
        if (afterFirstPoll > 0) {
            double steadyRate = afterFirstPoll / seconds(readEnd - read.firstRecordAt());
            results.add("ticks", "Kafka consumer (raw), from its first record", rate(afterFirstPoll,
                    readEnd - read.firstRecordAt()), steadyRate,
                    "ticks/s, the same read after its first poll that returned records (the consumer's start left out)");
            results.add("ticks", "ratio applied / consumer's steady rate", percent(applyRate / steadyRate),
                    applyRate / steadyRate, "the metrics service as a share of Kafka's read rate once reading");
        }
        results.add("ticks", "ratio applied / producer", percent(applyRate / producerRate), applyRate / producerRate,
                "the metrics service as a share of the write rate");
    }

    /**
     * Ticks written and applied before the measured storm, as JMH runs warm-up iterations: a freshly started
     * service runs its path interpreted while the JIT compiles it, and on two cores the compiler threads take
     * more CPU than the stream thread (measured with JFR), which no long-running deployment pays.
     */
    private void warmUp(List<String> tickers) throws Exception {
        int count = options.warmupTicks();
        if (count <= 0) {
            return;
        }
        double appliedBefore = applied();
        Instant base = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        log("ticks: warming up with " + count + " ticks (not measured)");
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < count; i++) {
                producer.send(tick(tickers.get(i % tickers.size()), 40 + (i % 1000) / 100.0, base.plus(i, ChronoUnit.MICROS)));
            }
            producer.flush();
        }
        awaitApplied("metrics applied the warm-up ticks", appliedBefore + count);
    }

    // ---- Phase 3: a sustained rate, and a probe through the whole pipeline ----------------------------

    /**
     * Holds the rate while a probe posts a price for a ticker the storm leaves alone every 500 ms, and
     * two watchers (the report's REST API, the metrics.company topic) note when each probe shows. Probe
     * prices rise, so a probe counts as shown once it or a later one is visible (a newer figure holds it).
     */
    private void sustained() throws Exception {
        List<String> tickers = stormTickers();
        String probeTicker = GeneratedUniverse.ticker(1, options.companies());
        Probes probes = new Probes();
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread topicWatcher = new Thread(() -> watchCompanyTopic(probeTicker, probes, watching), "metrics.company-watcher");
        Thread restWatcher = new Thread(() -> watchReport(probeTicker, probes, watching), "report-watcher");
        topicWatcher.start();
        restWatcher.start();

        AtomicLong sent = new AtomicLong();
        AtomicLong stormEnd = new AtomicLong();
        double appliedBefore = applied();
        double[] appliedAtStormEnd = new double[1];
        long duration = Duration.ofSeconds(options.sustainSeconds()).toNanos();
        long start = System.nanoTime();
        Thread storm = new Thread(() -> {
            hold(tickers, start, duration, sent);
            stormEnd.set(System.nanoTime());
            appliedAtStormEnd[0] = applied();
        }, "sustained-ticks");
        storm.start();

        log("sustained: " + options.rate() + " ticks/s for " + options.sustainSeconds() + " s with a probe every 500 ms");
        while (System.nanoTime() - start < duration) {
            long next = System.nanoTime() + Duration.ofMillis(500).toNanos();
            int probe = probes.accepted.size();
            HttpResponse<String> response = post("{\"type\":\"price\",\"ticker\":\"" + probeTicker + "\",\"price\":"
                    + Probes.price(probe) + ",\"at\":\"" + Instant.now() + "\"}", "application/json");
            if (response.statusCode() != 202) {
                throw new IllegalStateException("probe answered " + response.statusCode() + ": " + response.body());
            }
            probes.accepted.add(System.nanoTime());
            Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
        }
        storm.join();
        long window = stormEnd.get() - start;
        double appliedDuring = appliedAtStormEnd[0] - appliedBefore;

        long drainStart = System.nanoTime();
        double target = appliedBefore + sent.get() + probes.accepted.size();
        awaitApplied("metrics catches up after the sustained rate", target);
        long drained = System.nanoTime();
        await("every probe shows", () -> probes.allShown());
        watching.set(false);
        topicWatcher.join();
        restWatcher.join();

        results.add("sustained", "ticks written", rate(sent.get(), window), sent.get() / seconds(window),
                "ticks/s held (target " + options.rate() + ") for " + options.sustainSeconds() + " s");
        results.add("sustained", "metrics applied meanwhile", rate((long) appliedDuring, window),
                appliedDuring / seconds(window), "events/s applied while the rate was held (probes included)");
        List<Long> atRest = probes.latencies(probes.atRest);
        List<Long> onTopic = probes.latencies(probes.onTopic);
        results.add("sustained", "probe 202 -> report REST", Latencies.summary(atRest), Latencies.asMap(atRest),
                "p50 / p99 / max from 202 at ingest to the price at GET /api/v1/companies/" + probeTicker
                        + " (" + atRest.size() + " probes)");
        results.add("sustained", "probe 202 -> metrics.company", Latencies.summary(onTopic), Latencies.asMap(onTopic),
                "p50 / p99 / max from 202 at ingest to the figure on metrics.company (read_committed)");
        results.add("sustained", "backlog drained after", secondsText(drained - drainStart), seconds(drained - drainStart),
                "s after the rate stopped until every tick was applied");
    }

    /** The probes of the sustained phase: when each was accepted, and when it showed where. */
    private static final class Probes {
        final List<Long> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
        final Map<Integer, Long> atRest = new ConcurrentHashMap<>();
        final Map<Integer, Long> onTopic = new ConcurrentHashMap<>();

        /** Probe prices rise from 1,000 and never meet a storm price (those stay below 61). */
        static double price(int probe) {
            return 1000 + probe + 0.25;
        }

        /** A price seen for the probe ticker shows that probe and every earlier one. */
        void seen(Map<Integer, Long> where, double price) {
            long now = System.nanoTime();
            if (!(price >= 1000)) {
                return; // a storm price, the load's price, or NaN when the report had no answer
            }
            for (int probe = (int) (price - 1000); probe >= 0; probe--) {
                if (where.putIfAbsent(probe, now) != null) {
                    break; // the earlier ones were marked already
                }
            }
        }

        boolean allShown() {
            return atRest.size() >= accepted.size() && onTopic.size() >= accepted.size();
        }

        List<Long> latencies(Map<Integer, Long> where) {
            List<Long> latencies = new ArrayList<>();
            for (int probe = 0; probe < accepted.size(); probe++) {
                Long shown = where.get(probe);
                latencies.add(shown == null ? Long.MAX_VALUE : Math.max(0, shown - accepted.get(probe)));
            }
            return latencies;
        }
    }

    private void watchReport(String ticker, Probes probes, AtomicBoolean watching) {
        try {
            while (watching.get()) {
                probes.seen(probes.atRest, priceAtReport(ticker));
                Thread.sleep(20);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes ticks at the target rate, paced per millisecond slot, until the duration is over. */
    private void hold(List<String> tickers, long start, long duration, AtomicLong sent) {
        Instant base = Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);
        try (KafkaProducer<String, String> producer = producer()) {
            long i = 0;
            while (true) {
                long elapsed = System.nanoTime() - start;
                if (elapsed >= duration) {
                    break;
                }
                long due = (long) (options.rate() * (elapsed / 1e9));
                if (i >= due) {
                    Thread.sleep(1);
                    continue;
                }
                for (; i < due; i++) {
                    producer.send(tick(tickers.get((int) (i % tickers.size())), 50 + (i % 1000) / 100.0,
                            base.plus(i, ChronoUnit.MICROS)));
                }
                sent.set(i);
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void watchCompanyTopic(String ticker, Probes probes, AtomicBoolean watching) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor("metrics.company").stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (watching.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(20))) {
                    if (ticker.equals(record.key()) && record.value() != null) {
                        JsonNode price = MAPPER.readTree(record.value()).path("price");
                        if (price.isNumber()) {
                            probes.seen(probes.onTopic, price.asDouble());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- Phase 4: REST reads beside the static file of the same server -------------------------------

    private void restReads() throws Exception {
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
            log("rest: " + path.getValue() + " with " + options.clients() + " clients for " + options.restSeconds() + " s");
            String[] headers = path.getKey().endsWith("gzip accepted") ? new String[] {"Accept-Encoding", "gzip"} : new String[0];
            RestLoad.Result result = RestLoad.run(report.resolve(path.getValue()), options.clients(),
                    Duration.ofSeconds(options.restSeconds()), headers);
            if (path.getKey().startsWith("static")) {
                staticRate = result.perSecond();
            }
            Map<String, Object> values = new LinkedHashMap<>(Latencies.asMap(result.latencies()));
            values.put("requestsPerSecond", result.perSecond());
            values.put("ratioToStatic", result.perSecond() / staticRate);
            values.put("errors", result.errors());
            results.add("rest", "GET " + path.getValue() + (headers.length > 0 ? " (gzip)" : ""), String.format(Locale.ROOT, "%,.0f req/s, p99 %s ms, %.3fx static",
                    result.perSecond(), Latencies.millis(Latencies.percentile(result.latencies(), 0.99)),
                    result.perSecond() / staticRate), values,
                    path.getKey() + ", " + options.clients() + " clients" + (result.errors() > 0 ? ", " + result.errors() + " errors" : ""));
        }
    }

    // ---- Helpers -------------------------------------------------------------------------------------

    /** Every generated ticker but the first, which the probe owns. */
    private List<String> stormTickers() {
        List<String> tickers = new ArrayList<>();
        for (int i = 2; i <= options.companies(); i++) {
            tickers.add(GeneratedUniverse.ticker(i, options.companies()));
        }
        return tickers;
    }

    private ProducerRecord<String, String> tick(String ticker, double price, Instant at) {
        String value = "{\"type\":\"price\",\"ticker\":\"" + ticker + "\",\"price\":" + price + ",\"at\":\"" + at + "\"}";
        ProducerRecord<String, String> record = new ProducerRecord<>(PRICES, ticker, value);
        // The headers the ingest service writes, so the record is one of its own.
        record.headers().add(header("ce_specversion", "1.0")).add(header("ce_type", "io.saasreport.event.price"))
                .add(header("ce_source", "/benchmark")).add(header("ce_id", UUID.randomUUID().toString()))
                .add(header("ce_time", Instant.now().toString())).add(header("content-type", "application/json"));
        return record;
    }

    private static RecordHeader header(String key, String value) {
        return new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8));
    }

    private KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(128 * 1024));
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000"), new StringDeserializer(), new StringDeserializer());
    }

    private static Map<TopicPartition, Long> endOffsets(KafkaConsumer<String, String> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        return new LinkedHashMap<>(consumer.endOffsets(partitions));
    }

    /** How many records a plain read got, when (System.nanoTime) its first poll returned any, and how many. */
    private record RawRead(long records, long firstRecordAt, long firstPoll) {
    }

    /** Reads {@code count} records from {@code from} on, as a plain consumer would. */
    private RawRead readCommitted(Map<TopicPartition, Long> from, long count) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            long read = 0;
            long firstRecordAt = 0;
            long firstPoll = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(options.waitSeconds()).toNanos();
            while (read < count && System.nanoTime() < deadline) {
                int polled = consumer.poll(Duration.ofMillis(200)).count();
                if (polled > 0 && read == 0) {
                    firstRecordAt = System.nanoTime();
                    firstPoll = polled;
                }
                read += polled;
            }
            return new RawRead(read, firstRecordAt, firstPoll);
        }
    }

    private double applied() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(metrics.resolve("/q/metrics"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return response.body().lines().filter(line -> line.startsWith(APPLIED_METER))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
        } catch (IOException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int companyCount() throws IOException, InterruptedException {
        HttpResponse<String> response = get(report.resolve("/api/v1/universe"));
        return response.statusCode() == 200 ? MAPPER.readTree(response.body()).path("companyCount").asInt() : 0;
    }

    private double priceAtReport(String ticker) throws IOException, InterruptedException {
        HttpResponse<String> response = get(report.resolve("/api/v1/companies/" + ticker));
        return response.statusCode() == 200 ? MAPPER.readTree(response.body()).path("price").asDouble(Double.NaN) : Double.NaN;
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String body, String contentType) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(ingest.resolve("/api/v1/events"))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void postUntilAccepted(String body, String contentType, AtomicInteger unavailable) throws Exception {
        while (true) {
            HttpResponse<String> response = post(body, contentType);
            if (response.statusCode() == 202) {
                return;
            }
            if (response.statusCode() != 503) {
                throw new IllegalStateException("ingest answered " + response.statusCode() + ": " + response.body());
            }
            unavailable.incrementAndGet();
            Thread.sleep(1000);
        }
    }

    /** Polls every 100 ms until the condition holds; fails after --wait-seconds. */
    private void await(String what, Check condition) throws Exception {
        if (!waitUntil(condition)) {
            throw new IllegalStateException("gave up after " + options.waitSeconds() + " s waiting until " + what);
        }
    }

    /** Polls every 100 ms until the condition holds (true) or --wait-seconds passed (false). */
    private boolean waitUntil(Check condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(options.waitSeconds()).toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    private void awaitApplied(String what, double target) throws Exception {
        if (!waitUntilApplied(target)) {
            throw new IllegalStateException("gave up after " + options.waitSeconds() + " s waiting until " + what);
        }
    }

    /**
     * Waits until the metrics service has applied {@code target} events in all (true), or --wait-seconds passed.
     * A scrape of its /q/metrics is ~2,400 lines (Kafka's client and Streams meters) and costs the service tens of
     * milliseconds of CPU, so polling it every 100 ms would take a quarter of a core from what is measured: it is
     * polled at most once a second while far from the target and every 50 ms only when the rate seen so far says
     * the target is near, which keeps the end's resolution without the load.
     */
    private boolean waitUntilApplied(double target) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(options.waitSeconds()).toNanos();
        double applied = applied();
        long appliedAt = System.nanoTime();
        double rate = 0; // events/s between the last two polls
        while (!(applied >= target)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(nextPollMillis(target - applied, rate));
            double now = applied();
            long nowAt = System.nanoTime();
            rate = now > applied ? (now - applied) / seconds(nowAt - appliedAt) : rate;
            applied = now;
            appliedAt = nowAt;
        }
        return true;
    }

    /**
     * Four fifths of the time the remaining events take at the last rate, within 50 ms..1 s (200 ms before a rate
     * is known): the end is met in a few scrapes (each one the measured service's CPU), then every 50 ms.
     */
    private static long nextPollMillis(double remaining, double rate) {
        if (rate <= 0 || Double.isNaN(remaining)) {
            return 200;
        }
        return Math.max(50, Math.min(1000, (long) (800 * remaining / rate)));
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    /** VmRSS of each service: of the processes the local stack started, else found by their jar. */
    private Map<String, Long> residentSetSizes() {
        Map<String, Long> rss = new LinkedHashMap<>();
        for (String service : List.of(LocalStack.INGEST, LocalStack.METRICS, LocalStack.REPORT)) {
            Long pid = stack != null ? Long.valueOf(stack.process(service).pid()) : findPid(service);
            rss.put(service, pid == null ? null : ProcStatus.residentBytes(pid));
        }
        return rss;
    }

    private static Long findPid(String service) {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(p -> p.info().commandLine().orElse("").contains(service + "/target/quarkus-app/quarkus-run.jar")
                    || (p.info().commandLine().orElse("").contains("quarkus-run.jar") && ProcStatus.cwdEndsWith(p.pid(), service)))
                    .map(ProcessHandle::pid).findFirst().orElse(null);
        }
    }

    private void write() throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("startedAt", results.startedAt().toString());
        json.put("cores", Runtime.getRuntime().availableProcessors());
        json.put("java", System.getProperty("java.version"));
        json.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        json.put("parameters", options.asMap());
        json.put("results", results.rows());
        Files.createDirectories(options.out().toAbsolutePath().getParent());
        MAPPER.writeValue(options.out().toFile(), json);
        System.out.println("JSON: " + options.out().toAbsolutePath());
    }

    private static String rate(long count, long nanos) {
        return String.format(Locale.ROOT, "%,.0f /s", count / seconds(nanos));
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static String secondsText(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", seconds(nanos));
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }

    private static String mib(Long bytes) {
        return bytes == null ? "?" : String.valueOf(bytes / (1024 * 1024));
    }

    private static Object orMissing(Long value) {
        return value == null ? "unknown" : value;
    }

    static void log(String message) {
        System.out.println("[benchmark] " + message);
    }
}
