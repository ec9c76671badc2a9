package io.saasreport.metrics.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.saasreport.metrics.stream.MetricsTopology;
import io.saasreport.metrics.stream.ProcessingMeters;

/**
 * What named universes cost a price tick: the whole topology (TopologyTestDriver: JSON, stores, both stages) at
 * 5,000 companies, with the default universe only and with 20 universes (the default, 5 lists of 50 tickers, 14
 * rules over growth, multiples and margins, from a few percent of the companies to most of them). One operation is
 * one tick on a random company, a small move; every {@value #TICKS_PER_INTERVAL} ticks a publish interval passes
 * (stage 1 sends the changed companies, the universe stage updates and publishes every changed universe), so the
 * per-interval work is spread over its ticks as under a steady flow. The figure of merit is the ratio
 * {@code universes=20 / universes=1}; the issue asks for at most 3.
 *
 * <p>Run: {@code ./mvnw -B -q -pl metrics-service test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.saasreport.metrics.bench.UniverseUpdateBenchmark -Dexec.args="NamedUniversesBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class NamedUniversesBenchmark {

    static final int TICKS_PER_INTERVAL = 100;
    private static final Instant START = Instant.parse("2026-11-20T21:00:00Z");
    private static final MetricsTopology.Settings SETTINGS = MetricsTopology.Settings.defaults();

    @Param({"1", "20"})
    public int universes;

    @Param({"5000"})
    public int companies;

    private TopologyTestDriver driver;
    private TestInputTopic<String, String> prices;
    private String[] tickers;
    private double[] basePrices;
    private final Random random = new Random(7);
    private long tick;

    @Setup(Level.Trial)
    public void setUp() {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "metrics-service-bench");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(MetricsTopology.build(SETTINGS, new ProcessingMeters(new SimpleMeterRegistry())),
                properties);
        prices = input(SETTINGS.prices());
        Random setup = new Random(1);
        tickers = new String[companies];
        basePrices = new double[companies];
        for (int i = 0; i < companies; i++) {
            tickers[i] = String.format(Locale.ROOT, "T%05d", i);
            basePrices[i] = 10 + 90 * setup.nextDouble();
            feedCompany(tickers[i], basePrices[i], setup);
        }
        defineUniverses(setup);
        publishInterval();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        driver.close();
    }

    @Benchmark
    @OperationsPerInvocation(TICKS_PER_INTERVAL)
    public void priceTick() {
        for (int i = 0; i < TICKS_PER_INTERVAL; i++) {
            int company = random.nextInt(companies);
            double price = basePrices[company] * (1 + 0.01 * random.nextGaussian());
            prices.pipeInput(tickers[company], String.format(Locale.ROOT,
                    "{\"type\":\"price\",\"ticker\":\"%s\",\"price\":%.4f,\"at\":\"%s\"}", tickers[company], price,
                    START.plusSeconds(++tick)));
        }
        publishInterval();
    }

    /**
     * A publish interval, then every record produced is read and dropped (the driver keeps each topic's records,
     * changelogs included, until they are read: left there they would fill the heap and the benchmark would measure
     * the collector).
     */
    private void publishInterval() {
        driver.advanceWallClockTime(SETTINGS.universePublishInterval());
        driver.advanceWallClockTime(SETTINGS.universePublishInterval());
        for (String topic : driver.producedTopicNames()) {
            output(topic).readRecordsToList();
        }
    }

    private void defineUniverses(Random setup) {
        List<String> definitions = new ArrayList<>();
        for (int list = 0; list < 5; list++) {
            List<String> members = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                members.add("\"" + tickers[setup.nextInt(companies)] + "\"");
            }
            definitions.add("{\"name\":\"list-" + list + "\",\"tickers\":[" + String.join(",", members) + "]}");
        }
        String[] rules = {
            "ntmGrowth > 0.05", "ntmGrowth > 0.15", "ntmGrowth > 0.25", "ntmGrowth > 0.35", "ntmGrowth > 0.45",
            "evToNtmRevenue < 5", "evToNtmRevenue < 10", "evToNtmRevenue > 15",
            "ntmGrowth > 0.2 and evToNtmRevenue < 12", "ruleOf40Ntm > 0.4", "grossMargin > 0.75 and ntmGrowth > 0.1",
            "not (ntmGrowth < 0.1) and marketCap > 1e9", "fcfMargin > 0.1 or ntmGrowth > 0.3",
            "(ntmGrowth > 0.1 and ntmGrowth < 0.3) or evToNtmRevenue > 20"};
        for (int rule = 0; rule < rules.length; rule++) {
            definitions.add("{\"name\":\"rule-" + rule + "\",\"rule\":\"" + rules[rule] + "\"}");
        }
        TestInputTopic<String, String> input = input(SETTINGS.definitions());
        for (int i = 0; i < universes - 1; i++) {
            String json = definitions.get(i % definitions.size());
            input.pipeInput(json.substring(json.indexOf("\"name\":\"") + 8, json.indexOf("\",")), json);
        }
    }

    /** A profile, eight quarters, an estimate and nine daily closes: every figure defined, growth spread 0..60 %. */
    private void feedCompany(String ticker, double price, Random setup) {
        pipe(SETTINGS.profiles(), ticker, "{\"type\":\"company\",\"ticker\":\"" + ticker + "\",\"name\":\"" + ticker
                + " Inc.\"}");
        double revenue = 1e8 * (1 + setup.nextDouble());
        double quarterlyGrowth = 1.01 + 0.1 * setup.nextDouble();
        for (int q = 0; q < 8; q++) {
            double r = revenue * Math.pow(quarterlyGrowth, q);
            Instant filed = START.minus(Duration.ofDays(91L * (8 - q)));
            pipe(SETTINGS.filings(), ticker, String.format(Locale.ROOT, "{\"type\":\"filing\",\"ticker\":\"%s\","
                    + "\"fiscalYear\":%d,\"fiscalQuarter\":%d,\"periodEnd\":\"%s\",\"filedAt\":\"%s\","
                    + "\"revenue\":%.2f,\"subscriptionRevenue\":%.2f,\"grossProfit\":%.2f,\"salesAndMarketing\":%.2f,"
                    + "\"researchAndDevelopment\":%.2f,\"generalAndAdministrative\":%.2f,\"operatingCashFlow\":%.2f,"
                    + "\"capitalExpenditures\":%.2f,\"cash\":5e8,\"debt\":2e8,\"sharesOutstanding\":100000000,"
                    + "\"netRevenueRetention\":%.3f,\"operatingIncome\":%.2f}", ticker, 2024 + q / 4, q % 4 + 1,
                    filed.minus(Duration.ofDays(30)).toString().substring(0, 10), filed, r, 0.9 * r,
                    (0.6 + 0.3 * setup.nextDouble()) * r, 0.4 * r, 0.2 * r, 0.1 * r, (0.05 + 0.2 * setup.nextDouble()) * r,
                    0.02 * r, 1.0 + 0.3 * setup.nextDouble(), 0.05 * r));
        }
        double ltm = 0;
        for (int q = 4; q < 8; q++) {
            ltm += revenue * Math.pow(quarterlyGrowth, q);
        }
        double ntm = ltm * (1 + 0.6 * setup.nextDouble());
        pipe(SETTINGS.estimates(), ticker, String.format(Locale.ROOT, "{\"type\":\"estimate\",\"ticker\":\"%s\","
                + "\"asOf\":\"%s\",\"ntmRevenue\":%.2f,\"ntmFcf\":%.2f}", ticker, START.minus(Duration.ofDays(1)), ntm,
                0.2 * ntm));
        for (int day = 8; day >= 0; day--) {
            pipe(SETTINGS.prices(), ticker, String.format(Locale.ROOT,
                    "{\"type\":\"price\",\"ticker\":\"%s\",\"price\":%.4f,\"at\":\"%s\"}", ticker,
                    price * (0.95 + 0.1 * setup.nextDouble()), START.minus(Duration.ofDays(day))));
        }
    }

    private void pipe(String topic, String key, String value) {
        input(topic).pipeInput(key, value);
    }

    private TestInputTopic<String, String> input(String topic) {
        return driver.createInputTopic(topic, new StringSerializer(), new StringSerializer());
    }

    private TestOutputTopic<String, String> output(String topic) {
        return driver.createOutputTopic(topic, new StringDeserializer(), new StringDeserializer());
    }
}
