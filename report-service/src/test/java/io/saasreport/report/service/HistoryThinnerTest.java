package io.saasreport.report.service;

import static io.saasreport.report.support.Api.eventually;
import static io.saasreport.report.support.Api.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.saasreport.report.support.ExampleData;
import io.saasreport.report.support.ReportDatabase;
import io.saasreport.report.support.Upstream;

@QuarkusTest
class HistoryThinnerTest {

    /** Judged at the start of today (UTC), so that the points below fall in known hours and days. */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.DAYS);

    @Inject
    ReportDatabase database;

    @Inject
    HistoryThinner thinner;

    private static Instant ago(Duration age) {
        return NOW.minus(age);
    }

    @Test
    void thinsTheStoredHistoriesByAgeAndServesWhatIsLeftOldestFirst() {
        database.clear();
        List<Instant> published = List.of(
                ago(Duration.ofDays(10).minusHours(1)), ago(Duration.ofDays(10).minusHours(5)), // same day: keep the last
                ago(Duration.ofDays(3).minusMinutes(10)), ago(Duration.ofDays(3).minusMinutes(40)), // same hour: keep the last
                ago(Duration.ofDays(3).minusMinutes(70)), // the next hour
                ago(Duration.ofHours(2)), ago(Duration.ofHours(1).plusMinutes(59))); // the last day: keep all
        for (int i = 0; i < published.size(); i++) {
            double price = 1000.0 + i; // a new price: every snapshot is a history point
            Upstream.company(ExampleData.company("BPH", published.get(i), bph -> bph.put("price", price)));
            Upstream.universe(ExampleData.universe(published.get(i), universe -> universe.put("tenYearYield", price)));
            Upstream.awaitStored(); // one batch each: a batch keeps only a key's newest value
        }
        Instant last = published.get(published.size() - 1);
        eventually(() -> given().get("/api/v1/universe").then().body("asOf", equalTo(last.toString())));
        eventually(() -> given().get("/api/v1/companies/BPH").then().body("asOf", equalTo(last.toString())));
        assertEquals(7, database.rows("company_history"));

        assertEquals(2 * 2, thinner.thin(NOW), "two points of each history: the universe's and BPH's");

        given().get("/api/v1/companies/BPH/history").then()
                .body("price", contains(1001.0, 1003.0, 1004.0, 1005.0, 1006.0));
        given().get("/api/v1/universe/history").then()
                .body("tenYearYield", contains(1001.0, 1003.0, 1004.0, 1005.0, 1006.0));
        assertEquals(0, thinner.thin(NOW), "thinning again at the same instant discards nothing more");
    }
}
