package io.saasreport.report.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
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
        store.companies(Conflation.newestPerKey(codec.companiesToStore(batch).updates()));
        batch.clear();
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
        assertEquals("1002.0", stored("select payload ->> 'price'"));
        assertEquals(3L, ((Number) stored("select revision")).longValue());
        assertEquals(1L, database.value("select count(*) from company_history where ticker = ?1", "BPH"));
    }

    @Test
    void theSnapshotKeepsTheSourcesAndTheHistoryOnlyTheFigures() {
        record("BPH", T1, 1L, 1000.0);
        storeTheBatch();

        assertEquals("2026", stored("select payload #>> '{sources,latestQuarter,fiscalYear}'"));
        assertEquals(false, database.value("select (payload -> 'sources') is not null from company_history where ticker = ?1", "BPH"));
        assertEquals("1000.0", database.value("select payload ->> 'price' from company_history where ticker = ?1", "BPH"));
    }

    @Test
    void anOlderRevisionInALaterBatchChangesNothingAndUnchangedFiguresAddNoHistory() {
        record("BPH", T1, 5L, 1000.0);
        storeTheBatch();
        record("BPH", T1.plusSeconds(60), 4L, 999.0);
        storeTheBatch();
        record("BPH", T1.plusSeconds(120), 6L, 1000.0); // same figures, later: the snapshot moves, the history does not
        storeTheBatch();

        assertEquals("1000.0", stored("select payload ->> 'price'"));
        assertEquals(6L, ((Number) stored("select revision")).longValue());
        assertEquals(1L, database.value("select count(*) from company_history where ticker = ?1", "BPH"));
    }

    @Test
    void withoutRevisionsTheLatestAsOfWins() {
        record("BPH", T1.plusSeconds(60), null, 1001.0);
        storeTheBatch();
        record("BPH", T1, null, 999.0);
        storeTheBatch();

        assertEquals("1001.0", stored("select payload ->> 'price'"));
    }
}
