package io.saasreport.ingest.importer;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.saasreport.ingest.domain.RejectedRequestException;
import io.saasreport.ingest.domain.RejectionReason;

/** A CSV file read with Commons CSV: its header and its data rows, each with the file line it starts on. */
record CsvTable(List<String> header, List<Row> rows) {

    record Row(int line, CSVRecord record) {
        /** The cell without surrounding white space (strip, not trim: trim would drop a NUL at the end unseen). */
        String get(int column) {
            return column < record.size() ? record.get(column).strip() : "";
        }
    }

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .get();

    /**
     * Parses {@code text}, refusing it at the first data row past {@code maxRows}; {@code typeTag} names the events
     * the file was to become, for the rejection meter.
     */
    static CsvTable parse(String text, String typeTag, int maxRows) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text; // spreadsheet exports add a BOM
        int[] lineStarts = lineStarts(content);
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(content), FORMAT)) {
            for (CSVRecord record : parser) {
                if (header == null) {
                    header = record.stream().map(String::strip).toList();
                } else if (rows.size() == maxRows) {
                    throw RejectedRequestException.tooMany(maxRows, "rows", typeTag);
                } else {
                    rows.add(new Row(lineOf(lineStarts, record.getCharacterPosition()), record));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw RejectedRequestException.unreadable(RejectionReason.MALFORMED, "The body is not valid CSV: " + e.getMessage(), typeTag);
        }
        if (header == null) {
            throw RejectedRequestException.unreadable(RejectionReason.EMPTY, "The CSV file is empty", typeTag);
        }
        return new CsvTable(header, rows);
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** 1-based line of a character offset. */
    private static int lineOf(int[] lineStarts, long position) {
        int found = Arrays.binarySearch(lineStarts, (int) position);
        return found >= 0 ? found + 1 : -found - 1;
    }
}
