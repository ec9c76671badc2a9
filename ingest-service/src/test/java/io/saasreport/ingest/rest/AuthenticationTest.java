package io.saasreport.ingest.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.saasreport.ingest.TestData;
import io.saasreport.stack.Topics;
import io.saasreport.testsupport.KafkaTestClient;

/** Writes need a configured bearer key: without one, 401 problem+json and nothing is published. */
@QuarkusTest
class AuthenticationTest {

    private static final byte[] COMPANY = "{\"type\":\"company\",\"ticker\":\"AUTH\",\"name\":\"Auth Inc.\"}"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void refusesEventsWithoutKeyAndPublishesNothing() {
        assertRefusedWithoutPublishing(Requests.anonymous(), "Writes need an 'Authorization: Bearer <API key>' header");
    }

    @Test
    void refusesEventsWithWrongKeyAndPublishesNothing() {
        assertRefusedWithoutPublishing(Requests.anonymous().header("Authorization", "Bearer not-the-key"),
                "The bearer API key is not valid");
    }

    @Test
    void refusesKeyGivenWithAnotherScheme() {
        assertRefusedWithoutPublishing(Requests.anonymous().header("Authorization", "Basic " + Requests.API_KEY),
                "Writes need an 'Authorization: Bearer <API key>' header");
    }

    @Test
    void refusesImportsWithoutKeyAndPublishesNothing() {
        Map<TopicPartition, Long> before = KafkaTestClient.onTestBroker().endOffsets(Topics.INPUT);
        for (String path : List.of("/api/v1/import/prices?ticker=DDOG", "/api/v1/import/fred-dgs10")) {
            Requests.anonymous().contentType("text/csv").body(TestData.bytes(TestData.YAHOO_DDOG)).post(path)
                    .then().statusCode(401).contentType("application/problem+json").body("reason", equalTo("unauthorized"));
        }
        Requests.anonymous().contentType("application/json").body(TestData.bytes(TestData.SNOWFLAKE_COMPANY_FACTS))
                .post("/api/v1/import/sec-companyfacts?ticker=SNOW")
                .then().statusCode(401);
        assertEquals(List.of(), KafkaTestClient.onTestBroker().since(before));
    }

    @Test
    void acceptsTheConfiguredKey() {
        Requests.authorized().contentType("application/json").body(COMPANY).post("/api/v1/events")
                .then().statusCode(202).body("accepted", equalTo(1));
    }

    @Test
    void leavesHealthMetricsAndOpenApiOpen() {
        for (String path : List.of("/q/health/live", "/q/metrics", "/q/openapi")) {
            Requests.anonymous().get(path).then().statusCode(200);
        }
    }

    private static void assertRefusedWithoutPublishing(RequestSpecification request, String detail) {
        Map<TopicPartition, Long> before = KafkaTestClient.onTestBroker().endOffsets(Topics.INPUT);
        request.contentType("application/json").body(COMPANY).post("/api/v1/events")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"ingest\"")
                .body("status", equalTo(401))
                .body("reason", equalTo("unauthorized"))
                .body("detail", equalTo(detail));
        assertEquals(List.of(), KafkaTestClient.onTestBroker().since(before));
    }
}
