package io.saasreport.benchmark;

import static io.saasreport.benchmark.Figures.rate;
import static io.saasreport.benchmark.Figures.seconds;
import static io.saasreport.benchmark.Figures.secondsText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Phase "sustained": holds the rate while a probe posts a price for a ticker the storm leaves alone every 500 ms, and
 * two watchers (the report's REST API, the metrics.company topic) note when each probe shows. Probe prices rise, so
 * a probe counts as shown once it or a later one is visible (a newer figure holds it).
 */
final class SustainedRate {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Bench bench;
    private final Options options;

    SustainedRate(Bench bench) {
        this.bench = bench;
        this.options = bench.options();
    }

    void run() throws Exception {
        List<String> tickers = bench.stormTickers();
        String probeTicker = bench.probeTicker();
        Probes probes = new Probes();
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread topicWatcher = new Thread(() -> watchCompanyTopic(probeTicker, probes, watching), "metrics.company-watcher");
        Thread restWatcher = new Thread(() -> watchReport(probeTicker, probes, watching), "report-watcher");
        topicWatcher.start();
        restWatcher.start();

        AtomicLong sent = new AtomicLong();
        AtomicLong stormEnd = new AtomicLong();
        double appliedBefore = bench.api().applied();
        double[] appliedAtStormEnd = new double[1];
        long duration = Duration.ofSeconds(options.sustainSeconds()).toNanos();
        long start = System.nanoTime();
        Thread storm = new Thread(() -> {
            bench.prices().hold(tickers, options.rate(), start, duration, sent);
            stormEnd.set(System.nanoTime());
            appliedAtStormEnd[0] = bench.api().applied();
        }, "sustained-ticks");
        storm.start();

        Benchmark.log("sustained: " + options.rate() + " ticks/s for " + options.sustainSeconds() + " s with a probe every 500 ms");
        while (System.nanoTime() - start < duration) {
            long next = System.nanoTime() + Duration.ofMillis(500).toNanos();
            bench.api().postProbe(probeTicker, Probes.price(probes.accepted.size()), Instant.now());
            probes.accepted.add(System.nanoTime());
            Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
        }
        storm.join();
        long window = stormEnd.get() - start;
        double appliedDuring = appliedAtStormEnd[0] - appliedBefore;

        long drainStart = System.nanoTime();
        double target = appliedBefore + sent.get() + probes.accepted.size();
        bench.waits().awaitApplied("metrics catches up after the sustained rate", target);
        long drained = System.nanoTime();
        bench.waits().await("every probe shows", () -> probes.allShown());
        watching.set(false);
        topicWatcher.join();
        restWatcher.join();

        Results results = bench.results();
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
        final List<Long> accepted = Collections.synchronizedList(new ArrayList<>());
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
                probes.seen(probes.atRest, bench.api().priceAtReport(ticker));
                Thread.sleep(20);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void watchCompanyTopic(String ticker, Probes probes, AtomicBoolean watching) {
        try (KafkaConsumer<String, String> consumer = bench.prices().consumer()) {
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
}
