package io.saasreport.benchmark;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.saasreport.stack.GeneratedUniverse;

/**
 * The history phase: a compressed trading week replayed as fast as the system takes it. Every company ticks once in
 * each minute of event time of the last full trading week (Monday to Friday, 9:30 to 16:00 New York), the ticks of
 * a minute spread over it by company; then the history's size, the database's growth, the report writer's lag and the
 * history reads beside the current-universe endpoint, with the same clients in the same run.
 */
final class TradingWeek {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final LocalTime OPEN = LocalTime.of(9, 30);
    private static final int MINUTES_A_DAY = 390;
    /** The report's writers' consumer group (report.kafka.group's default). */
    private static final String REPORT_GROUP = "report-service";

    private final Bench bench;
    private final Options options;
    private final Results results;

    TradingWeek(Bench bench) {
        this.bench = bench;
        this.options = bench.options();
        this.results = bench.results();
    }

    void run() throws Exception {
        URI report = bench.target().report();
        String jdbcUrl = bench.target().jdbcUrl();
        LocalDate monday = lastFullWeeksMonday(Instant.now());
        List<String> tickers = new ArrayList<>();
        for (int i = 1; i <= options.companies(); i++) {
            tickers.add(GeneratedUniverse.ticker(i, options.companies()));
        }
        long count = (long) tickers.size() * options.weekMinutes();
        DatabaseState before = database(jdbcUrl);
        double appliedBefore = bench.api().applied();
        Benchmark.log("week: replaying " + options.weekMinutes() + " minutes of the week of " + monday + " for "
                + tickers.size() + " companies: " + count + " ticks");
        long start = System.nanoTime();
        Instant last = null;
        try (KafkaProducer<String, String> producer = bench.prices().producer()) {
            for (int minute = 0; minute < options.weekMinutes(); minute++) {
                Instant minuteStart = ZonedDateTime.of(monday.plusDays(minute / MINUTES_A_DAY), OPEN, NEW_YORK).toInstant()
                        .plus(Duration.ofMinutes(minute % MINUTES_A_DAY));
                for (int i = 0; i < tickers.size(); i++) {
                    last = minuteStart.plusMillis(60_000L * i / tickers.size());
                    // A walk that moves every figure at every tick: nothing is left out as unchanged.
                    double price = 20 + (i % 50) + ((minute * 7 + i) % 200) / 100.0;
                    producer.send(PriceTopic.tick(tickers.get(i), price, last));
                }
                if (minute % MINUTES_A_DAY == MINUTES_A_DAY - 1) {
                    Benchmark.log("week: day " + (minute / MINUTES_A_DAY + 1) + " written");
                }
            }
            producer.flush();
        }
        long written = System.nanoTime();
        results.add("week", "ticks written", Figures.rate(count, written - start), count / Figures.seconds(written - start),
                "ticks/s into market.prices: " + count + " ticks, event times " + monday + " 09:30 to " + last + " (New York week)");
        bench.waits().awaitApplied("metrics applied the week", appliedBefore + count);
        long applied = System.nanoTime();
        results.add("week", "metrics applied the week", Figures.rate(count, applied - start),
                count / Figures.seconds(applied - start), "ticks/s from the first write to the last tick applied");
        Settled settled = figuresSettled();
        results.add("week", "metrics published its last figures after", Figures.secondsText(settled.lastPublished() - applied),
                Figures.seconds(settled.lastPublished() - applied), "s from the last tick applied until metrics.company and "
                        + "metrics.universe last grew (the universe stage works behind the repartition topic)");
        results.add("week", "report writer lag after the replay", Figures.secondsText(settled.writersCaughtUp() - settled.lastPublished()),
                Figures.seconds(settled.writersCaughtUp() - settled.lastPublished()), "s from the metrics service's last "
                        + "record on metrics.company and metrics.universe until the report's writers had committed it (goal <= 1 s)");

        DatabaseState after = database(jdbcUrl);
        long companies = Math.max(1, after.companies());
        double perCompany = (double) after.companyRows() / companies;
        results.add("week", "history rows per company", String.format(Locale.ROOT, "%,.1f (max %d)", perCompany,
                after.maxCompanyRows()), Map.of("rows", after.companyRows(), "companies", after.companies(),
                "perCompany", perCompany, "maxPerCompany", after.maxCompanyRows(),
                "byResolution", after.companyRowsByResolution()),
                "company_history rows / companies after the week (goal <= 500); rows by resolution (m, h, d, w): "
                        + after.companyRowsByResolution());
        results.add("week", "PostgreSQL size before / after", Figures.mib(before.databaseBytes()) + " / "
                + Figures.mib(after.databaseBytes()) + " MiB", Map.of("beforeBytes", before.databaseBytes(),
                "afterBytes", after.databaseBytes(), "historyBytesAfter", after.historyBytes()),
                "pg_database_size of the report's database (goal: growth <= 1 GB); the history tables "
                        + Figures.mib(after.historyBytes()) + " MiB after");

        reads(report, monday, tickers.get(tickers.size() / 2));
    }

    /** The current universe, then each history read, with the same clients: each as a ratio to the first. */
    private void reads(URI report, LocalDate monday, String ticker) throws Exception {
        Instant from = ZonedDateTime.of(monday, OPEN, NEW_YORK).toInstant();
        Instant to = ZonedDateTime.of(monday.plusDays(4), LocalTime.of(16, 0), NEW_YORK).toInstant();
        String week = "?from=" + encode(from.toString()) + "&to=" + encode(to.toString());
        List<Read> reads = List.of(
                new Read("current universe", "/api/v1/universe"),
                new Read("medians history (the dashboard's)", "/api/v1/universe/history/medians?resolution=hour"),
                new Read("company history over the week", "/api/v1/companies/" + ticker + "/history" + week),
                new Read("latest edition", "/api/v1/editions/latest"),
                // A browser asks with Accept-Encoding: the edition is about a megabyte, served gzipped from bytes kept.
                new Read("latest edition, gzip as a browser asks", "/api/v1/editions/latest", "Accept-Encoding", "gzip"));
        double reference = 0;
        for (Read read : reads) {
            Benchmark.log("week: " + read.path() + " with " + options.clients() + " clients for " + options.restSeconds() + " s");
            RestLoad.Result result = RestLoad.run(report.resolve(read.path()), options.clients(),
                    Duration.ofSeconds(options.restSeconds()), read.headers());
            if (reference == 0) {
                reference = result.perSecond();
            }
            Map<String, Object> values = new LinkedHashMap<>(Latencies.asMap(result.latencies()));
            values.put("requestsPerSecond", result.perSecond());
            values.put("ratioToCurrentUniverse", result.perSecond() / reference);
            values.put("errors", result.errors());
            String row = "GET " + read.path() + (read.headers().length > 0 ? " (" + String.join(": ", read.headers()) + ")" : "");
            results.add("week", row, String.format(Locale.ROOT, "%,.0f req/s, p99 %s ms, %.2fx universe",
                    result.perSecond(), Latencies.millis(Latencies.percentile(result.latencies(), 0.99)),
                    result.perSecond() / reference), values, read.what() + ", " + options.clients() + " clients"
                            + (result.errors() > 0 ? ", " + result.errors() + " errors" : "") + " (goal >= 0.5x universe)");
        }
    }

    /** One endpoint the phase reads, with the headers each request carries (name, value pairs). */
    private record Read(String what, String path, String... headers) {
    }

    /** When the metrics service last published (nanoTime), and when the report's writers had committed all of it. */
    private record Settled(long lastPublished, long writersCaughtUp) {
    }

    /** How long both topics must stay as they are before the figures count as settled. */
    private static final Duration QUIET = Duration.ofSeconds(5);

    /**
     * Follows the ends of metrics.company and metrics.universe until they stay put for {@link #QUIET}, and the first
     * moment the report's writers had committed up to the ends of the time: the writer lag is the time between.
     */
    private Settled figuresSettled() throws Exception {
        try (KafkaConsumer<String, String> group = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bench.prices().bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, REPORT_GROUP,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer());
                KafkaConsumer<String, String> plain = bench.prices().consumer()) {
            Map<TopicPartition, Long> ends = new LinkedHashMap<>();
            long[] lastChange = {System.nanoTime()};
            long[] caughtUp = {0};
            bench.waits().await("the metrics service's figures settled and the report's writers committed them", () -> {
                Map<TopicPartition, Long> now = new LinkedHashMap<>(PriceTopic.endOffsets(plain, "metrics.company"));
                now.putAll(PriceTopic.endOffsets(plain, "metrics.universe"));
                if (!now.equals(ends)) {
                    ends.clear();
                    ends.putAll(now);
                    lastChange[0] = System.nanoTime();
                    caughtUp[0] = 0;
                }
                if (caughtUp[0] == 0) {
                    Map<TopicPartition, OffsetAndMetadata> committed = group.committed(Set.copyOf(ends.keySet()));
                    boolean all = ends.entrySet().stream().allMatch(end -> {
                        OffsetAndMetadata offset = committed.get(end.getKey());
                        return end.getValue() == 0 || (offset != null && offset.offset() >= end.getValue());
                    });
                    if (all) {
                        caughtUp[0] = System.nanoTime();
                    }
                }
                return caughtUp[0] != 0 && System.nanoTime() - lastChange[0] >= QUIET.toNanos();
            });
            return new Settled(lastChange[0], caughtUp[0]);
        }
    }

    /** The report database as the phase reads it. */
    private record DatabaseState(long databaseBytes, long historyBytes, long companyRows, long companies,
            long maxCompanyRows, Map<String, Long> companyRowsByResolution) {
    }

    private static DatabaseState database(String jdbcUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                Statement statement = connection.createStatement()) {
            Map<String, Long> byResolution = new LinkedHashMap<>();
            try (ResultSet rows = statement.executeQuery("select resolution, count(*) from company_history group by resolution"
                    + " order by position(resolution in 'mhdw')")) {
                while (rows.next()) {
                    byResolution.put(rows.getString(1), rows.getLong(2));
                }
            }
            return new DatabaseState(
                    single(statement, "select pg_database_size(current_database())"),
                    single(statement, "select pg_total_relation_size('company_history') + pg_total_relation_size('universe_history')"),
                    single(statement, "select count(*) from company_history"),
                    single(statement, "select count(distinct ticker) from company_history"),
                    single(statement, "select coalesce(max(n), 0) from (select count(*) as n from company_history group by ticker) as per"),
                    byResolution);
        }
    }

    private static long single(Statement statement, String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The Monday of the latest Monday-to-Friday week whose Friday close (16:00 New York) has passed. */
    static LocalDate lastFullWeeksMonday(Instant now) {
        ZonedDateTime inNewYork = now.atZone(NEW_YORK);
        LocalDate friday = inNewYork.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY));
        if (ZonedDateTime.of(friday, LocalTime.of(16, 0), NEW_YORK).toInstant().isAfter(now)) {
            friday = friday.minusWeeks(1);
        }
        return friday.minusDays(4);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
