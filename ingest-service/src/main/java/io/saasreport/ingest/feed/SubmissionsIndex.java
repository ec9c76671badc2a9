package io.saasreport.ingest.feed;

import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A company's SEC submissions index ({@code data.sec.gov/submissions/CIK##########.json}): its recent filings, newest
 * first, as parallel arrays {@code filings.recent.accessionNumber / form / filingDate}.
 */
final class SubmissionsIndex {

    /** The reports that bring new quarters into companyfacts. */
    static final Set<String> PERIODIC_REPORTS = Set.of("10-Q", "10-K", "10-Q/A", "10-K/A");

    record Filing(String accessionNumber, String form, String filingDate) {
    }

    /** The newest 10-Q or 10-K (or an amendment of one), if the index lists any. */
    static Optional<Filing> latestPeriodicReport(JsonNode index) {
        JsonNode recent = index.path("filings").path("recent");
        JsonNode accessions = recent.path("accessionNumber");
        JsonNode forms = recent.path("form");
        JsonNode dates = recent.path("filingDate");
        if (!accessions.isArray() || !forms.isArray() || accessions.size() != forms.size()) {
            throw new IllegalArgumentException("not a submissions index: filings.recent.accessionNumber and form must be "
                    + "arrays of the same length");
        }
        for (int i = 0; i < accessions.size(); i++) {
            if (PERIODIC_REPORTS.contains(forms.get(i).asText())) {
                return Optional.of(new Filing(accessions.get(i).asText(), forms.get(i).asText(), dates.path(i).asText()));
            }
        }
        return Optional.empty();
    }

    private SubmissionsIndex() {
    }
}
