package io.saasreport.metrics.bench;

import io.saasreport.metrics.domain.MetricsEngine;
import io.saasreport.metrics.domain.company.CompanyMetrics;
import io.saasreport.metrics.domain.event.CompanyEvent;
import io.saasreport.metrics.domain.event.EstimateEvent;
import io.saasreport.metrics.domain.event.FilingEvent;
import io.saasreport.metrics.domain.event.PriceEvent;
import io.saasreport.metrics.domain.universe.UniverseSnapshot;
import io.saasreport.metrics.domain.universe.UniverseStatistics;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Cost of one company's multiple changing, followed by reading the whole universe snapshot, at 100, 5,000 and
 * 50,000 companies. With the order-statistic trees both should grow only logarithmically with the universe.
 * <ul>
 *   <li>{@link #statisticsUpdateAndSnapshot}: {@link UniverseStatistics#update} with new figures, then
 *   {@link UniverseStatistics#snapshot};</li>
 *   <li>{@link #enginePriceAndSnapshot}: the whole path, a price event through {@link MetricsEngine#apply}
 *   (company state, company metrics, universe update, snapshot);</li>
 *   <li>{@link #baselineRandomCompanyLookup}: a control, one hash lookup, showing what the memory hierarchy alone
 *   adds when the universe no longer fits in the CPU caches.</li>
 * </ul>
 * Run: {@code ./mvnw -B -q -pl metrics-service test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.saasreport.metrics.bench.UniverseUpdateBenchmark}; JMH options and benchmark names may follow
 * in {@code -Dexec.args}, e.g. {@code -Dexec.args="-p companies=50000 statisticsUpdateAndSnapshot"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class UniverseUpdateBenchmark {

    private static final Instant START = Instant.parse("2026-11-20T21:00:00Z");
    private static final int RANDOM_POOL = 1 << 16;
    private static final int PROFILES = 64;

    @Param({"100", "5000", "50000"})
    public int companies;

    private UniverseStatistics statistics;
    /** Every company's current figures by ticker, for the memory-latency baseline. */
    private Map<String, CompanyMetrics> figuresByTicker;
    /** Shared figures for everything but the multiple and growth, so building new figures reads little memory. */
    private CompanyMetrics[] profiles;
    private double[] growth;
    private MetricsEngine engine;
    private String[] tickers;
    private double[] randomMultiples;
    private int[] randomCompanies;
    private long step;

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(1);
        profiles = new CompanyMetrics[PROFILES];
        for (int i = 0; i < PROFILES; i++) {
            profiles[i] = randomProfile(random);
        }
        tickers = new String[companies];
        growth = new double[companies];
        statistics = new UniverseStatistics();
        figuresByTicker = new HashMap<>();
        engine = new MetricsEngine();
        for (int i = 0; i < companies; i++) {
            tickers[i] = String.format("T%06d", i);
            growth[i] = 0.05 + 0.5 * random.nextDouble();
            CompanyMetrics figures = figures(i, 1 + 30 * random.nextDouble());
            statistics.update(figures);
            figuresByTicker.put(tickers[i], figures);
            feedCompany(engine, tickers[i], random);
        }
        randomMultiples = new double[RANDOM_POOL];
        randomCompanies = new int[RANDOM_POOL];
        for (int i = 0; i < RANDOM_POOL; i++) {
            randomMultiples[i] = 1 + 30 * random.nextDouble();
            randomCompanies[i] = random.nextInt(companies);
        }
    }

    /**
     * A random company's EV / NTM revenue moves (and with it its growth-adjusted multiple, bucket median and
     * regression point); then the full snapshot is read.
     */
    @Benchmark
    public UniverseSnapshot statisticsUpdateAndSnapshot() {
        int slot = (int) (step++ & (RANDOM_POOL - 1));
        statistics.update(figures(randomCompanies[slot], randomMultiples[slot]));
        return statistics.snapshot();
    }

    /**
     * Control: an O(1) hash lookup of a random company's figures. Any growth of this from 100 to 50,000 companies
     * is the machine's memory latency (caches, TLB), not the algorithms; compare the others against it.
     */
    @Benchmark
    public double baselineRandomCompanyLookup() {
        int slot = (int) (step++ & (RANDOM_POOL - 1));
        return figuresByTicker.get(tickers[randomCompanies[slot]]).evToNtmRevenue();
    }

    /**
     * A random company trades at a new price, moving its EV and multiples; then the full snapshot. This is the
     * whole path, so it also reads the company's state (filings, price history) from memory. The clock advances a
     * minute per call, so price histories keep being pruned to their one-week window.
     */
    @Benchmark
    public UniverseSnapshot enginePriceAndSnapshot() {
        long current = step++;
        int slot = (int) (current & (RANDOM_POOL - 1));
        PriceEvent price = new PriceEvent(tickers[randomCompanies[slot]], 20 * randomMultiples[slot] / 16,
                START.plusSeconds(60 * current));
        return engine.apply(price).universe();
    }

    private CompanyMetrics figures(int company, double evToNtmRevenue) {
        CompanyMetrics p = profiles[company % PROFILES];
        double ntmGrowth = growth[company];
        return new CompanyMetrics(tickers[company], p.name(), p.asOf(), p.price(), p.sharesOutstanding(), p.cash(),
                p.debt(), p.marketCap(), p.enterpriseValue(), p.ltmRevenue(), p.ltmGrowth(), p.ntmRevenue(),
                p.ntmFcf(), ntmGrowth, evToNtmRevenue, evToNtmRevenue / (ntmGrowth * 100), p.evToNtmFcf(),
                p.grossMargin(), p.operatingMargin(), p.fcfMargin(), p.salesMarketingPct(),
                p.researchDevelopmentPct(), p.generalAdministrativePct(), p.ntmFcfMargin(), p.ruleOf40Ltm(),
                p.ruleOf40Ntm(), p.netRevenueRetention(), p.impliedArr(), p.netNewArr(), p.gmAdjustedPaybackMonths(),
                p.weeklyPriceChange());
    }

    private static CompanyMetrics randomProfile(Random random) {
        return new CompanyMetrics("PROFILE", "Profile Inc.", START, 20.0, 1e8, 1e9, 1e8, 2e9, 1.1e9, 5e8,
                0.1 + random.nextDouble() * 0.4, 6e8, 1e8, null, null, null,
                5 + 100 * random.nextDouble(), 0.5 + 0.3 * random.nextDouble(), -0.2 + 0.4 * random.nextDouble(),
                -0.1 + 0.4 * random.nextDouble(), 0.2 + 0.3 * random.nextDouble(), 0.1 + 0.2 * random.nextDouble(),
                0.05 + 0.15 * random.nextDouble(), 0.05 + 0.3 * random.nextDouble(), 0.2 + 0.5 * random.nextDouble(),
                0.2 + 0.5 * random.nextDouble(), 1 + 0.3 * random.nextDouble(), 4e8, 1e7, 10 + 40 * random.nextDouble(),
                -0.1 + 0.2 * random.nextDouble());
    }

    /** Eight quarters, an estimate and a week of prices: every company metric is defined. */
    private static void feedCompany(MetricsEngine engine, String ticker, Random random) {
        engine.apply(new CompanyEvent(ticker, ticker + " Inc."));
        double revenue = 1e8 * (1 + random.nextDouble());
        for (int i = 0; i < 8; i++) {
            double quarterRevenue = revenue * Math.pow(1.05, i);
            engine.apply(new FilingEvent(ticker, 2025 + i / 4, i % 4 + 1, null,
                    START.minus(Duration.ofDays(30L * (8 - i))), quarterRevenue, 0.9 * quarterRevenue,
                    0.75 * quarterRevenue, 0.4 * quarterRevenue, 0.2 * quarterRevenue, 0.1 * quarterRevenue,
                    0.05 * quarterRevenue, 0.2 * quarterRevenue, 0.02 * quarterRevenue, 5e8, 2e8,
                    100_000_000L, 1.1 + 0.2 * random.nextDouble()));
        }
        engine.apply(EstimateEvent.ntm(ticker, START, revenue * 6 * (1 + random.nextDouble()), revenue));
        for (int day = 8; day >= 0; day--) {
            engine.apply(new PriceEvent(ticker, 10 + 20 * random.nextDouble(), START.minus(Duration.ofDays(day))));
        }
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        exposeClassPathToForks();
        CommandLineOptions commandLine = new CommandLineOptions(args);
        OptionsBuilder options = new OptionsBuilder();
        options.parent(commandLine);
        if (commandLine.getIncludes().isEmpty()) {
            // No benchmark named on the command line: run all of this class.
            options.include(UniverseUpdateBenchmark.class.getName());
        }
        new Runner(options.build()).run();
    }

    /**
     * JMH starts each fork with {@code java.class.path}; under {@code exec:java} that is Maven's launcher, while
     * the benchmark lives in the class loader exec:java built. Hand the forks that class loader's path.
     */
    private static void exposeClassPathToForks() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (!(loader instanceof URLClassLoader urlLoader)) {
            return;
        }
        List<String> entries = new ArrayList<>();
        for (URL url : urlLoader.getURLs()) {
            try {
                entries.add(Path.of(url.toURI()).toString());
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new IllegalStateException("cannot use class path entry " + url, e);
            }
        }
        if (entries.stream().anyMatch(entry -> entry.endsWith("test-classes"))) {
            System.setProperty("java.class.path", String.join(File.pathSeparator, entries));
        }
    }
}
