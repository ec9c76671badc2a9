package io.saasreport.report;

import static io.saasreport.report.support.Api.eventually;
import static io.saasreport.report.support.Api.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.saasreport.report.consume.WritersHealth;
import io.saasreport.report.view.ReadsReadiness;

@QuarkusTest
class HealthTest {

    private static final String WRITERS = "checks.find { it.name == '" + WritersHealth.NAME + "' }";

    /** Readiness is one question, whether the instance answers reads: the writers and their database are not in it. */
    @Test
    void readinessIsTheViewsAndTheWritersHaveTheirOwnGroup() {
        eventually(() -> given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks", hasSize(1))
                .body("checks[0].name", equalTo(ReadsReadiness.NAME))
                .body("checks[0].data.view", endsWith(" companies")));
        given().get("/q/health/group/" + WritersHealth.GROUP).then()
                .statusCode(200)
                .body(WRITERS + ".status", equalTo("UP"))
                .body(WRITERS + ".data.database", equalTo("answering"))
                .body(WRITERS + ".data.companies", startsWith("storing; lag "))
                .body(WRITERS + ".data.universe", startsWith("storing; lag "))
                .body(WRITERS + ".data.filings", startsWith("storing; lag "))
                .body(WRITERS + ".data.alerts", startsWith("storing; lag "));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
