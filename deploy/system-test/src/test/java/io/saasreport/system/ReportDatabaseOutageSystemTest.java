package io.saasreport.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.saasreport.stack.LocalStack;
import io.saasreport.stack.Postgres;

/**
 * PostgreSQL away for longer than a minute and a half while filings and prices keep coming: the report service holds
 * its consumption back (its writers' check DOWN meanwhile, its readiness for reads UP: the view answers), and once the
 * database is back it stores every filing, serves the latest figures and its writers' check is UP again, without a
 * restart and without dead-lettering anything.
 */
class ReportDatabaseOutageSystemTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration OUTAGE = Duration.ofSeconds(95);
    private static final Duration RECOVERY = Duration.ofMinutes(3);
    /** The example's companies whose latest filing is for 2026 Q1: two more quarters each arrive during the outage. */
    private static final List<String> FILERS = List.of("BPH", "JPJH", "UKQE", "UPD");
    private static final List<String> DEAD_LETTER_TOPICS = List.of(
            "metrics.company.report-dlq", "metrics.universe.report-dlq", "company.filings.report-dlq");

    private static LocalStack stack;

    @BeforeAll
    static void startSystem() {
        stack = SystemUnderTest.freshStack();
    }

    /** The services' logs outlive the stack (its state is deleted on stop): target/report-outage-logs. */
    @AfterAll
    static void keepTheLogs() throws Exception {
        SystemUnderTest.keepLogs(stack, "report-outage-logs");
    }

    @Test
    void theReportLosesNothingWhileItsDatabaseIsAwayAndRecoversByItself() throws Exception {
        List<String> example = WorkedExampleSystemTest.resource("example/events.ndjson").lines().filter(l -> !l.isBlank()).toList();
        post(example);
        // A settled start: the example through the metrics service, its filings in the report.
        WorkedExampleSystemTest.assertReportServesTheExpectedFigures();
        Awaitility.await().atMost(RECOVERY).pollInterval(Duration.ofSeconds(1))
                .until(() -> MAPPER.readTree(get("/api/v1/filings/latest").body()).size() == 9);
        long reportPid = stack.process(LocalStack.REPORT).pid();
        Map<String, ObjectNode> latestFiling = latestFilings(example);

        stack.stopDatabase();
        Instant outageEnds = Instant.now().plus(OUTAGE);
        List<ObjectNode> filed = new ArrayList<>();
        Map<String, Double> lastPrice = new LinkedHashMap<>();
        Instant priceTime = Instant.parse("2026-11-20T21:22:00Z");
        boolean sawWritersDown = false;
        List<Integer> readiness = new ArrayList<>();
        for (int round = 0; Instant.now().isBefore(outageEnds); round++) {
            List<String> events = new ArrayList<>();
            for (String ticker : FILERS) {
                double price = 100.0 + round + FILERS.indexOf(ticker) / 10.0;
                events.add("{\"type\":\"price\",\"ticker\":\"" + ticker + "\",\"price\":" + price + ",\"at\":\"" + priceTime + "\"}");
                lastPrice.put(ticker, price);
            }
            priceTime = priceTime.plus(1, ChronoUnit.MINUTES);
            if (round == 5 || round == 20) {
                for (String ticker : FILERS) {
                    ObjectNode next = nextQuarter(latestFiling.get(ticker));
                    latestFiling.put(ticker, next);
                    filed.add(next);
                    events.add(next.toString());
                }
            }
            post(events);
            sawWritersDown |= get("/q/health/group/writers").statusCode() == 503;
            readiness.add(get("/q/health/ready").statusCode());
            Thread.sleep(2000);
        }
        assertTrue(sawWritersDown, "the report's writers' check was DOWN while its database was away");
        assertTrue(readiness.stream().allMatch(status -> status == 200), "ready for reads throughout: " + readiness);
        assertEquals(8, filed.size());

        stack.startDatabase();
        // The metrics service keeps its state in Kafka: the outage is the report's alone, and nothing is restarted.
        Awaitility.await().atMost(RECOVERY).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (Map.Entry<String, Double> price : lastPrice.entrySet()) {
                HttpResponse<String> company = get("/api/v1/companies/" + price.getKey());
                assertEquals(200, company.statusCode());
                assertEquals(price.getValue(), MAPPER.readTree(company.body()).path("price").asDouble(), price.getKey());
            }
        });
        Awaitility.await().atMost(RECOVERY).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertEquals(200, get("/q/health/group/writers").statusCode(), "writers storing again"));
        assertEquals(reportPid, stack.process(LocalStack.REPORT).pid(), "the same process: no restart");

        Awaitility.await().atMost(RECOVERY).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (ObjectNode filing : filed) {
                assertEquals(filing.get("filedAt").asText(), storedFiledAt(filing), "stored: " + filing);
            }
        });
        JsonNode latest = MAPPER.readTree(get("/api/v1/filings/latest").body());
        for (String ticker : FILERS) {
            JsonNode report = find(latest, ticker);
            assertEquals(latestFiling.get(ticker).get("fiscalYear").asInt(), report.get("fiscalYear").asInt(), ticker);
            assertEquals(latestFiling.get(ticker).get("fiscalQuarter").asInt(), report.get("fiscalQuarter").asInt(), ticker);
        }
        for (String topic : DEAD_LETTER_TOPICS) {
            assertEquals(0, recordsOn(topic), "records on " + topic);
        }
    }

    /**
     * The quarter after {@code filing}: 91 days later but ended by yesterday (the door refuses a period that has not
     * ended), filed 30 days after its end (never in the future), 3 % more revenue.
     */
    private static ObjectNode nextQuarter(ObjectNode filing) {
        ObjectNode next = filing.deepCopy();
        int year = filing.get("fiscalYear").asInt();
        int quarter = filing.get("fiscalQuarter").asInt();
        next.put("fiscalYear", quarter == 4 ? year + 1 : year);
        next.put("fiscalQuarter", quarter == 4 ? 1 : quarter + 1);
        LocalDate yesterday = LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1);
        LocalDate periodEnd = LocalDate.parse(filing.get("periodEnd").asText()).plusDays(91);
        periodEnd = periodEnd.isAfter(yesterday) ? yesterday : periodEnd;
        next.put("periodEnd", periodEnd.toString());
        Instant filedAt = periodEnd.plusDays(30).atTime(21, 5).toInstant(java.time.ZoneOffset.UTC);
        Instant latestAllowed = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        next.put("filedAt", (filedAt.isAfter(latestAllowed) ? latestAllowed : filedAt).toString());
        next.put("revenue", filing.get("revenue").asDouble() * 1.03);
        return next;
    }

    private static Map<String, ObjectNode> latestFilings(List<String> events) throws Exception {
        Map<String, ObjectNode> latest = new LinkedHashMap<>();
        for (String line : events) {
            ObjectNode event = (ObjectNode) MAPPER.readTree(line);
            if (event.get("type").asText().equals("filing")) {
                ObjectNode held = latest.get(event.get("ticker").asText());
                if (held == null || index(event) > index(held)) {
                    latest.put(event.get("ticker").asText(), event);
                }
            }
        }
        return latest;
    }

    private static int index(JsonNode filing) {
        return filing.get("fiscalYear").asInt() * 4 + filing.get("fiscalQuarter").asInt();
    }

    private static JsonNode find(JsonNode reports, String ticker) {
        for (JsonNode report : reports) {
            if (report.get("ticker").asText().equals(ticker)) {
                return report;
            }
        }
        throw new AssertionError("No quarterly report of " + ticker + " in " + reports);
    }

    /** The filedAt the report's own database holds for the filing's quarter. */
    private static String storedFiledAt(JsonNode filing) throws Exception {
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl("report"), Postgres.USER, Postgres.PASSWORD);
                PreparedStatement select = connection.prepareStatement("select payload ->> 'filedAt' from company_filing"
                        + " where ticker = ? and fiscal_year = ? and fiscal_quarter = ?")) {
            select.setString(1, filing.get("ticker").asText());
            select.setInt(2, filing.get("fiscalYear").asInt());
            select.setInt(3, filing.get("fiscalQuarter").asInt());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private static long recordsOn(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "outage-test-" + UUID.randomUUID()), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions);
            return consumer.endOffsets(partitions).entrySet().stream()
                    .mapToLong(end -> end.getValue() - start.get(end.getKey())).sum();
        }
    }

    private static void post(List<String> events) throws Exception {
        new Ingest(stack).post(events);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(stack.uri(LocalStack.REPORT).resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
