package io.saasreport.report.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.saasreport.report.domain.CompanyField;
import io.saasreport.report.domain.CompanyMetrics;

class CompaniesCsvTest {

    @Test
    void writesAHeaderOfFieldNamesAndPlainNumbersWithEmptyCellsForUnknownValues() {
        CompanyMetrics company = new CompanyMetrics("BPH", "Bph, \"Software\" Inc.", Instant.parse("2026-11-20T21:21:00Z"),
                1164.47, 302506885.0, 26652663755.34, 0.0, 352260192375.95, 325607528620.61, null, null, null, null, null,
                13.500266019788121, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, 1.0E-5, "high");

        List<String> lines = CompaniesCsv.of(List.of(company)).lines().toList();

        assertEquals(String.join(",", CompanyField.names()), lines.get(0));
        assertEquals("BPH,\"Bph, \"\"Software\"\" Inc.\",2026-11-20T21:21:00Z,1164.47,302506885,26652663755.34,0,"
                + "352260192375.95,325607528620.61,,,,,,13.500266019788121,,,,,,,,,,,,,,,,0.00001,high", lines.get(1));
    }
}
