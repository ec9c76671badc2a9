package io.saasreport.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The freshness probes of one background rate: a price for a ticker the load leaves alone, posted to the ingest API,
 * and a watcher on each hop asked for noting when each probe shows: on {@code metrics.company}, on the output of
 * Kafka Streams' floor (the engine's own latency under exactly-once; {@link Freshness} watches it in a window of its
 * own), at the report's REST API, in an event
 * of {@code /api/v1/stream}, and as the changed median of a named universe whose only member is the probe's ticker
 * on {@code metrics.universe}. Probe prices rise, so a probe counts as shown once it or a later one is visible (a
 * newer figure holds it); the universe's median rises with them, so a probe shows there once the median reached
 * the multiple its figures (or a later probe's) had on {@code metrics.company}.
 */
final class FreshnessProbes {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The hops, in the order of the rows. */
    enum Hop {
        COMPANY_TOPIC("202 -> metrics.company", "the figure on metrics.company (read_committed)"),
        FLOOR_TOPIC("202 -> Kafka Streams floor", "the tick on the output of Kafka Streams' own floor, a trivial "
                + "exactly_once_v2 app over the same ticks (StreamsFloor.follow: Kafka Streams' defaults, commit.interval.ms "
                + "100, a 10 MB record cache; read_committed)"),
        REPORT_REST("202 -> report REST", "the price at GET /api/v1/companies/{ticker}"),
        REPORT_STREAM("202 -> report event", "the price in a 'companies' event of GET /api/v1/stream"),
        UNIVERSE_TOPIC("202 -> universe median", "the named universe's changed median on metrics.universe (read_committed)");

        final String label;
        final String meaning;

        Hop(String label, String meaning) {
            this.label = label;
            this.meaning = meaning;
        }
    }

    private final String ticker;
    private final String universe;
    private final double basePrice;
    private final Set<Hop> hops;
    private final List<Long> accepted = Collections.synchronizedList(new ArrayList<>());
    private final Map<Hop, Map<Integer, Long>> shown = new ConcurrentHashMap<>();
    /** The probe's multiple (EV / NTM revenue) as metrics.company published it, by probe. */
    private final Map<Integer, Double> multiples = new ConcurrentHashMap<>();
    /** Every change of the universe's median: when, and to what. */
    private final List<long[]> medianSeen = Collections.synchronizedList(new ArrayList<>());
    private final List<Double> medians = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> watchers = new ArrayList<>();
    private volatile boolean watching = true;
    private volatile InputStream stream;

    /** Probes of {@code ticker} from {@code basePrice} up, watched on {@code hops}. */
    FreshnessProbes(String ticker, String universe, double basePrice, Set<Hop> hops) {
        this.ticker = ticker;
        this.universe = universe;
        this.basePrice = basePrice;
        this.hops = Set.copyOf(hops);
        for (Hop hop : Hop.values()) {
            shown.put(hop, new ConcurrentHashMap<>());
        }
    }

    /** The price of the next probe: above every load price and every earlier probe's. */
    double nextPrice() {
        return price(accepted.size());
    }

    private double price(int probe) {
        return basePrice + probe + 0.25;
    }

    void accepted(long at) {
        accepted.add(at);
    }

    int count() {
        return accepted.size();
    }

    String ticker() {
        return ticker;
    }

    void watch(Supplier<KafkaConsumer<String, String>> consumers, HttpClient http, URI report, String floorOutput)
            throws Exception {
        // The universe's median is matched against the multiples seen on metrics.company.
        if (hops.contains(Hop.COMPANY_TOPIC) || hops.contains(Hop.UNIVERSE_TOPIC)) {
            watchers.add(thread("company-topic", () -> watchTopic(consumers.get(), "metrics.company", this::companyRecord)));
        }
        if (hops.contains(Hop.FLOOR_TOPIC)) {
            watchers.add(thread("floor-topic", () -> watchTopic(consumers.get(), floorOutput, this::floorRecord)));
        }
        if (hops.contains(Hop.UNIVERSE_TOPIC)) {
            watchers.add(thread("universe-topic", () -> watchTopic(consumers.get(), "metrics.universe", this::universeRecord)));
        }
        if (hops.contains(Hop.REPORT_REST)) {
            watchers.add(thread("report-rest", () -> watchRest(http, report.resolve("/api/v1/companies/" + ticker))));
        }
        if (hops.contains(Hop.REPORT_STREAM)) {
            HttpResponse<InputStream> events = http.send(HttpRequest.newBuilder(report.resolve("/api/v1/stream"))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
            stream = events.body();
            watchers.add(thread("report-stream", () -> watchStream(stream)));
        }
        watchers.forEach(Thread::start);
    }

    boolean allShown() {
        int probes = accepted.size();
        for (Hop hop : hops) {
            if (latencies(hop).contains(Long.MAX_VALUE) || latencies(hop).size() < probes) {
                return false;
            }
        }
        return true;
    }

    void stop() throws InterruptedException {
        watching = false;
        try {
            if (stream != null) {
                stream.close();
            }
        } catch (IOException e) {
            // closing only ends the watcher
        }
        for (Thread watcher : watchers) {
            watcher.join(5000);
        }
    }

    /** Per probe: from its 202 to where it showed ({@link Long#MAX_VALUE}: never). */
    List<Long> latencies(Hop hop) {
        List<Long> latencies = new ArrayList<>();
        for (int probe = 0; probe < accepted.size(); probe++) {
            Long at = hop == Hop.UNIVERSE_TOPIC ? universeShown(probe) : shown.get(hop).get(probe);
            latencies.add(at == null ? Long.MAX_VALUE : Math.max(0, at - accepted.get(probe)));
        }
        return latencies;
    }

    /**
     * When the median first reached the probe's multiple, or that of the first later probe whose figure was seen
     * (a commit may carry only the later of two probes: its median holds the earlier one too).
     */
    private Long universeShown(int probe) {
        Double multiple = null;
        for (int later = probe; later < accepted.size() && multiple == null; later++) {
            multiple = multiples.get(later);
        }
        if (multiple == null) {
            return null;
        }
        synchronized (medianSeen) {
            for (int i = 0; i < medianSeen.size(); i++) {
                if (medians.get(i) >= multiple * (1 - 1e-9) && medianSeen.get(i)[0] >= accepted.get(probe)) {
                    return medianSeen.get(i)[0];
                }
            }
        }
        return null;
    }

    private void seen(Hop hop, double price, long at) {
        if (!(price >= basePrice)) {
            return; // a load price, an earlier phase's probe, or no answer
        }
        for (int probe = (int) (price - basePrice); probe >= 0; probe--) {
            if (shown.get(hop).putIfAbsent(probe, at) != null) {
                break; // the earlier ones were marked already
            }
        }
    }

    private void companyRecord(ConsumerRecord<String, String> record, long at) throws IOException {
        if (ticker.equals(record.key()) && record.value() != null) {
            JsonNode figures = MAPPER.readTree(record.value());
            double price = figures.path("price").asDouble(Double.NaN);
            seen(Hop.COMPANY_TOPIC, price, at);
            if (price >= basePrice && figures.path("evToNtmRevenue").isNumber()) {
                multiples.put((int) (price - basePrice), figures.path("evToNtmRevenue").asDouble());
            }
        }
    }

    /** The floor passes the ticks on as written: the probe's own event. */
    private void floorRecord(ConsumerRecord<String, String> record, long at) throws IOException {
        if (ticker.equals(record.key()) && record.value() != null) {
            seen(Hop.FLOOR_TOPIC, MAPPER.readTree(record.value()).path("price").asDouble(Double.NaN), at);
        }
    }

    private void universeRecord(ConsumerRecord<String, String> record, long at) throws IOException {
        if (universe.equals(record.key()) && record.value() != null) {
            JsonNode median = MAPPER.readTree(record.value()).path("medianEvToNtmRevenue");
            synchronized (medianSeen) {
                medianSeen.add(new long[] {at});
                medians.add(median.isNumber() ? median.asDouble() : Double.NaN);
            }
        }
    }

    @FunctionalInterface
    private interface RecordWatcher {
        void seen(ConsumerRecord<String, String> record, long at) throws IOException;
    }

    private void watchTopic(KafkaConsumer<String, String> consumer, String topic, RecordWatcher watcher) {
        try (consumer) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (watching) {
                var records = consumer.poll(Duration.ofMillis(20));
                long at = System.nanoTime();
                for (ConsumerRecord<String, String> record : records) {
                    watcher.seen(record, at);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every 5 ms: finer would only load the measured server. */
    private void watchRest(HttpClient http, URI company) {
        try {
            while (watching) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(company)
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                long at = System.nanoTime();
                if (response.statusCode() == 200) {
                    seen(Hop.REPORT_REST, MAPPER.readTree(response.body()).path("price").asDouble(Double.NaN), at);
                }
                Thread.sleep(5);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Server-sent events: only a 'companies' event that names the probe's ticker is parsed. */
    private void watchStream(InputStream events) {
        String needle = "\"ticker\":\"" + ticker + "\"";
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(events, StandardCharsets.UTF_8))) {
            String event = "";
            String line;
            while (watching && (line = lines.readLine()) != null) {
                if (line.startsWith("event:")) {
                    event = line.substring("event:".length()).trim();
                } else if (line.startsWith("data:") && event.equals("companies") && line.contains(needle)) {
                    long at = System.nanoTime();
                    for (JsonNode company : MAPPER.readTree(line.substring("data:".length()))) {
                        if (ticker.equals(company.path("ticker").asText())) {
                            seen(Hop.REPORT_STREAM, company.path("price").asDouble(Double.NaN), at);
                        }
                    }
                }
            }
        } catch (IOException e) {
            if (watching) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static Thread thread(String name, Runnable body) {
        Thread thread = new Thread(body, "freshness-" + name);
        thread.setDaemon(true);
        return thread;
    }
}
