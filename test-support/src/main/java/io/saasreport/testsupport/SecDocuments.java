package io.saasreport.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * SEC documents derived from the recorded ones, for states no recording shows (each use says so): a submissions index
 * made from a companyfacts document's own {@code accn}/{@code form}/{@code filed} fields (no Snowflake index is
 * recorded), and a company's documents as they stood before its newest filing (the filing's entries taken out).
 */
public final class SecDocuments {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A submissions index listing every filing the companyfacts document cites, newest first. */
    public static byte[] submissionsFromCompanyFacts(byte[] companyFacts) {
        JsonNode facts = read(companyFacts);
        Map<String, String[]> filings = new LinkedHashMap<>();
        facts.path("facts").forEach(taxonomy -> taxonomy.forEach(concept -> concept.path("units").forEach(unit -> unit
                .forEach(fact -> filings.putIfAbsent(fact.path("accn").asText(),
                        new String[] { fact.path("accn").asText(), fact.path("form").asText(), fact.path("filed").asText() })))));
        List<String[]> newestFirst = filings.values().stream()
                .sorted(Comparator.comparing((String[] filing) -> filing[2]).thenComparing(filing -> filing[0]).reversed())
                .toList();
        ObjectNode index = MAPPER.createObjectNode();
        index.put("cik", facts.path("cik").asText());
        index.put("name", facts.path("entityName").asText());
        ObjectNode recent = index.putObject("filings").putObject("recent");
        ArrayNode accessions = recent.putArray("accessionNumber");
        ArrayNode forms = recent.putArray("form");
        ArrayNode dates = recent.putArray("filingDate");
        newestFirst.forEach(filing -> {
            accessions.add(filing[0]);
            forms.add(filing[1]);
            dates.add(filing[2]);
        });
        return write(index);
    }

    /** The submissions index as it stood before the filing {@code accession}: it and every later one taken out. */
    public static byte[] submissionsBefore(byte[] submissions, String accession) {
        ObjectNode index = (ObjectNode) read(submissions);
        ObjectNode recent = (ObjectNode) index.path("filings").path("recent");
        JsonNode accessions = recent.path("accessionNumber");
        int later = 0;
        while (later < accessions.size() && !accessions.get(later).asText().equals(accession)) {
            later++;
        }
        if (later == accessions.size()) {
            throw new IllegalArgumentException("The index does not list " + accession);
        }
        int count = later + 1;
        recent.properties().forEach(column -> {
            if (column.getValue() instanceof ArrayNode values) {
                for (int i = 0; i < count && !values.isEmpty(); i++) {
                    values.remove(0);
                }
            }
        });
        return write(index);
    }

    /** The companyfacts document without the facts one filing (accession number) brought: as it stood before it. */
    public static byte[] companyFactsWithout(byte[] companyFacts, String accession) {
        ObjectNode facts = (ObjectNode) read(companyFacts);
        facts.path("facts").forEach(taxonomy -> taxonomy.forEach(concept -> concept.path("units").forEach(unit -> {
            ArrayNode values = (ArrayNode) unit;
            for (int i = values.size() - 1; i >= 0; i--) {
                if (values.get(i).path("accn").asText().equals(accession)) {
                    values.remove(i);
                }
            }
        })));
        return write(facts);
    }

    private static JsonNode read(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] write(JsonNode json) {
        try {
            return MAPPER.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SecDocuments() {
    }
}
