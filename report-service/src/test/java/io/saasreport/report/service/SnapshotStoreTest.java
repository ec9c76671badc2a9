package io.saasreport.report.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.saasreport.report.domain.HistoryResolution;
import io.saasreport.report.domain.WeeklyClose;
import io.saasreport.report.record.Conflation;
import io.saasreport.report.record.RecordCodec;
import io.saasreport.report.support.ExampleData;
import io.saasreport.report.support.ReportDatabase;

/** A conflated batch as the writers store it, without Kafka in between. */
@QuarkusTest
class SnapshotStoreTest {

    private static final Instant T1 = ExampleData.AS_OF;

    @Inject
    ReportDatabase database;
    @Inject
    RecordCodec codec;
    @Inject
    SnapshotStore store;

    private final List<ConsumerRecord<String, String>> batch = new ArrayList<>();

    @BeforeEach
    void startFromNothing() {
        database.clear();
    }

    private void record(String ticker, Instant asOf, Long revision, double price) {
        String value = ExampleData.company(ticker, asOf, company -> {
            company.put("price", price);
            if (revision != null) {
                company.put("revision", revision);
            }
        });
        batch.add(new ConsumerRecord<>("metrics.company", 0, batch.size(), ticker, value));
    }

    private void storeTheBatch() {
        store.companies(Conflation.newestPerKeyAndMinute(codec.companiesToStore(batch).updates()));
        batch.clear();
    }

    /** One column of BPH's history row of the resolution, holding one period only in these tests. */
    private Object history(String sql, String resolution) {
        return database.value(sql + " from company_history where ticker = ?1 and resolution = ?2"
                + " order by period desc limit 1", "BPH", resolution);
    }

    private Object stored(String sql) {
        return database.value(sql + " from company_snapshot where ticker = ?1", "BPH");
    }

    @Test
    void aBatchStoresOneSnapshotAndOneHistoryPointPerCompanyTheHighestRevision() {
        record("BPH", T1, 1L, 1000.0);
        record("UMV", T1, 1L, 50.0);
        record("BPH", T1.plusSeconds(120), 2L, 1001.0);
        record("BPH", T1.plusSeconds(60), 3L, 1002.0); // newest by revision despite its earlier asOf
        storeTheBatch();

        assertEquals(2L, database.rows("company_snapshot"));
        assertEquals("1002.0", stored("select payload::jsonb ->> 'price'"));
        assertEquals(3L, ((Number) stored("select revision")).longValue());
        assertEquals(3L, database.value("select count(*) from company_history where ticker = ?1 and resolution = 'm'", "BPH"),
                "each in a minute of its own");
        assertEquals("1001.0", history("select payload::jsonb ->> 'price'", "h"), "the hour holds the latest point, rev 2");
    }

    @Test
    void theSnapshotKeepsTheSourcesAndTheHistoryOnlyTheFigures() {
        record("BPH", T1, 1L, 1000.0);
        storeTheBatch();

        assertEquals("2026", stored("select payload::jsonb #>> '{sources,latestQuarter,fiscalYear}'"));
        assertEquals(false, history("select (payload::jsonb -> 'sources') is not null", "w"));
        assertEquals("1000.0", history("select payload::jsonb ->> 'price'", "w"));
    }

    @Test
    void anOlderRevisionInALaterBatchChangesNothing() {
        record("BPH", T1, 5L, 1000.0);
        storeTheBatch();
        record("BPH", T1.plusSeconds(60), 4L, 999.0);
        storeTheBatch();

        assertEquals("1000.0", stored("select payload::jsonb ->> 'price'"));
        assertEquals("1000.0", history("select payload::jsonb ->> 'price'", "h"));
        assertEquals(1L, database.value("select count(*) from company_history where ticker = ?1 and resolution = 'm'", "BPH"));
    }

    @Test
    void eachPointIsUpsertedIntoItsMinuteHourDayAndWeekTheLatestAsOfHoldingEach() {
        Instant minute = T1.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(5));
        record("BPH", minute.plusSeconds(10), 1L, 1000.0);
        storeTheBatch();
        record("BPH", minute.plusSeconds(50), 2L, 1001.0);
        storeTheBatch();
        record("BPH", minute.plusSeconds(30), 3L, 1002.0); // a newer revision, but earlier in the minute
        storeTheBatch();

        assertEquals(4L, database.value("select count(*) from company_history where ticker = ?1", "BPH"), "one row a period");
        for (String resolution : List.of("m", "h", "d", "w")) {
            assertEquals("1001.0", history("select payload::jsonb ->> 'price'", resolution), "the latest asOf of " + resolution);
        }
        assertEquals("1002.0", stored("select payload::jsonb ->> 'price'"), "the snapshot goes by revision");
        assertEquals(HistoryResolution.WEEK.periodOf(minute).toString(),
                history("select period", "w").toString());
    }

    @Test
    void aPointAfterTheCloseInTheSameBatchLeavesTheWeeksLastPointBeforeIt() {
        Instant close = WeeklyClose.atOrAfter(T1).instant();
        record("BPH", close.minusSeconds(5), 1L, 1000.0);
        record("BPH", close.plusSeconds(5), 2L, 1001.0);
        storeTheBatch();

        assertEquals("1000.0", database.value("select payload::jsonb ->> 'price' from company_history where ticker = ?1"
                + " and resolution = 'w' and period = ?2", "BPH", java.sql.Timestamp.from(close)));
        assertEquals("1001.0", stored("select payload::jsonb ->> 'price'"));
    }

    @Test
    void aLaterPointDropsTheMinutesHoursAndDaysOutOfTheRetentionBehindIt() {
        record("BPH", T1, 1L, 1000.0);
        storeTheBatch();
        record("BPH", T1.plus(Duration.ofDays(8)), 2L, 1001.0); // the next week
        storeTheBatch();

        assertEquals(1L, database.value("select count(*) from company_history where ticker = ?1 and resolution = 'm'", "BPH"),
                "minutes are kept a day");
        assertEquals(2L, database.value("select count(*) from company_history where ticker = ?1 and resolution = 'h'", "BPH"));
        assertEquals(2L, database.value("select count(*) from company_history where ticker = ?1 and resolution = 'd'", "BPH"));

        record("BPH", T1.plus(Duration.ofDays(400)), 3L, 1002.0);
        storeTheBatch();
        assertEquals(List.of(1L, 1L, 1L), List.of(
                database.value("select count(*) from company_history where ticker = ?1 and resolution = 'm'", "BPH"),
                database.value("select count(*) from company_history where ticker = ?1 and resolution = 'h'", "BPH"),
                database.value("select count(*) from company_history where ticker = ?1 and resolution = 'd'", "BPH")));
        assertEquals(3L, database.value("select count(*) from company_history where ticker = ?1 and resolution = 'w'", "BPH"),
                "every weekly close stays");
    }

    @Test
    void withoutRevisionsTheLatestAsOfWins() {
        record("BPH", T1.plusSeconds(60), null, 1001.0);
        storeTheBatch();
        record("BPH", T1, null, 999.0);
        storeTheBatch();

        assertEquals("1001.0", stored("select payload::jsonb ->> 'price'"));
    }
}
