package io.saasreport.metrics.domain.company;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.saasreport.metrics.domain.TestJson;
import io.saasreport.metrics.domain.event.CompanyEvent;
import io.saasreport.metrics.domain.event.EstimateEvent;
import io.saasreport.metrics.domain.event.Filing;
import io.saasreport.metrics.domain.event.FilingEvent;
import io.saasreport.metrics.domain.event.FiscalQuarter;
import io.saasreport.metrics.domain.event.PriceEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompanyStateTest {

    private static final String TICKER = "ACME";
    private static final Instant T0 = Instant.parse("2026-11-01T21:00:00Z");

    private final CompanyState state = new CompanyState(TICKER);

    @Test
    void restatementWithLaterFiledAtReplacesQuarter() {
        state.apply(Filing.of(TICKER, 2026, 1).filedAt(T0).revenue(100.0).build());

        boolean changed = state.apply(Filing.of(TICKER, 2026, 1).filedAt(T0.plusSeconds(1)).revenue(120.0).build());

        assertTrue(changed);
        assertEquals(120.0, state.latestQuarter().orElseThrow().revenue());
    }

    @Test
    void equalFiledAtChangesNothing() {
        state.apply(Filing.of(TICKER, 2026, 1).filedAt(T0).revenue(100.0).build());

        boolean changed = state.apply(Filing.of(TICKER, 2026, 1).filedAt(T0).revenue(120.0).build());

        assertFalse(changed);
        assertEquals(100.0, state.latestQuarter().orElseThrow().revenue());
    }

    @Test
    void earlierFiledAtChangesNothing() {
        state.apply(Filing.of(TICKER, 2026, 1).filedAt(T0).revenue(100.0).build());

        boolean changed = state.apply(Filing.of(TICKER, 2026, 1).filedAt(T0.minusSeconds(60)).revenue(120.0).build());

        assertFalse(changed);
        assertEquals(100.0, state.latestQuarter().orElseThrow().revenue());
    }

    @Test
    void latestQuarterIsTheNewestFiscalQuarterNotTheLastFiled() {
        state.apply(Filing.of(TICKER, 2026, 2).filedAt(T0).revenue(200.0).build());
        state.apply(Filing.of(TICKER, 2026, 1).filedAt(T0.plusSeconds(60)).revenue(100.0).build());

        assertEquals(new FiscalQuarter(2026, 2), state.latestQuarter().orElseThrow().quarter());
    }

    @Test
    void olderPriceEntersHistoryButNotLatest() {
        state.apply(price(10.0, T0));

        boolean changed = state.apply(price(9.0, T0.minusSeconds(3600)));

        assertTrue(changed);
        assertEquals(new PricePoint(T0, 10.0), state.latestPrice().orElseThrow());
        assertEquals(List.of(new PricePoint(T0.minusSeconds(3600), 9.0), new PricePoint(T0, 10.0)),
                state.priceHistory());
    }

    @Test
    void replayedPriceDoesNotDuplicateAHistoryPoint() {
        state.apply(price(10.0, T0));

        boolean changed = state.apply(price(10.0, T0));

        assertFalse(changed);
        assertEquals(1, state.priceHistory().size());
    }

    @Test
    void secondPriceAtAnInstantAlreadyHeldChangesNothing() {
        state.apply(price(10.0, T0));

        assertFalse(state.apply(price(11.0, T0)));
        assertEquals(10.0, state.latestPrice().orElseThrow().price());
    }

    @Test
    void historyKeepsTheFloorOfAWeekAgoAndDropsOlderPrices() {
        Instant latest = T0.plus(Duration.ofDays(10));
        state.apply(price(1.0, T0));
        state.apply(price(2.0, T0.plus(Duration.ofDays(1))));
        state.apply(price(3.0, T0.plus(Duration.ofDays(2))));
        state.apply(price(5.0, T0.plus(Duration.ofDays(5))));

        state.apply(price(6.0, latest));
        state.apply(price(6.5, latest.plus(Duration.ofHours(1))));

        // The price before the latest (day 10) − 7 days = day 3: the floor entry is day 2; days 0 and 1 can never be
        // the reference again, even if the latest price is withdrawn.
        assertEquals(List.of(new PricePoint(T0.plus(Duration.ofDays(2)), 3.0),
                new PricePoint(T0.plus(Duration.ofDays(5)), 5.0),
                new PricePoint(latest, 6.0), new PricePoint(latest.plus(Duration.ofHours(1)), 6.5)),
                state.priceHistory());
    }

    @Test
    void latePriceOlderThanTheReferenceIsNotKept() {
        state.apply(price(3.0, T0.plus(Duration.ofDays(2))));
        state.apply(price(6.0, T0.plus(Duration.ofDays(10))));
        state.apply(price(6.5, T0.plus(Duration.ofDays(10)).plus(Duration.ofHours(1))));

        boolean changed = state.apply(price(1.0, T0));

        assertFalse(changed);
        assertEquals(3, state.priceHistory().size());
    }

    @Test
    void latePriceBecomesTheReferenceWhenThereWasNone() {
        state.apply(price(6.0, T0.plus(Duration.ofDays(10))));
        assertTrue(state.priceAtOrBefore(T0.plus(Duration.ofDays(3))).isEmpty());

        boolean changed = state.apply(price(3.0, T0.plus(Duration.ofDays(2))));

        assertTrue(changed);
        assertEquals(new PricePoint(T0.plus(Duration.ofDays(2)), 3.0),
                state.priceAtOrBefore(T0.plus(Duration.ofDays(3))).orElseThrow());
    }

    @Test
    void olderEstimateDoesNotReplaceNewer() {
        state.apply(EstimateEvent.ntm(TICKER, T0, 500.0, 50.0));

        boolean changed = state.apply(EstimateEvent.ntm(TICKER, T0.minusSeconds(1), 400.0, 40.0));

        assertFalse(changed);
        assertEquals(500.0, state.estimate().orElseThrow().ntmRevenue());
    }

    @Test
    void estimateWithEqualAsOfChangesNothing() {
        state.apply(EstimateEvent.ntm(TICKER, T0, 500.0, 50.0));

        assertFalse(state.apply(EstimateEvent.ntm(TICKER, T0, 400.0, 40.0)));
        assertEquals(500.0, state.estimate().orElseThrow().ntmRevenue());
    }

    @Test
    void newerEstimateReplacesOlder() {
        state.apply(EstimateEvent.ntm(TICKER, T0, 500.0, 50.0));

        assertTrue(state.apply(EstimateEvent.ntm(TICKER, T0.plusSeconds(1), 400.0, 40.0)));
        assertEquals(400.0, state.estimate().orElseThrow().ntmRevenue());
    }

    @Test
    void companyEventSetsTheNameOnce() {
        assertTrue(state.apply(new CompanyEvent(TICKER, "Acme Inc.")));
        assertFalse(state.apply(new CompanyEvent(TICKER, "Acme Inc.")));
        assertEquals("Acme Inc.", state.name().orElseThrow());
        assertTrue(state.apply(new CompanyEvent(TICKER, "Acme Corp.")));
        assertEquals("Acme Corp.", state.name().orElseThrow());
    }

    @Test
    void eventForAnotherTickerIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> state.apply(
                new PriceEvent("OTHER", 1.0, T0)));
    }

    @Test
    void consecutiveQuartersCrossTheYearBoundary() {
        state.apply(Filing.of(TICKER, 2025, 4).build());
        state.apply(Filing.of(TICKER, 2026, 1).build());

        List<FilingEvent> quarters = state.consecutiveQuarters(2).orElseThrow();

        assertEquals(new FiscalQuarter(2026, 1), quarters.get(0).quarter());
        assertEquals(new FiscalQuarter(2025, 4), quarters.get(1).quarter());
        assertTrue(state.consecutiveQuarters(3).isEmpty());
    }

    @Test
    void latestEventTimeIsTheNewestPriceEstimateOrFiling() {
        assertTrue(state.latestEventTime().isEmpty());
        state.apply(price(10.0, T0));
        state.apply(EstimateEvent.ntm(TICKER, T0.plusSeconds(5), 500.0, 50.0));
        state.apply(Filing.of(TICKER, 2024, 1).filedAt(T0.plusSeconds(9)).build());
        state.apply(Filing.of(TICKER, 2026, 1).filedAt(T0.plusSeconds(7)).build());

        assertEquals(T0.plusSeconds(9), state.latestEventTime().orElseThrow());
    }

    @Test
    void snapshotRoundTripThroughJsonGivesIdenticalStateAndMetrics() throws Exception {
        state.apply(new CompanyEvent(TICKER, "Acme Inc."));
        for (int quarter = 1; quarter <= 4; quarter++) {
            state.apply(Filing.of(TICKER, 2025, quarter).build());
            state.apply(Filing.of(TICKER, 2026, quarter).revenue(130.0).capitalExpenditures(null).build());
        }
        state.apply(new EstimateEvent(TICKER, T0, null, null, 600.0, 700.0, java.time.LocalDate.of(2027, 1, 31), 60.0, 70.0));
        for (int day = 0; day < 12; day++) {
            state.apply(price(10.0 + day, T0.plus(Duration.ofDays(day))));
        }

        String json = TestJson.MAPPER.writeValueAsString(state.snapshot());
        CompanyState restored = CompanyState.restore(TestJson.MAPPER.readValue(json, CompanyState.Snapshot.class));

        assertEquals(state.snapshot(), restored.snapshot());
        assertEquals(CompanyMetrics.of(state), CompanyMetrics.of(restored));
    }

    private static PriceEvent price(double price, Instant at) {
        return new PriceEvent(TICKER, price, at);
    }
}
