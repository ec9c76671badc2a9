package io.saasreport.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.saasreport.testsupport.RecordedSources;

/** SEC's real ticker file (recordings/PROVENANCE.md) gives the shipped list's CIKs. */
class SecTickerFeedTest {

    @Test
    void readsTheRealTickerFile() throws Exception {
        var ciks = SecTickerFeed.ciks(new ObjectMapper().readTree(RecordedSources.resource("/recordings/sec/company_tickers.json")));
        assertEquals(9_610, ciks.size());
        assertEquals(1640147L, ciks.get("SNOW"));
        assertEquals(1318605L, ciks.get("TSLA"));
        assertEquals(1561550L, ciks.get("DDOG"));
    }
}
