package io.saasreport.report.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

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

    /** Every name a spreadsheet would run (OWASP's CSV injection list) comes out as the text it is, quote-prefixed. */
    @Test
    void neutralisesTextASpreadsheetWouldRunAndKeepsNegativeNumbersAsNumbers() throws IOException {
        List<String> hostile = List.of("=HYPERLINK(\"http://x\",\"y\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
                "\t=1+1", "\r=1+1");
        List<CompanyMetrics> companies = hostile.stream().map(name -> company("H" + hostile.indexOf(name), name, -12.5)).toList();

        List<CSVRecord> rows = parse(CompaniesCsv.of(companies));

        for (int i = 0; i < hostile.size(); i++) {
            assertEquals("'" + hostile.get(i), rows.get(i).get("name"), "row " + i);
            assertEquals("-12.5", rows.get(i).get("price"), "a negative number is a number: row " + i);
        }
    }

    @Test
    void leavesOrdinaryTextAloneAndNeutralisesAHostileTicker() throws IOException {
        List<CSVRecord> rows = parse(CompaniesCsv.of(List.of(company("=1+1", "Acme = Widgets - Inc. @ 2026", 3.0))));

        assertEquals("'=1+1", rows.get(0).get("ticker"));
        assertEquals("Acme = Widgets - Inc. @ 2026", rows.get(0).get("name"));
        assertEquals("3", rows.get(0).get("price"));
    }

    private static CompanyMetrics company(String ticker, String name, double price) {
        return new CompanyMetrics(ticker, name, Instant.parse("2026-11-20T21:21:00Z"), price, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
    }
}
