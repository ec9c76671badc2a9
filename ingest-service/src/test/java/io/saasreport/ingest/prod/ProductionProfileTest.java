package io.saasreport.ingest.prod;

import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import io.saasreport.ingest.rest.Requests;
import io.saasreport.ingest.security.ApiKeys;

/**
 * The service in the prod profile, as deployed: keys from a mounted file that is replaced while it runs,
 * Swagger UI not served. Kafka is the plaintext test broker, chosen the way the local stack chooses it
 * (KAFKA_SECURITY_PROTOCOL=PLAINTEXT: then no Kafka login is required).
 */
@QuarkusTest
@TestProfile(ProductionProfileTest.Prod.class)
class ProductionProfileTest {

    static final Path KEY_FILE = Path.of("target/prod-profile-test/api-keys");
    private static final String OLD_KEY = "old-key-3f9a";
    private static final String NEW_KEY = "new-key-81c2";
    private static final String COMPANY = "{\"type\":\"company\",\"ticker\":\"ROT\",\"name\":\"Rotation Inc.\"}";

    public static class Prod implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "prod";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            replaceKeyFile(ApiKeys.digest(OLD_KEY) + "\n");
            return Map.of(
                    "ingest.api-key-file", KEY_FILE.toString(),
                    "kafka.security.protocol", "PLAINTEXT");
        }
    }

    @Test
    void servesNoSwaggerUiInProd() {
        Requests.anonymous().get("/q/swagger-ui/").then().statusCode(404);
        // The API description stays: clients generate from it.
        Requests.anonymous().accept("application/json").get("/q/openapi").then().statusCode(200);
    }

    @Test
    void rotatesKeysFromTheMountedFileWithoutARestart() {
        assertAccepted(as(OLD_KEY));
        assertRefused(as(NEW_KEY));

        // Step 1: the new key is added beside the old one; clients move over.
        replaceKeyFile(ApiKeys.digest(OLD_KEY) + "\n" + ApiKeys.digest(NEW_KEY) + "\n");
        assertAccepted(as(OLD_KEY));
        assertAccepted(as(NEW_KEY));

        // Step 2: the old key is removed.
        replaceKeyFile("# rotated\n" + ApiKeys.digest(NEW_KEY) + "\n");
        assertRefused(as(OLD_KEY));
        assertAccepted(as(NEW_KEY));
    }

    private static RequestSpecification as(String key) {
        return Requests.anonymous().header("Authorization", "Bearer " + key).contentType("application/json").body(COMPANY);
    }

    private static void assertAccepted(RequestSpecification request) {
        request.post("/api/v1/events").then().statusCode(202).body("accepted", equalTo(1));
    }

    private static void assertRefused(RequestSpecification request) {
        request.post("/api/v1/events").then().statusCode(401).body("detail", equalTo("The bearer API key is not valid"));
    }

    /** As Kubernetes updates a mounted Secret: the new content is moved into place at once. */
    static void replaceKeyFile(String content) {
        try {
            Files.createDirectories(KEY_FILE.getParent());
            Path next = Files.createTempFile(KEY_FILE.getParent(), "next", ".tmp");
            Files.writeString(next, content);
            Files.move(next, KEY_FILE, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
