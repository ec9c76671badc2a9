package io.saasreport.report;

import static io.saasreport.report.support.Api.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthTest {

    @Test
    void readinessChecksTheDatabaseAndKafka() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'kafka' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'kafka' }.data.broker", equalTo("answering"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
