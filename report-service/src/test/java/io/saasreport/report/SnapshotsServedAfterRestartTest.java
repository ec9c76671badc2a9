package io.saasreport.report;

import static io.saasreport.report.support.Api.eventually;
import static io.saasreport.report.support.Api.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.saasreport.report.support.ExampleData;
import io.saasreport.report.support.ReportDatabase;

/**
 * Second half of the restart test: a new application instance on the database that
 * {@link SnapshotsStoredBeforeRestartTest} filled, listening to topics where nothing is ever published. Whatever it
 * serves can only come from the database: the latest snapshots are there at once, without Kafka.
 */
@QuarkusTest
@TestProfile(SnapshotsServedAfterRestartTest.NothingFromKafka.class)
@Order(Integer.MAX_VALUE)
class SnapshotsServedAfterRestartTest {

    /** The same application, its channels bound to a topic nobody writes to. */
    public static class NothingFromKafka implements QuarkusTestProfile {

        private static final String SILENT_TOPIC = "report.restart-test.silent";

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "report.kafka.company.topic", SILENT_TOPIC + ".company",
                    "report.kafka.universe.topic", SILENT_TOPIC + ".universe",
                    "report.kafka.filings.topic", SILENT_TOPIC + ".filings");
        }
    }

    @Inject
    ReportDatabase database;

    @BeforeEach
    void requireTheSnapshotsOfThePreviousInstance() {
        assertEquals(9L, database.rows("company_snapshot"),
                "runs after SnapshotsStoredBeforeRestartTest (mvn verify orders them); alone it has nothing to serve");
        // The view loads from the database on its own thread after the start; until then the figures answer 503.
        eventually(() -> given().get("/api/v1/companies").then().statusCode(200));
    }

    @Test
    void servesTheLatestUniverseStatisticsFromTheDatabase() {
        given().get("/api/v1/universe").then()
                .statusCode(200)
                .body("asOf", equalTo(ExampleData.AS_OF.toString()))
                .body("companyCount", equalTo(8))
                .body("medianEvToNtmRevenue", equalTo(10.579471721727582));
        given().get("/api/v1/universe/history").then().body("asOf", contains(ExampleData.AS_OF.toString()));
    }

    @Test
    void servesTheLatestCompaniesFromTheDatabase() {
        given().get("/api/v1/companies").then()
                .statusCode(200)
                .body("ticker", contains(ExampleData.TICKERS.toArray()));
        given().get("/api/v1/companies/BPH").then()
                .body("enterpriseValue", equalTo(325607528620.61))
                .body("evToNtmRevenue", equalTo(13.500266019788121));
    }

    @Test
    void theGaugesShowTheStoredUniverseAfterTheRestart() {
        eventually(() -> given().get("/q/metrics").then()
                .body(containsString("saas_universe_companies 8.0"))
                .body(containsString("saas_universe_median_ev_to_ntm_revenue 10.579471721727582")));
    }
}
