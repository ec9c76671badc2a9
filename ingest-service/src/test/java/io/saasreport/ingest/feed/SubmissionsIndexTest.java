package io.saasreport.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.saasreport.testsupport.RecordedSources;

/** Tesla's real submissions index (recordings/PROVENANCE.md): Form 4s come first, the newest 10-Q after them. */
class SubmissionsIndexTest {

    @Test
    void findsTheNewestPeriodicReportInARealIndex() throws Exception {
        assertEquals(Optional.of(new SubmissionsIndex.Filing("0000950170-22-019867", "10-Q", "2022-10-24")),
                SubmissionsIndex.latestPeriodicReport(new ObjectMapper().readTree(
                        RecordedSources.resource("/recordings/sec/tsla_submissions.json"))));
    }

    @Test
    void anIndexOfAnnualForeignReportsHasNone() throws Exception {
        assertEquals(Optional.empty(), SubmissionsIndex.latestPeriodicReport(new ObjectMapper().readTree(
                "{\"filings\":{\"recent\":{\"accessionNumber\":[\"a\",\"b\"],\"form\":[\"20-F\",\"6-K\"],\"filingDate\":[\"x\",\"y\"]}}}")));
    }
}
