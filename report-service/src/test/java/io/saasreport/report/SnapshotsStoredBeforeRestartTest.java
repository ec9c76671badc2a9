package io.saasreport.report;

import static io.saasreport.report.support.Api.eventually;
import static io.saasreport.report.support.Api.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.saasreport.report.support.ExampleData;
import io.saasreport.report.support.ReportDatabase;
import io.saasreport.report.support.Upstream;

/**
 * First half of the restart test: the last test of this application instance stores the example, and checks the
 * rows themselves. {@link SnapshotsServedAfterRestartTest} then starts a new instance on the same database.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE) // the last of the default profile's tests (see the surefire configuration)
class SnapshotsStoredBeforeRestartTest {

    @Inject
    ReportDatabase database;

    @Test
    void storesTheLatestSnapshotsAsJsonWithTheirIndexedColumns() {
        database.clear();
        Upstream.example();
        eventually(() -> given().get("/api/v1/companies").then().body("ticker", hasSize(9)));
        Upstream.awaitStored();

        assertEquals(9L, database.rows("company_snapshot"));
        assertEquals("HIGH", database.value("select growth_bucket from company_snapshot where ticker = ?1", "BPH"));
        assertEquals("MID", database.value("select growth_bucket from company_snapshot where ticker = ?1", "OJV"));
        assertEquals("LOW", database.value("select growth_bucket from company_snapshot where ticker = ?1", "UMV"));
        assertNull(database.value("select growth_bucket from company_snapshot where ticker = ?1", "AYV"));
        assertEquals("13.500266019788121",
                database.value("select payload::jsonb ->> 'evToNtmRevenue' from company_snapshot where ticker = ?1", "BPH"));
        assertEquals("8", database.value("select payload ->> 'companyCount' from universe_snapshot where id = ?1", "universe"));
        // One point each, in its minute, hour, day and week.
        assertEquals(4L, database.rows("universe_history"));
        assertEquals(4L * ExampleData.TICKERS.size(), database.rows("company_history"));
        given().get("/api/v1/universe").then().body("medianEvToNtmRevenue", equalTo(10.579471721727582));
    }
}
