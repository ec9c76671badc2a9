package io.saasreport.report.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class GrowthBucketTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void bucketsAreNamedInLowerCaseByTheApi() {
        assertEquals(Optional.of(GrowthBucket.HIGH), GrowthBucket.named("high"));
        assertEquals(Optional.empty(), GrowthBucket.named("HIGH"));
        assertEquals(Optional.empty(), GrowthBucket.named(null));
    }

    /** The bucket is the one metrics.company names, whatever the growth: the report restates no threshold. */
    @Test
    void aCompanysBucketIsTheOnePublishedWithItsFigures() throws Exception {
        assertEquals(Optional.of(GrowthBucket.MID), GrowthBucket.of(company("{\"ntmGrowth\": 0.9, \"growthBucket\": \"mid\"}")));
        assertEquals(Optional.empty(), GrowthBucket.of(company("{\"ntmGrowth\": 0.9, \"growthBucket\": null}")));
        assertEquals(Optional.empty(), GrowthBucket.of(company("{\"ntmGrowth\": 0.9}")));
    }

    private static CompanyMetrics company(String figures) throws Exception {
        return JSON.readValue("{\"ticker\": \"ACME\", \"asOf\": \"2026-11-20T21:21:00Z\", " + figures.substring(1),
                CompanyMetrics.class);
    }
}
