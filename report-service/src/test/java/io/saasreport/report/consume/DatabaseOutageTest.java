package io.saasreport.report.consume;

import static io.saasreport.report.support.Api.eventually;
import static io.saasreport.report.support.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.saasreport.report.support.ExampleData;
import io.saasreport.report.support.ReportDatabase;
import io.saasreport.report.support.Upstream;

/**
 * The database refusing the writers' batches (their tables taken away, as an outage would) must hold consumption back,
 * show in the writers' own check, keep the instance ready for reads, and lose nothing: once the tables are back, every
 * record is stored, none dead-lettered, and the writers' check is UP again by itself.
 */
@QuarkusTest
class DatabaseOutageTest {

    private static final String WRITERS = "checks.find { it.name == '" + WritersHealth.NAME + "' }";
    private static final String WRITERS_GROUP = "/q/health/group/" + WritersHealth.GROUP;

    @Inject
    ReportDatabase database;

    @Inject
    MeterRegistry registry;

    private boolean tablesAway;

    @AfterEach
    void bringTheTablesBack() {
        if (tablesAway) {
            database.execute("alter table company_filing_away rename to company_filing");
            database.execute("alter table company_snapshot_away rename to company_snapshot");
            tablesAway = false;
        }
    }

    @Test
    void aBatchTheDatabaseRefusesIsRetriedUntilStoredAndNeverDeadLettered() {
        database.clear();
        String marker = UUID.randomUUID().toString();
        String filing = ExampleData.filings().get(0).replaceFirst("\\{", "{\"note\":\"" + marker + "\",");
        String ticker = filing.replaceAll(".*\"ticker\":\"([^\"]+)\".*", "$1");
        Instant later = ExampleData.AS_OF.plusSeconds(60);

        database.execute("alter table company_filing rename to company_filing_away");
        database.execute("alter table company_snapshot rename to company_snapshot_away");
        tablesAway = true;
        Upstream.filing(filing);
        Upstream.company(ExampleData.company("BPH", later, bph -> bph.put("note", marker)));

        eventually(() -> given().get(WRITERS_GROUP).then()
                .statusCode(503)
                .body(WRITERS + ".status", equalTo("DOWN"))
                .body(WRITERS + ".data.filings", containsString("retrying since"))
                .body(WRITERS + ".data.companies", containsString("retrying since")));
        // Held back writers do not take the instance out of the load balancer: its view answers.
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        assertEquals(1.0, registry.get("report.writer.retrying").tag("writer", "companies").gauge().value());
        // Served from memory meanwhile: the figures do not wait for the database.
        eventually(() -> given().get("/api/v1/companies/BPH").then().statusCode(200).body("asOf", equalTo(later.toString())));

        bringTheTablesBack();

        eventually(() -> given().get("/api/v1/filings/latest").then().body("ticker", hasItem(ticker)));
        eventually(() -> given().get(WRITERS_GROUP).then().statusCode(200).body(WRITERS + ".status", equalTo("UP")));
        assertEquals(0.0, registry.get("report.writer.retrying").tag("writer", "companies").gauge().value());
        Upstream.awaitStored();
        assertEquals(later.toString(), database.value(
                "select to_char(as_of at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') from company_snapshot where ticker = ?1", "BPH"));
        assertEquals(marker, database.value("select payload ->> 'note' from company_filing where payload ->> 'note' = ?1", marker));
        for (String channel : new String[] { Upstream.COMPANY, Upstream.FILINGS }) {
            assertTrue(Upstream.deadLetters(channel).stream().noneMatch(dead -> dead.value() != null && dead.value().contains(marker)),
                    "nothing of the outage on " + channel + "'s dead-letter topic");
        }
    }
}
