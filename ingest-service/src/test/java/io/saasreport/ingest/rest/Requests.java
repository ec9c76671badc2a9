package io.saasreport.ingest.rest;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;

/** RestAssured requests as a client sends them: the exact Content-Type given, with or without the test key. */
public final class Requests {

    /** {@code %test.ingest.api-keys} in application.properties. */
    public static final String API_KEY = "test-key";

    // RestAssured would otherwise append "; charset=ISO-8859-1" to content types it does not know (NDJSON, CSV).
    private static final RestAssuredConfig AS_GIVEN = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    public static RequestSpecification authorized() {
        return anonymous().header("Authorization", "Bearer " + API_KEY);
    }

    public static RequestSpecification anonymous() {
        return RestAssured.given().config(AS_GIVEN);
    }

    private Requests() {
    }
}
