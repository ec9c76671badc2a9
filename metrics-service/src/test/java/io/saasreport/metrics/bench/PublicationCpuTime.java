package io.saasreport.metrics.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

import com.fasterxml.jackson.databind.ObjectWriter;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.saasreport.metrics.config.ApplicationProperties;
import io.saasreport.metrics.config.MetricsConfig;
import io.saasreport.metrics.domain.company.CompanyFigures;
import io.saasreport.metrics.domain.company.CompanyMetrics;
import io.saasreport.metrics.domain.company.Revised;
import io.saasreport.metrics.domain.company.RevisedCompany;
import io.saasreport.metrics.domain.event.EstimateEvent;
import io.saasreport.metrics.domain.event.FilingEvent;
import io.saasreport.metrics.domain.event.MarketEvent;
import io.saasreport.metrics.domain.event.PriceEvent;
import io.saasreport.metrics.stream.MetricsTopology;
import io.saasreport.metrics.stream.ProcessingMeters;
import io.saasreport.metrics.stream.StreamJson;

/**
 * What a commit's publication costs, in CPU time of the calling thread (TopologyTestDriver runs every task on it):
 * the whole topology (one task per sub-topology, exactly-once, a commit after every input record) over N companies
 * that each hold a profile, eight quarters, an estimate and nine closes (every figure defined).
 * <ul>
 *   <li>{@code tick}: a new price for each company in turn: the event applied, the company saved and published
 *       (figures and sources computed, written as JSON, sent to {@code metrics.company} and {@code universe-input}),
 *       and the universe stage taking its record;</li>
 *   <li>{@code unchanged}: the same price again, which changes nothing: the event read and the driver's commit, the
 *       part of {@code tick} that is no publication;</li>
 *   <li>{@code universe record}: the records {@code tick} wrote to {@code universe-input}, piped into the same
 *       topology in a second driver that takes nothing else: the universe stage alone, its commit included;</li>
 *   <li>{@code published company} = tick - unchanged - universe record;</li>
 *   <li>and, outside the topology, the parts this branch replaced, before and now in the same JVM: what stage 1
 *       writes per published company (before: the figures' JSON by data binding once, used for the record with
 *       the sources and for the one without, both to UTF-8; now: the {@code metrics.company} JSON on the generator,
 *       to UTF-8, and the universe stage's compact figures), what the universe stage reads per record (before: the figures' JSON
 *       parsed; now: the compact figures), and the {@code metrics.company} JSON alone both ways.</li>
 * </ul>
 * Prints the fastest and median of the rounds in ns per record. Run (after {@code test-compile}, classpath from
 * {@code dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test}):
 * {@code java -Xms512m -Xmx512m -cp target/test-classes:target/classes:$(cat /tmp/cp.txt)
 * io.saasreport.metrics.bench.PublicationCpuTime 2000}; to compare two builds put the other's {@code classes}
 * first on the class path, one JVM each, alternating.
 */
public final class PublicationCpuTime {

    private static final Instant START = Instant.parse("2026-11-20T21:00:00Z");
    private static final String APPLICATION = "publication-bench";
    private static final String UNIVERSE_INPUT = APPLICATION + "-universe-input-repartition";
    private static final int WARM_UP_ROUNDS = 15;
    private static final int ROUNDS = 11;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** The JDK's own bean also counts the bytes a thread allocated: what the collector will have to deal with. */
    private static final com.sun.management.ThreadMXBean ALLOCATION = (com.sun.management.ThreadMXBean) THREADS;
    private static final ObjectWriter EVENTS = StreamJson.MAPPER.writerFor(MarketEvent.class);

    private static final String[] PARTS = {
        "stage 1 writing, before (data binding, 2 JSON)",
        "universe stage reading, before (JSON parsed)",
        "metrics.company JSON alone, data binding",
        "stage 1 writing, now (generator JSON, compact)",
        "universe stage reading, now (compact)",
        "metrics.company JSON alone, generator, in UTF-8"};
    /** This branch's writers and reader, where the classes on the class path have them (null where not). */
    private static final MethodHandle COMPANY_JSON = handle(StreamJson.class, "writePublishedCompany", String.class);
    /** Since the generator writes UTF-8 itself, the same writer returns the record's bytes. */
    private static final MethodHandle COMPANY_JSON_BYTES = handle(StreamJson.class, "writePublishedCompany",
            byte[].class);
    private static final MethodHandle COMPACT_WRITE = handle(compactFigures(), "write", byte[].class);
    private static final MethodHandle COMPACT_READ = handle(compactFigures(), "read", Revised.class);

    /** Keeps the results reachable, so the JIT cannot drop the work. */
    static volatile Object sink;

    private final int companies;
    private final String[] tickers;
    private final double[] prices;
    private final TopologyTestDriver driver;
    /** The same topology, fed only on {@code universe-input}. */
    private final TopologyTestDriver universeDriver;
    private final TestInputTopic<String, String> priceInput;
    private final TestInputTopic<String, byte[]> universeInput;
    private final TestOutputTopic<String, byte[]> universeRecords;
    private final TestOutputTopic<String, String> companyRecords;
    private final List<Revised<CompanyFigures>> figures = new ArrayList<>();
    private final Random random = new Random(3);
    private long second;

    private PublicationCpuTime(int companies) throws Exception {
        this.companies = companies;
        MetricsConfig config = ApplicationProperties.metricsConfig(java.util.Map.of("metrics.universe.partitions", "1"));
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("publication-bench").toString());
        driver = new TopologyTestDriver(MetricsTopology.build(config, new ProcessingMeters(new SimpleMeterRegistry())),
                properties);
        Properties universeProperties = new Properties();
        universeProperties.putAll(properties);
        universeProperties.put(StreamsConfig.STATE_DIR_CONFIG,
                Files.createTempDirectory("publication-bench").toString());
        universeDriver = new TopologyTestDriver(MetricsTopology.build(config,
                new ProcessingMeters(new SimpleMeterRegistry())), universeProperties);
        MetricsConfig.Topics topic = config.topic();
        priceInput = driver.createInputTopic(topic.prices(), new StringSerializer(), new StringSerializer());
        TestInputTopic<String, String> profiles = driver.createInputTopic(topic.profiles(), new StringSerializer(),
                new StringSerializer());
        TestInputTopic<String, String> filings = driver.createInputTopic(topic.filings(), new StringSerializer(),
                new StringSerializer());
        TestInputTopic<String, String> estimates = driver.createInputTopic(topic.estimates(), new StringSerializer(),
                new StringSerializer());
        universeInput = universeDriver.createInputTopic(UNIVERSE_INPUT, new StringSerializer(),
                new ByteArraySerializer());
        universeRecords = driver.createOutputTopic(UNIVERSE_INPUT, new StringDeserializer(),
                new ByteArrayDeserializer());
        companyRecords = driver.createOutputTopic(topic.company(), new StringDeserializer(), new StringDeserializer());
        tickers = new String[companies];
        prices = new double[companies];
        Random setup = new Random(1);
        for (int i = 0; i < companies; i++) {
            String ticker = String.format(Locale.ROOT, "T%05d", i);
            tickers[i] = ticker;
            prices[i] = 10 + 90 * setup.nextDouble();
            RevisedCompany company = RevisedCompany.unknown(ticker);
            for (MarketEvent event : NamedUniversesBenchmark.history(ticker, prices[i], setup)) {
                company.apply((io.saasreport.metrics.domain.event.CompanyScopedEvent) event);
                TestInputTopic<String, String> input = event instanceof PriceEvent ? priceInput
                        : event instanceof FilingEvent ? filings
                        : event instanceof EstimateEvent ? estimates : profiles;
                input.pipeInput(ticker, EVENTS.writeValueAsString(event));
            }
            figures.add(company.current().orElseThrow());
        }
        drainOutputs();
    }

    public static void main(String[] args) throws Exception {
        int companies = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        PublicationCpuTime bench = new PublicationCpuTime(companies);
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            bench.round();
        }
        double[] tick = new double[ROUNDS];
        double[] unchanged = new double[ROUNDS];
        double[] universe = new double[ROUNDS];
        double[] published = new double[ROUNDS];
        double[][] allocated = new double[3][ROUNDS];
        double[][] parts = new double[PARTS.length][ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            double[] round = bench.round();
            tick[i] = round[0];
            unchanged[i] = round[1];
            universe[i] = round[2];
            published[i] = round[0] - round[1] - round[2];
            for (int kind = 0; kind < 3; kind++) {
                allocated[kind][i] = round[3 + kind];
            }
            double[] measured = bench.parts();
            for (int part = 0; part < PARTS.length; part++) {
                parts[part][i] = measured[part];
            }
        }
        System.out.printf(Locale.ROOT, "companies=%d, ns per record (CPU time), fastest / median of %d rounds:%n",
                companies, ROUNDS);
        print("tick (published company + universe record)", tick);
        print("unchanged tick (read, driver's commit)", unchanged);
        print("universe record (universe stage alone)", universe);
        print("published company (tick - unchanged - universe)", published);
        for (int part = 0; part < PARTS.length; part++) {
            if (parts[part][0] >= 0) {
                print(PARTS[part], parts[part]);
            }
        }
        System.out.printf(Locale.ROOT, "bytes allocated per record, least / median of %d rounds:%n", ROUNDS);
        print("tick (published company + universe record)", allocated[0]);
        print("unchanged tick (read, driver's commit)", allocated[1]);
        print("universe record (universe stage alone)", allocated[2]);
        bench.driver.close();
        bench.universeDriver.close();
    }

    private static void print(String what, double[] nanos) {
        double[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "  %-50s %8.0f / %8.0f%n", what, sorted[0], sorted[sorted.length / 2]);
    }

    /**
     * One round of each measurement: ns per record of tick, unchanged, universe record, then the bytes each
     * allocated per record in the same order.
     */
    private double[] round() {
        List<String> ticks = new ArrayList<>(companies);
        second++;
        for (int i = 0; i < companies; i++) {
            double price = prices[i] * (1 + 0.01 * random.nextGaussian());
            ticks.add(json(new PriceEvent(tickers[i], price, START.plusSeconds(second))));
        }
        long allocated = ALLOCATION.getCurrentThreadAllocatedBytes();
        long started = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < companies; i++) {
            priceInput.pipeInput(tickers[i], ticks.get(i));
        }
        double tick = perRecord(started, companies);
        double tickBytes = allocatedPerRecord(allocated, companies);
        List<TestRecord<String, byte[]>> members = universeRecords.readRecordsToList();
        check(companyRecords.readRecordsToList().size() == companies, "a publication per tick");
        drainOutputs();

        allocated = ALLOCATION.getCurrentThreadAllocatedBytes();
        started = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < companies; i++) {
            priceInput.pipeInput(tickers[i], ticks.get(i));
        }
        double unchanged = perRecord(started, companies);
        double unchangedBytes = allocatedPerRecord(allocated, companies);
        check(companyRecords.readRecordsToList().isEmpty(), "no publication for an unchanged price");
        drainOutputs();

        allocated = ALLOCATION.getCurrentThreadAllocatedBytes();
        started = THREADS.getCurrentThreadCpuTime();
        for (TestRecord<String, byte[]> member : members) {
            universeInput.pipeInput(member.key(), member.value());
        }
        double universe = perRecord(started, members.size());
        double universeBytes = allocatedPerRecord(allocated, members.size());
        check(members.size() == companies, "a universe record per tick, not " + members.size());
        drainOutputs();
        return new double[] {tick, unchanged, universe, tickBytes, unchangedBytes, universeBytes};
    }

    /**
     * The parts this branch replaced, outside the topology, in ns per company: what stage 1 wrote per published
     * company and what the universe stage read per record, as before (data binding, the figures' JSON parsed again)
     * and now (where the classes have it: the generator, {@code CompactFigures}); -1 where they do not.
     */
    private double[] parts() {
        double[] nanos = new double[PARTS.length];
        Arrays.fill(nanos, -1);
        List<String> figuresOnly = new ArrayList<>(figures.size());
        long started = THREADS.getCurrentThreadCpuTime();
        for (Revised<CompanyFigures> company : figures) {
            String[] written = writtenBefore(company);
            sink = written[0].getBytes(StandardCharsets.UTF_8);
            sink = written[1].getBytes(StandardCharsets.UTF_8);
            figuresOnly.add(written[1]);
        }
        nanos[0] = perRecord(started, figures.size());
        started = THREADS.getCurrentThreadCpuTime();
        for (String json : figuresOnly) {
            sink = readBefore(json);
        }
        nanos[1] = perRecord(started, figures.size());
        started = THREADS.getCurrentThreadCpuTime();
        for (Revised<CompanyFigures> company : figures) {
            sink = StreamJson.writePublished(company);
        }
        nanos[2] = perRecord(started, figures.size());
        if ((COMPANY_JSON == null && COMPANY_JSON_BYTES == null) || COMPACT_WRITE == null || COMPACT_READ == null) {
            return nanos;
        }
        try {
            List<byte[]> compact = new ArrayList<>(figures.size());
            started = THREADS.getCurrentThreadCpuTime();
            for (Revised<CompanyFigures> company : figures) {
                sink = companyJsonBytes(company);
                compact.add((byte[]) COMPACT_WRITE.invokeExact(
                        new Revised<>(company.value().metrics(), company.revision())));
            }
            nanos[3] = perRecord(started, figures.size());
            started = THREADS.getCurrentThreadCpuTime();
            for (byte[] bytes : compact) {
                sink = (Revised<?>) COMPACT_READ.invokeExact(bytes);
            }
            nanos[4] = perRecord(started, figures.size());
            started = THREADS.getCurrentThreadCpuTime();
            for (Revised<CompanyFigures> company : figures) {
                sink = companyJsonBytes(company);
            }
            nanos[5] = perRecord(started, figures.size());
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        return nanos;
    }

    /** The {@code metrics.company} value as the generator of the classes on the class path writes it, in UTF-8. */
    private static byte[] companyJsonBytes(Revised<CompanyFigures> company) throws Throwable {
        if (COMPANY_JSON_BYTES != null) {
            return (byte[]) COMPANY_JSON_BYTES.invokeExact(company);
        }
        return ((String) COMPANY_JSON.invokeExact(company)).getBytes(StandardCharsets.UTF_8);
    }

    /** What stage 1 wrote before this branch: the figures' JSON once, with the sources and alone, each revised. */
    private static String[] writtenBefore(Revised<CompanyFigures> company) {
        String figures = StreamJson.write(company.value().metrics());
        figures = figures.substring(0, figures.lastIndexOf('}'));
        String revision = ",\"revision\":" + company.revision() + "}";
        return new String[] {figures + ",\"sources\":" + StreamJson.write(company.value().sources()) + revision,
                figures + revision};
    }

    /** What the universe stage read before this branch: the figures bound from the JSON, the revision from its end. */
    private static Revised<CompanyMetrics> readBefore(String json) {
        try {
            int field = json.lastIndexOf(",\"revision\":");
            long revision = Long.parseLong(json.substring(field + ",\"revision\":".length(), json.length() - 1));
            return new Revised<>(StreamJson.MAPPER.readValue(json, CompanyMetrics.class), revision);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The driver keeps every record produced (changelogs too) until read: all are read, and dropped. */
    private void drainOutputs() {
        for (TopologyTestDriver each : List.of(driver, universeDriver)) {
            for (String topic : each.producedTopicNames()) {
                sink = each.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                        .readRecordsToList();
            }
        }
    }

    private static Class<?> compactFigures() {
        try {
            return Class.forName("io.saasreport.metrics.stream.CompactFigures");
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** The static one-argument method {@code name} of {@code type} returning {@code returns}, or null. */
    private static MethodHandle handle(Class<?> type, String name, Class<?> returns) {
        if (type == null) {
            return null;
        }
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == 1 && method.getReturnType() == returns
                    && Modifier.isStatic(method.getModifiers())) {
                try {
                    return MethodHandles.privateLookupIn(type, MethodHandles.lookup()).unreflect(method)
                            .asType(MethodType.methodType(returns, method.getParameterTypes()[0]));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return null;
    }

    private static double perRecord(long startedCpuNanos, int records) {
        return (THREADS.getCurrentThreadCpuTime() - startedCpuNanos) / (double) records;
    }

    private static double allocatedPerRecord(long startedAllocatedBytes, int records) {
        return (ALLOCATION.getCurrentThreadAllocatedBytes() - startedAllocatedBytes) / (double) records;
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("benchmark broken: expected " + what);
        }
    }

    private static String json(MarketEvent event) {
        try {
            return EVENTS.writeValueAsString(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
