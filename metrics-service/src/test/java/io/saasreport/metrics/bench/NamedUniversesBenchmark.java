package io.saasreport.metrics.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

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

import io.saasreport.metrics.domain.company.CompanyFigures;
import io.saasreport.metrics.domain.company.CompanyMetrics;
import io.saasreport.metrics.domain.company.Revised;
import io.saasreport.metrics.domain.company.RevisedCompany;
import io.saasreport.metrics.domain.event.CompanyEvent;
import io.saasreport.metrics.domain.event.CompanyScopedEvent;
import io.saasreport.metrics.domain.event.EstimateEvent;
import io.saasreport.metrics.domain.event.FilingEvent;
import io.saasreport.metrics.domain.event.PriceEvent;
import io.saasreport.metrics.domain.universe.AlertThresholds;
import io.saasreport.metrics.domain.universe.UniverseDefinition;
import io.saasreport.metrics.domain.universe.Universes;

/**
 * What named universes cost a price tick, at 5,000 companies, with the default universe only and with 20 universes
 * (the default, 5 lists of 50 tickers, 14 rules over growth, multiples and margins, from a few percent of the
 * companies to most of them). One operation is one tick on a random company, a small move, through both stages'
 * domain: the company's state and figures ({@link RevisedCompany}, stage 1), then every universe's membership and
 * statistics ({@link Universes#accept}, stage 2); every {@value #TICKS_PER_INTERVAL} ticks a publish interval
 * passes ({@link Universes#publishIfChanged}: each changed universe's snapshot and alerts), so its cost is spread
 * over the ticks as under a steady flow. The topology's own per-record costs (JSON, stores, Kafka) are the same
 * with 1 or 20 universes and are left out, so the ratio here is the least favourable one. The issue asks that
 * {@code universes=20} cost at most 3 times {@code universes=1}.
 *
 * <p>Run (the reactor resolves the sibling modules; JMH forks with the class path given):
 * {@code ./mvnw -B -q -pl metrics-service -am test-compile dependency:build-classpath
 * -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test}, then in metrics-service
 * {@code java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt)
 * io.saasreport.metrics.bench.UniverseUpdateBenchmark NamedUniversesBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class NamedUniversesBenchmark {

    static final int TICKS_PER_INTERVAL = 100;
    private static final Instant START = Instant.parse("2026-11-20T21:00:00Z");
    private static final String[] RULES = {
        "ntmGrowth > 0.05", "ntmGrowth > 0.15", "ntmGrowth > 0.25", "ntmGrowth > 0.35", "ntmGrowth > 0.45",
        "evToNtmRevenue < 5", "evToNtmRevenue < 10", "evToNtmRevenue > 15",
        "ntmGrowth > 0.2 and evToNtmRevenue < 12", "ruleOf40Ntm > 0.4", "grossMargin > 0.75 and ntmGrowth > 0.1",
        "not (ntmGrowth < 0.1) and marketCap > 1e9", "fcfMargin > 0.1 or ntmGrowth > 0.3",
        "(ntmGrowth > 0.1 and ntmGrowth < 0.3) or evToNtmRevenue > 20"};

    @Param({"1", "20"})
    public int universes;

    @Param({"5000"})
    public int companies;

    private final Map<String, RevisedCompany> states = new HashMap<>();
    private Universes computed;
    private String[] tickers;
    private double[] basePrices;
    private final Random random = new Random(7);
    private long tick;

    @Setup(Level.Trial)
    public void setUp() {
        Random setup = new Random(1);
        tickers = new String[companies];
        basePrices = new double[companies];
        computed = Universes.restore(new AlertThresholds(0.10, 0.05), true, List.of(), List.of(), name -> null,
                null);
        for (int i = 0; i < companies; i++) {
            tickers[i] = String.format(Locale.ROOT, "T%05d", i);
            basePrices[i] = 10 + 90 * setup.nextDouble();
            RevisedCompany company = RevisedCompany.unknown(tickers[i]);
            states.put(tickers[i], company);
            history(tickers[i], basePrices[i], setup).forEach(company::apply);
            company.current().map(NamedUniversesBenchmark::metricsOnly).ifPresent(computed::accept);
        }
        for (UniverseDefinition definition : definitions(setup)) {
            computed.define(definition);
        }
        computed.publishIfChanged();
    }

    @Benchmark
    public Object priceTick() {
        int company = random.nextInt(companies);
        double price = basePrices[company] * (1 + 0.01 * random.nextGaussian());
        RevisedCompany state = states.get(tickers[company]);
        Optional<Revised<CompanyMetrics>> figures = state.apply(new PriceEvent(tickers[company], price,
                START.plusSeconds(++tick))) ? state.current().map(NamedUniversesBenchmark::metricsOnly) : Optional.empty();
        Object result = figures.map(computed::accept).orElse(null);
        if (tick % TICKS_PER_INTERVAL == 0) {
            return computed.publishIfChanged();
        }
        return result;
    }

    /** The universe stage reads the figures without their sources. */
    private static Revised<CompanyMetrics> metricsOnly(Revised<CompanyFigures> figures) {
        return new Revised<>(figures.value().metrics(), figures.revision());
    }

    private List<UniverseDefinition> definitions(Random setup) {
        List<UniverseDefinition> definitions = new ArrayList<>();
        for (int i = 0; i < universes - 1; i++) {
            if (i < 5) {
                List<String> members = new ArrayList<>();
                for (int m = 0; m < 50; m++) {
                    members.add(tickers[setup.nextInt(companies)]);
                }
                definitions.add(new UniverseDefinition("list-" + i, members, null, START));
            } else {
                definitions.add(new UniverseDefinition("rule-" + i, null, RULES[(i - 5) % RULES.length], START));
            }
        }
        return definitions;
    }

    /**
     * A profile, eight quarters, an estimate and nine daily closes up to {@code START}: every figure defined, growth
     * spread 0..60 % (also the companies of {@link PublicationCpuTime}).
     */
    static List<CompanyScopedEvent> history(String ticker, double price, Random setup) {
        List<CompanyScopedEvent> events = new ArrayList<>();
        events.add(new CompanyEvent(ticker, ticker + " Inc."));
        double revenue = 1e8 * (1 + setup.nextDouble());
        double quarterlyGrowth = 1.01 + 0.1 * setup.nextDouble();
        double ltm = 0;
        for (int q = 0; q < 8; q++) {
            double r = revenue * Math.pow(quarterlyGrowth, q);
            ltm += q >= 4 ? r : 0;
            events.add(new FilingEvent(ticker, 2024 + q / 4, q % 4 + 1, null,
                    START.minus(Duration.ofDays(91L * (8 - q))), r, 0.9 * r, (0.6 + 0.3 * setup.nextDouble()) * r,
                    0.4 * r, 0.2 * r, 0.1 * r, 0.05 * r, (0.05 + 0.2 * setup.nextDouble()) * r, 0.02 * r, 5e8, 2e8,
                    100_000_000L, 1.0 + 0.3 * setup.nextDouble()));
        }
        double ntm = ltm * (1 + 0.6 * setup.nextDouble());
        events.add(EstimateEvent.ntm(ticker, START.minus(Duration.ofDays(1)), ntm, 0.2 * ntm));
        for (int day = 8; day >= 0; day--) {
            events.add(new PriceEvent(ticker, price * (0.95 + 0.1 * setup.nextDouble()),
                    START.minus(Duration.ofDays(day))));
        }
        return events;
    }
}
