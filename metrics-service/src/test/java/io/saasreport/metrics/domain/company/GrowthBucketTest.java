package io.saasreport.metrics.domain.company;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class GrowthBucketTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /** High is strictly above 22 %, mid includes both bounds, low is strictly below 15 %. */
    @ParameterizedTest
    @CsvSource({ "0.2200001, HIGH", "0.9, HIGH", "0.22, MID", "0.18, MID", "0.15, MID", "0.1499999, LOW", "-0.3, LOW" })
    void bucketOfAnNtmGrowth(double ntmGrowth, GrowthBucket bucket) {
        assertEquals(bucket, GrowthBucket.of(ntmGrowth));
    }

    @ParameterizedTest
    @CsvSource({ "0.26, high", "0.15, mid", "0.05, low" })
    void publishedWithTheFiguresInLowerCase(double ntmGrowth, String published) throws Exception {
        CompanyMetrics company = JSON.readValue("{\"ticker\": \"ACME\", \"ntmGrowth\": " + ntmGrowth + "}", CompanyMetrics.class);
        assertEquals(published, JSON.valueToTree(company).path("growthBucket").asText());
    }

    @Test
    void publishedAsNullWithoutNtmGrowthAndIgnoredWhenReadBack() throws Exception {
        JsonNode json = JSON.valueToTree(RandomMetrics.empty("ACME"));
        assertTrue(json.has("growthBucket"));
        assertTrue(json.path("growthBucket").isNull());
        ((ObjectNode) json).put("growthBucket", "high");
        assertEquals(RandomMetrics.empty("ACME"), JSON.treeToValue(json, CompanyMetrics.class));
    }
}
