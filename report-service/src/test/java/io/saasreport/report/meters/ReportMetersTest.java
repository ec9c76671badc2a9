package io.saasreport.report.meters;

import static io.saasreport.report.support.Api.eventually;
import static io.saasreport.report.support.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.saasreport.report.support.ExampleData;
import io.saasreport.report.support.ReportDatabase;
import io.saasreport.report.support.Upstream;

@QuarkusTest
class ReportMetersTest {

    @Inject
    ReportDatabase database;

    /** The value of one sample of the Prometheus text format, e.g. {@code saas_universe_companies}. */
    private static double sample(String name, String labels) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? (\\S+)$").matcher(metrics);
        while (matcher.find()) {
            String sampleLabels = matcher.group(1) == null ? "" : matcher.group(1);
            if (sampleLabels.contains(labels)) {
                return Double.parseDouble(matcher.group(2));
            }
        }
        throw new AssertionError("No sample " + name + " with " + labels);
    }

    @Test
    void exposesTheUniverseFiguresAndHistoryRowsAsGauges() {
        database.clear();
        Upstream.example();
        Upstream.awaitStored();

        // The gauges re-read the database every few seconds: wait until they all show the new state.
        eventually(() -> {
            assertEquals(8.0, sample("saas_universe_companies", ""));
            assertEquals(10.579471721727582, sample("saas_universe_median_ev_to_ntm_revenue", ""));
            assertEquals(6.0, sample("saas_universe_bucket_companies", "bucket=\"high\""));
            assertEquals(1.0, sample("saas_universe_bucket_companies", "bucket=\"mid\""));
            assertEquals(1.0, sample("saas_universe_bucket_companies", "bucket=\"low\""));
            assertEquals(1.0, sample("report_history_rows", "series=\"universe\""));
            assertEquals(9.0, sample("report_history_rows", "series=\"company\""));
        });
    }

    @Test
    void countsEverySnapshotServedByEndpoint() {
        Upstream.universe(ExampleData.universe(ExampleData.AS_OF.plusSeconds(1)));
        eventually(() -> given().get("/api/v1/universe").then().statusCode(200));
        given().get("/api/v1/companies").then().statusCode(200);
        double universeBefore = sample("report_snapshots_served_total", "endpoint=\"universe\"");
        double companiesBefore = sample("report_snapshots_served_total", "endpoint=\"companies\"");

        given().get("/api/v1/universe").then().statusCode(200);
        given().get("/api/v1/universe").then().statusCode(200);
        given().get("/api/v1/companies").then().statusCode(200);
        given().get("/api/v1/companies/NOPE").then().statusCode(404); // not a snapshot served

        assertEquals(universeBefore + 2, sample("report_snapshots_served_total", "endpoint=\"universe\""));
        assertEquals(companiesBefore + 1, sample("report_snapshots_served_total", "endpoint=\"companies\""));
    }
}
