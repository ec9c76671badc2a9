package io.saasreport.report.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.saasreport.testsupport.AsyncApiDocument;

/**
 * The report reads company.filings into its own {@link Filing} (tolerant number types, no event rules: those are the
 * metrics domain's), held to the one contract: the topic's schema in the contracts module.
 */
class FilingContractTest {

    @Test
    void aFilingHoldsEveryFieldOfTheTopicsSchemaInItsOrder() {
        assertEquals(AsyncApiDocument.valueFields("company.filings"), AsyncApiDocument.components(Filing.class));
    }
}
