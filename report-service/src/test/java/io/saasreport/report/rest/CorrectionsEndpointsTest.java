package io.saasreport.report.rest;

import static io.saasreport.report.support.Api.eventually;
import static io.saasreport.report.support.Api.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.saasreport.report.support.ExampleData;
import io.saasreport.report.support.ReportDatabase;
import io.saasreport.report.support.TwoWeeks;
import io.saasreport.report.support.Upstream;

/**
 * Corrections as the report takes them: a removed company (its tombstone on metrics.company, its removal on
 * company.filings) leaves the view, the REST answers, the quarterly reports and the next edition, while past
 * editions and its history keep it; named again, it is back in the next edition. A withdrawn filing leaves the
 * stored quarters.
 */
@QuarkusTest
class CorrectionsEndpointsTest {

    private static final String REMOVED = "UMV";

    @Inject
    ReportDatabase database;

    @BeforeEach
    void publishTwoWeeks() {
        database.clear();
        TwoWeeks.publish();
    }

    /**
     * Removed a minute before the second week's close, after the company's last figures (ten minutes before it): the
     * second week's edition leaves it out, the first week's keeps it.
     */
    @Test
    void aRemovedCompanyLeavesTheViewItsFilingsAndTheNextEditionButNotThePastOnes() {
        List<String> pastScatter = scatterTickers("2026-11-20");
        assertTrue(pastScatter.contains(REMOVED), pastScatter.toString());
        assertTrue(scatterTickers("2026-11-27").contains(REMOVED));

        Upstream.companyRemoved(REMOVED, TwoWeeks.CLOSE_2.minusSeconds(60));
        Upstream.filing("{\"type\":\"company-removal\",\"ticker\":\"" + REMOVED + "\",\"at\":\"2026-12-01T12:00:00Z\"}");
        Upstream.awaitStored();

        eventually(() -> given().get("/api/v1/companies/" + REMOVED).then().statusCode(404));
        given().get("/api/v1/companies").then().body("ticker", not(hasItem(REMOVED)));
        given().get("/api/v1/filings/latest").then().body("ticker", not(hasItem(REMOVED)));
        assertEquals(0L, database.value("select count(*) from company_filing where ticker = ?", REMOVED));
        assertEquals(1L, database.rows("company_removal"));
        assertFalse(scatterTickers("2026-11-27").contains(REMOVED), "the edition after the removal leaves it out");
        assertFalse(scatterTickers("latest").contains(REMOVED));
        assertEquals(pastScatter, scatterTickers("2026-11-20"), "an edition before it keeps it");
        given().get("/api/v1/companies/" + REMOVED + "/history").then().statusCode(200);

        // Named again with the very figures it had: a history point anew, and back in the next edition.
        Upstream.company(ExampleData.company(REMOVED, TwoWeeks.AS_OF_2));
        Upstream.awaitStored();
        eventually(() -> given().get("/api/v1/companies/" + REMOVED).then().statusCode(200));
        assertTrue(scatterTickers("latest").contains(REMOVED));
        assertTrue(scatterTickers("2026-11-27").contains(REMOVED), "its figures as of before that close came again");
    }

    @Test
    void aWithdrawnFilingLeavesItsQuarterAndTheOthersStay() {
        long quarters = database.rows("company_filing");
        int deadLetters = Upstream.deadLetters(Upstream.FILINGS).size();
        Upstream.filing("{\"type\":\"filing-withdrawal\",\"ticker\":\"UMV\",\"fiscalYear\":2026,\"fiscalQuarter\":3,"
                + "\"at\":\"2026-12-01T12:00:00Z\"}");
        Upstream.awaitStored();

        assertEquals(quarters - 1, database.rows("company_filing"));
        assertEquals(0L, database.value("select count(*) from company_filing where ticker = 'UMV'"
                + " and fiscal_year = 2026 and fiscal_quarter = 3"));
        assertEquals(deadLetters, Upstream.deadLetters(Upstream.FILINGS).size(), "a correction is no unreadable filing");
    }

    @Test
    void aCorrectionThatCannotBeReadIsDeadLetteredAndTheFilingsAfterItAreStored() {
        long quarters = database.rows("company_filing");
        int deadLetters = Upstream.deadLetters(Upstream.FILINGS).size();
        Upstream.filing("{\"type\":\"filing-withdrawal\",\"ticker\":\"UMV\",\"fiscalYear\":2026,\"fiscalQuarter\":3,"
                + "\"at\":\"yesterday\"}");
        Upstream.filing("{\"type\":\"company-removal\",\"ticker\":\"UMV\"}");
        Upstream.filing("{\"ticker\":\"UMV\",\"fiscalYear\":2000,\"fiscalQuarter\":1,\"periodEnd\":\"2000-03-31\","
                + "\"filedAt\":\"2000-04-30T21:05:00Z\",\"revenue\":1000000.0}");
        Upstream.awaitStored();

        assertEquals(quarters + 1, database.rows("company_filing"), "nothing withdrawn or removed, the filing stored");
        List<String> reasons = Upstream.deadLetters(Upstream.FILINGS).stream().skip(deadLetters)
                .map(record -> new String(record.headers().lastHeader("dead-letter-reason").value())).toList();
        assertEquals(2, reasons.size(), reasons.toString());
        assertTrue(reasons.stream().allMatch(reason -> reason.contains("without an ISO-8601 instant 'at'")), reasons.toString());
    }

    private static List<String> scatterTickers(String edition) {
        return given().accept("application/json").get("/api/v1/editions/" + edition).then().statusCode(200)
                .extract().jsonPath().getList("scatter.points.ticker", String.class);
    }
}
