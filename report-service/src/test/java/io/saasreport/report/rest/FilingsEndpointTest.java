package io.saasreport.report.rest;

import static io.saasreport.report.support.Api.eventually;
import static io.saasreport.report.support.Api.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.saasreport.report.support.ExampleData;
import io.saasreport.report.support.ReportDatabase;
import io.saasreport.report.support.Upstream;

@QuarkusTest
class FilingsEndpointTest {

    /** The example holds 90 filings of 86 distinct quarters: a restatement and a replay each for BPH and WMRM. */
    private static final int QUARTERS = 86;

    @Inject
    ReportDatabase database;

    /**
     * Publishes the example's filings in their order, then one older quarter each for BPH and WMRM: filings are keyed
     * by ticker, so once those are stored, every earlier filing of the two (the replays included) has been consumed.
     */
    @BeforeEach
    void publishTheExampleFilings() {
        database.clear();
        Upstream.companies(ExampleData.AS_OF);
        ExampleData.filings().forEach(Upstream::filing);
        Upstream.filing(oldQuarter("BPH"));
        Upstream.filing(oldQuarter("WMRM"));
        eventually(() -> assertEquals(QUARTERS + 2, database.rows("company_filing")));
        eventually(() -> given().get("/api/v1/companies").then().body("$", hasSize(ExampleData.TICKERS.size())));
    }

    private static String oldQuarter(String ticker) {
        return "{\"ticker\":\"" + ticker + "\",\"fiscalYear\":2000,\"fiscalQuarter\":1,\"periodEnd\":\"2000-03-31\","
                + "\"filedAt\":\"2000-04-30T21:05:00Z\",\"revenue\":1000000.0}";
    }

    @Test
    void servesEachCompanysLatestQuarterWithHeadlineFiguresMostRecentlyFiledFirst() {
        given().get("/api/v1/filings/latest").then()
                .statusCode(200)
                .body("ticker", contains("BPH", "WMRM", "AYV", "JPJH", "OJV", "QJIR", "UKQE", "UMV", "UPD"))
                .body("[0].name", equalTo("Bph Software Inc."))
                .body("[0].fiscalYear", equalTo(2026))
                .body("[0].fiscalQuarter", equalTo(1))
                .body("[0].periodEnd", equalTo("2026-10-11"))
                .body("[0].revenueGrowthYoy", equalTo(0.36261724724782063))
                .body("[0].subscriptionRevenue", equalTo(4715008675.12))
                .body("[0].grossMargin", equalTo(0.7931222832399546))
                .body("[0].operatingMargin", equalTo(0.017265910358364955))
                .body("[0].fcfMargin", equalTo(0.19984025346665577))
                .body("[0].netRevenueRetention", equalTo(1.276))
                .body("find { it.ticker == 'UPD' }.subscriptionRevenue", nullValue())
                .body("find { it.ticker == 'UMV' }.revenueGrowthYoy", equalTo(0.065570481851007));
    }

    @Test
    void aRestatementReplacesItsQuarterAndAReplayOfTheOriginalDoesNot() {
        given().get("/api/v1/filings/latest").then()
                .body("find { it.ticker == 'BPH' }.filedAt", equalTo("2026-11-15T21:05:00Z"))
                .body("find { it.ticker == 'BPH' }.revenue", equalTo(5371155905.78))
                .body("find { it.ticker == 'WMRM' }.filedAt", equalTo("2026-11-15T21:05:00Z"))
                .body("find { it.ticker == 'WMRM' }.revenue", equalTo(5646510900.93));
    }
}
