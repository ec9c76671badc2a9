package io.saasreport.ingest.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.saasreport.ingest.TestData;
import io.saasreport.contracts.EventError;
import io.saasreport.ingest.domain.PriceEvent;
import io.saasreport.ingest.domain.RejectedRequestException;
import io.saasreport.ingest.domain.RejectionReason;

class PriceCsvImporterTest {

    /** 2020-12-11 16:00 in New York (EST, UTC-5). */
    private static final Instant DEC_11_2020_CLOSE = Instant.parse("2020-12-11T21:00:00Z");

    @Test
    void readsNasdaqComExport() {
        List<PriceEvent> events = PriceCsvImporter.parse("DDOG", TestData.text(TestData.NASDAQ_DDOG), TestData.window(), TestData.MAX_ROWS);
        assertEquals(1120, events.size());
        // Newest first, as nasdaq.com writes it: 03/01/2024,$130.22
        assertEquals(new PriceEvent("DDOG", new BigDecimal("130.22"), Instant.parse("2024-03-01T21:00:00Z")), events.get(0));
    }

    @Test
    void readsYahooExportWithoutTrailingNewline() {
        List<PriceEvent> events = PriceCsvImporter.parse("DDOG", TestData.text(TestData.YAHOO_DDOG), TestData.window(), TestData.MAX_ROWS);
        assertEquals(312, events.size());
        // 2019-09-19,...,37.549999 (float artefact) rounds to the quoted 37.55
        assertEquals(new PriceEvent("DDOG", new BigDecimal("37.55"), Instant.parse("2019-09-19T20:00:00Z")), events.get(0));
    }

    @Test
    void readsStooqBulkFile() {
        List<PriceEvent> events = PriceCsvImporter.parse("DDOG", TestData.text(TestData.STOOQ_DDOG), TestData.window(), TestData.MAX_ROWS);
        assertEquals(1287, events.size());
        assertEquals(new PriceEvent("DDOG", new BigDecimal("37.55"), Instant.parse("2019-09-19T20:00:00Z")), events.get(0));
    }

    @Test
    void allThreeSourcesGiveTheSameCloseForTheSameDay() {
        for (String file : List.of(TestData.NASDAQ_DDOG, TestData.YAHOO_DDOG, TestData.STOOQ_DDOG)) {
            Map<Instant, BigDecimal> closes = PriceCsvImporter.parse("DDOG", TestData.text(file), TestData.window(), TestData.MAX_ROWS).stream()
                    .collect(Collectors.toMap(PriceEvent::at, PriceEvent::price));
            assertEquals(new BigDecimal("98.98"), closes.get(DEC_11_2020_CLOSE), file);
        }
    }

    @Test
    void stampsTheCloseAtFourPmNewYorkInSummerToo() {
        List<PriceEvent> events = PriceCsvImporter.parse("DDOG", """
                Date,Open,High,Low,Close,Adj Close,Volume
                2024-07-01,1,1,1,2.5,2.5,10""", TestData.window(), TestData.MAX_ROWS);
        assertEquals(Instant.parse("2024-07-01T20:00:00Z"), events.get(0).at());
    }

    @Test
    void acceptsNasdaqCloseLastHeaderAndYahooWithoutAdjClose() {
        assertEquals(1, PriceCsvImporter.parse("DDOG", "Date,Close/Last,Volume,Open,High,Low\n03/01/2024,$130.22,\"3,470,153\",$131.75,$131.94,$129.20\n", TestData.window(), TestData.MAX_ROWS).size());
        assertEquals(1, PriceCsvImporter.parse("DDOG", "Date,Open,High,Low,Close,Volume\n2024-03-01,1,1,1,2,10\n", TestData.window(), TestData.MAX_ROWS).size());
    }

    @Test
    void rejectsBadRowsNamingTheirLines() {
        RejectedRequestException rejection = assertThrows(RejectedRequestException.class, () -> PriceCsvImporter.parse("DDOG", """
                Date,Close,Volume,Open,High,Low
                03/01/2024,$130.22,"3,470,153",$131.75,$131.94,$129.20
                2024-02-29,$131.46,"5,176,432",$130.47,$134.30,$129.41
                02/28/2024,$0.00,"1",$1,$1,$1
                02/27/2024,N/A,"1",$1,$1,$1
                """, TestData.window(), TestData.MAX_ROWS));
        assertEquals(RejectionReason.VALIDATION, rejection.reason());
        assertEquals(List.of(
                new EventError(null, 3, "Date", "must be a date as MM/DD/YYYY, was '2024-02-29'"),
                new EventError(null, 4, "Close", "must be > 0, was '$0.00'"),
                new EventError(null, 5, "Close", "must be a number, was 'N/A'")), rejection.errors());
        assertEquals(Map.of("price", 4), rejection.rejectedByType());
    }

    @Test
    void rejectsStooqRowsOfAnotherTicker() {
        RejectedRequestException rejection = assertThrows(RejectedRequestException.class,
                () -> PriceCsvImporter.parse("MDB", TestData.text(TestData.STOOQ_DDOG), TestData.window(), TestData.MAX_ROWS));
        assertEquals(new EventError(null, 2, "<TICKER>", "is 'DDOG.US', not the requested ticker MDB"), rejection.errors().get(0));
    }

    @Test
    void rejectsUnknownHeader() {
        RejectedRequestException rejection = assertThrows(RejectedRequestException.class,
                () -> PriceCsvImporter.parse("DDOG", "day,price\n2024-03-01,1\n", TestData.window(), TestData.MAX_ROWS));
        assertEquals(RejectionReason.MALFORMED, rejection.reason());
        assertTrue(rejection.getMessage().startsWith("Unrecognized price CSV header 'day,price'"), rejection.getMessage());
    }

    @Test
    void rejectsHeaderWithoutRows() {
        assertEquals(RejectionReason.EMPTY, assertThrows(RejectedRequestException.class,
                () -> PriceCsvImporter.parse("DDOG", "Date,Open,High,Low,Close,Adj Close,Volume\n", TestData.window(), TestData.MAX_ROWS)).reason());
    }

    @Test
    void roundsToFourDecimalsWithoutExponents() {
        assertEquals("98.98", PriceCsvImporter.normalize(new BigDecimal("98.980003")).toPlainString());
        assertEquals("100", PriceCsvImporter.normalize(new BigDecimal("100.000000")).toString());
        assertEquals("129.2001", PriceCsvImporter.normalize(new BigDecimal("129.2001")).toString());
    }
}
