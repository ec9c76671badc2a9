package io.saasreport.ingest.feed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.saasreport.ingest.rest.Requests;

/** Off by default: every feed is listed, none is on, and none can be run. */
@QuarkusTest
class FeedsOffTest {

    @Test
    void feedsAreListedOffAndRefuseToRun() {
        given().get("/api/v1/feeds").then().statusCode(200)
                .body("name", contains("sec-tickers", "sec-edgar", "daily-prices", "fred-dgs10"))
                .body("enabled", everyItem(equalTo(false)))
                .body("runs", everyItem(equalTo(0)));
        Requests.authorized().post("/api/v1/feeds/sec-edgar/run").then().statusCode(409)
                .contentType("application/problem+json").body("reason", equalTo("feed_unavailable"));
    }
}
