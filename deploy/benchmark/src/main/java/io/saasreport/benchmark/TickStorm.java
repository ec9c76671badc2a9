package io.saasreport.benchmark;

import static io.saasreport.benchmark.Figures.percent;
import static io.saasreport.benchmark.Figures.rate;
import static io.saasreport.benchmark.Figures.seconds;
import static io.saasreport.benchmark.Figures.secondsText;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;

/** Phase "ticks": price ticks straight into Kafka as fast as it takes them, beside Kafka's own write and read rates. */
final class TickStorm {

    private final Bench bench;
    private final Options options;
    private final Results results;

    TickStorm(Bench bench) {
        this.bench = bench;
        this.options = bench.options();
        this.results = bench.results();
    }

    void run() throws Exception {
        List<String> tickers = bench.stormTickers();
        warmUp(tickers);
        int count = options.ticks();
        String lastTicker = tickers.get((count - 1) % tickers.size());
        double lastPrice = 4242.42;
        PriceTopic prices = bench.prices();
        Map<TopicPartition, Long> before = prices.endOffsets();
        double appliedBefore = bench.api().applied();
        Instant base = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Benchmark.log("ticks: writing " + count + " ticks to " + PriceTopic.PRICES);
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = prices.producer()) {
            for (int i = 0; i < count; i++) {
                String ticker = tickers.get(i % tickers.size());
                double price = i == count - 1 ? lastPrice : 50 + (i % 1000) / 100.0;
                producer.send(PriceTopic.tick(ticker, price, base.plus(i, ChronoUnit.MICROS)));
            }
            producer.flush();
        }
        long written = System.nanoTime();
        double producerRate = count / seconds(written - start);
        results.add("ticks", "Kafka producer (raw)", rate(count, written - start), producerRate,
                "ticks/s written to " + PriceTopic.PRICES + " (acks=all, idempotent), " + count + " ticks");

        bench.waits().awaitApplied("metrics applied the ticks", appliedBefore + count);
        long applied = System.nanoTime();
        double applyRate = count / seconds(applied - start);
        results.add("ticks", "metrics applied", rate(count, applied - start), applyRate,
                "ticks/s, from the first write to the last tick applied (" + ServiceApi.APPLIED_METER + ")");

        bench.waits().await("report shows the last tick", () -> bench.api().priceAtReport(lastTicker) == lastPrice);
        long shown = System.nanoTime();
        results.add("ticks", "report shows the last tick", secondsText(shown - written), seconds(shown - written),
                "s after the last write was acknowledged (" + secondsText(shown - applied) + " after metrics applied it)");

        long readStart = System.nanoTime();
        PriceTopic.RawRead read = prices.readCommitted(before, count, Duration.ofSeconds(options.waitSeconds()));
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
     * more CPU than the stream thread, which no long-running deployment pays.
     */
    private void warmUp(List<String> tickers) throws Exception {
        int count = options.warmupTicks();
        if (count <= 0) {
            return;
        }
        double appliedBefore = bench.api().applied();
        Instant base = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        Benchmark.log("ticks: warming up with " + count + " ticks (not measured)");
        bench.prices().write(tickers, count, 40, base);
        bench.waits().awaitApplied("metrics applied the warm-up ticks", appliedBefore + count);
    }
}
