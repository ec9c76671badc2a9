package io.saasreport.report.rest;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.saasreport.report.domain.CompanyField;
import io.saasreport.report.domain.CompanyMetrics;

/**
 * The companies table as CSV: a header of field names, one row per company, an empty cell for an unknown value. Text
 * that a spreadsheet would run as a formula is neutralised (OWASP's CSV injection advice); numbers stay numbers.
 */
final class CompaniesCsv {

    static final String MEDIA_TYPE = "text/csv";
    /** The first characters that make a spreadsheet read a cell as a formula (or as the start of one). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader(CompanyField.names().toArray(String[]::new))
            .get();

    static String of(List<CompanyMetrics> companies) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            for (CompanyMetrics company : companies) {
                printer.printRecord(CompanyField.ALL.stream().map(field -> cell(field.valueOf(company))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Numbers in plain notation (856013728687, not 8.56013728687E11), exactly as the JSON double reads. */
    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double number) {
            return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
        }
        return neutralised(value.toString());
    }

    /** Text a spreadsheet would run, prefixed with a single quote so that it shows as the text it is. */
    static String neutralised(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private CompaniesCsv() {
    }
}
