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

/** The companies table as CSV: a header of field names, one row per company, an empty cell for an unknown value. */
final class CompaniesCsv {

    static final String MEDIA_TYPE = "text/csv";

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
        return value.toString();
    }

    private CompaniesCsv() {
    }
}
