package io.saasreport.metrics.domain.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import io.saasreport.metrics.domain.TestJson;
import io.saasreport.metrics.domain.company.CompanyMetricsCalculator;
import io.saasreport.metrics.domain.company.CompanyState;
import io.saasreport.metrics.domain.universe.UniverseStatistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventJsonTest {

    @Test
    void priceEventReadsByItsTypeField() throws Exception {
        MarketEvent event = TestJson.MAPPER.readValue(
                "{\"type\":\"price\",\"ticker\":\"ACME\",\"price\":12.5,\"at\":\"2026-11-20T21:00:00Z\",\"venue\":\"X\"}",
                MarketEvent.class);

        assertEquals(new PriceEvent("ACME", 12.5, Instant.parse("2026-11-20T21:00:00Z")), event);
    }

    @Test
    void concreteEventTypeReadsTheSameJson() throws Exception {
        PriceEvent event = TestJson.MAPPER.readValue(
                "{\"type\":\"price\",\"ticker\":\"ACME\",\"price\":12.5,\"at\":\"2026-11-20T21:00:00Z\"}",
                PriceEvent.class);

        assertEquals(12.5, event.price());
    }

    @Test
    void filingWithAbsentFieldsLeavesThemNull() throws Exception {
        MarketEvent event = TestJson.MAPPER.readValue("{\"type\":\"filing\",\"ticker\":\"ACME\",\"fiscalYear\":2026,"
                + "\"fiscalQuarter\":3,\"periodEnd\":\"2026-10-11\",\"filedAt\":\"2026-11-10T21:05:00Z\","
                + "\"revenue\":100.5,\"sharesOutstanding\":937173260}", MarketEvent.class);

        FilingEvent filing = assertInstanceOf(FilingEvent.class, event);
        assertEquals(new FiscalQuarter(2026, 3), filing.quarter());
        assertEquals(LocalDate.of(2026, 10, 11), filing.periodEnd());
        assertEquals(937173260L, filing.sharesOutstanding());
        assertNull(filing.cash());
        assertNull(filing.capitalExpenditures());
    }

    @Test
    void estimateMacroAndCompanyEventsRead() throws Exception {
        assertInstanceOf(EstimateEvent.class, TestJson.MAPPER.readValue("{\"type\":\"estimate\",\"ticker\":\"A\","
                + "\"asOf\":\"2026-09-21T21:00:00Z\",\"fy1End\":\"2026-12-21\",\"fy1Revenue\":1.0,\"fy2Revenue\":2.0}",
                MarketEvent.class));
        assertEquals(new MacroEvent(Instant.parse("2026-11-19T21:00:00Z"), 4.31), TestJson.MAPPER.readValue(
                "{\"type\":\"macro\",\"asOf\":\"2026-11-19T21:00:00Z\",\"tenYearYield\":4.31}", MarketEvent.class));
        assertEquals(new CompanyEvent("A", "A Inc."), TestJson.MAPPER.readValue(
                "{\"type\":\"company\",\"ticker\":\"A\",\"name\":\"A Inc.\"}", MarketEvent.class));
    }

    @Test
    void nonPositivePriceIsRejected() {
        assertThrows(ValueInstantiationException.class, () -> TestJson.MAPPER.readValue(
                "{\"type\":\"price\",\"ticker\":\"ACME\",\"price\":0,\"at\":\"2026-11-20T21:00:00Z\"}",
                MarketEvent.class));
    }

    @Test
    void filingWithoutRevenueIsRejected() {
        assertThrows(ValueInstantiationException.class, () -> TestJson.MAPPER.readValue(
                "{\"type\":\"filing\",\"ticker\":\"ACME\",\"fiscalYear\":2026,\"fiscalQuarter\":3,"
                        + "\"filedAt\":\"2026-11-10T21:05:00Z\"}", MarketEvent.class));
    }

    @Test
    void companyMetricsSerializeTheirNulls() {
        JsonNode json = TestJson.MAPPER.valueToTree(CompanyMetricsCalculator.compute(new CompanyState("ACME")));

        assertTrue(json.has("evToNtmRevenue"));
        assertTrue(json.get("evToNtmRevenue").isNull());
        assertTrue(json.get("growthBucket").isNull());
        assertEquals(31 + 1, json.size(), "the 31 figures and the growth bucket");
    }

    @Test
    void universeSnapshotSerializesItsNulls() {
        JsonNode json = TestJson.MAPPER.valueToTree(new UniverseStatistics().snapshot());

        assertTrue(json.get("regression").isNull());
        assertTrue(json.get("buckets").get("high").get("medianEvToNtmRevenue").isNull());
        assertEquals(12, json.get("operatingMedians").size());
    }
}
