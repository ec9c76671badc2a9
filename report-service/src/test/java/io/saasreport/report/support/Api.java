package io.saasreport.report.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.specification.RequestSpecification;

/** RestAssured reading JSON numbers as doubles, so that figures compare to the last digit. */
public final class Api {

    private static final RestAssuredConfig DOUBLES = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE));

    /** How long a published record may take to be served: consumer start-up included. */
    public static final Duration DELIVERY = Duration.ofSeconds(60);

    public static RequestSpecification given() {
        return RestAssured.given().config(DOUBLES);
    }

    /** Waits until {@code assertion} passes: a published record has been consumed and stored. */
    public static void eventually(Runnable assertion) {
        await().atMost(DELIVERY).pollInterval(Duration.ofMillis(200)).untilAsserted(assertion::run);
    }

    private Api() {
    }
}
