package io.saasreport.ingest.prod;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.saasreport.ingest.rest.Requests;
import io.saasreport.ingest.security.ApiKeys;

/** An operator may turn Swagger UI on in prod (QUARKUS_SWAGGER_UI_ENABLED=true). */
@QuarkusTest
@TestProfile(SwaggerUiEnabledInProdTest.ProdWithSwaggerUi.class)
class SwaggerUiEnabledInProdTest {

    public static class ProdWithSwaggerUi implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "prod";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.swagger-ui.enabled", "true",
                    "ingest.api-key-digests", ApiKeys.digest("a-key"),
                    "kafka.security.protocol", "PLAINTEXT");
        }
    }

    @Test
    void servesSwaggerUiWhenEnabled() {
        Requests.anonymous().get("/q/swagger-ui/").then().statusCode(200);
    }
}
