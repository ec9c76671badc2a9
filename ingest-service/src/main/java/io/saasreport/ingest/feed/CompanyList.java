package io.saasreport.ingest.feed;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.saasreport.ingest.domain.EventRules;

/**
 * The companies the feeds follow, read from a {@code ticker,exchange,cik,name} CSV (the shipped {@code feeds/companies.csv}
 * or {@code feeds.companies-file}). A company listed without a CIK gets the one SEC's ticker file gives it.
 */
public final class CompanyList {

    static final List<String> HEADER = List.of("ticker", "exchange", "cik", "name");

    private final List<Company> listed;
    private final Map<String, Long> resolved = new ConcurrentHashMap<>();

    CompanyList(List<Company> listed) {
        this.listed = List.copyOf(listed);
    }

    /** Reads the list; a bad line stops the start, named by its number ({@code source} says which file). */
    public static CompanyList read(Reader csv, String source) {
        List<Company> companies = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(csv, CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get())) {
            for (CSVRecord record : parser) {
                List<String> values = record.stream().map(String::trim).toList();
                if (record.getRecordNumber() == 1) {
                    if (!values.equals(HEADER)) {
                        throw new IllegalArgumentException(source + ": the first line must be " + String.join(",", HEADER));
                    }
                    continue;
                }
                companies.add(company(values, source + " line " + record.getParser().getCurrentLineNumber()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": " + e.getMessage(), e);
        }
        if (companies.isEmpty()) {
            throw new IllegalArgumentException(source + ": lists no company");
        }
        return new CompanyList(companies);
    }

    private static Company company(List<String> values, String where) {
        if (values.size() != HEADER.size()) {
            throw new IllegalArgumentException(where + ": needs 4 values, has " + values.size());
        }
        String ticker = values.get(0);
        EventRules.checkTicker(ticker).ifPresent(message -> {
            throw new IllegalArgumentException(where + ": ticker " + message);
        });
        OptionalLong cik = OptionalLong.empty();
        if (!values.get(2).isEmpty()) {
            try {
                cik = OptionalLong.of(Long.parseLong(values.get(2)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + ": cik must be digits or empty, was '" + values.get(2) + "'");
            }
            if (cik.getAsLong() < 1 || cik.getAsLong() > 9_999_999_999L) {
                throw new IllegalArgumentException(where + ": cik must have 1 to 10 digits, was '" + values.get(2) + "'");
            }
        }
        if (values.get(3).isEmpty() || values.get(3).chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(where + ": name must be given, without control characters");
        }
        return new Company(ticker, values.get(1), cik, values.get(3));
    }

    /** Every company, with the CIK resolved so far. */
    public List<Company> companies() {
        return listed.stream().map(company -> company.cik().isPresent() || !resolved.containsKey(company.ticker()) ? company
                : new Company(company.ticker(), company.exchange(), OptionalLong.of(resolved.get(company.ticker())),
                        company.name())).toList();
    }

    public List<String> withoutCik() {
        return companies().stream().filter(company -> company.cik().isEmpty()).map(Company::ticker).toList();
    }

    void resolve(String ticker, long cik) {
        resolved.put(ticker, cik);
    }
}
