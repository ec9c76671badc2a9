package io.saasreport.metrics.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import io.saasreport.metrics.domain.event.CompanyEvent;
import io.saasreport.metrics.domain.event.EstimateEvent;
import io.saasreport.metrics.domain.event.Filing;
import io.saasreport.metrics.domain.event.MacroEvent;
import io.saasreport.metrics.domain.event.MarketEvent;
import io.saasreport.metrics.domain.event.PriceEvent;
import io.saasreport.metrics.domain.universe.UniverseAssertions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsEngineTest {

    private static final Instant T0 = Instant.parse("2026-11-01T21:00:00Z");

    private final MetricsEngine engine = new MetricsEngine();

    @Test
    void companyIsInTheUniverseOnceAnyEventNamesIt() {
        MetricsEngine.Result result = engine.apply(new CompanyEvent("ACME", "Acme Inc."));

        assertTrue(result.changed());
        assertEquals("ACME", result.ticker());
        assertEquals("Acme Inc.", result.company().orElseThrow().name());
        assertEquals(List.of("ACME"), List.copyOf(engine.tickers()));
        assertEquals(0, result.universe().companyCount());
    }

    @Test
    void duplicateEventReportsNoChangeAndNoCompanyFigures() {
        PriceEvent price = new PriceEvent("ACME", 10.0, T0);
        engine.apply(price);

        MetricsEngine.Result replay = engine.apply(price);

        assertFalse(replay.changed());
        assertTrue(replay.company().isEmpty());
        assertEquals(T0, replay.universe().asOf());
    }

    @Test
    void macroEventChangesTheUniverseOnly() {
        MetricsEngine.Result result = engine.apply(new MacroEvent(T0, 4.1));

        assertTrue(result.changed());
        assertNull(result.ticker());
        assertTrue(result.company().isEmpty());
        assertEquals(4.1, result.universe().tenYearYield());
        assertEquals(4.1, engine.macro().orElseThrow().tenYearYield());
        assertFalse(engine.apply(new MacroEvent(T0.minusSeconds(1), 5.0)).changed());
    }

    @Test
    void priceChangeMovesTheCompanysMultipleInTheUniverse() {
        feedValuedCompany("ACME", 10.0);
        double before = engine.universe().medianEvToNtmRevenue();

        MetricsEngine.Result result = engine.apply(new PriceEvent("ACME", 20.0, T0.plusSeconds(60)));

        double after = result.company().orElseThrow().evToNtmRevenue();
        assertEquals(after, result.universe().medianEvToNtmRevenue());
        assertTrue(after > before);
        assertEquals(T0.plusSeconds(60), result.universe().asOf());
    }

    @Test
    void restoredEngineContinuesLikeTheOriginal() {
        feedValuedCompany("ACME", 10.0);
        feedValuedCompany("BETA", 30.0);
        engine.apply(new MacroEvent(T0, 4.1));

        MetricsEngine restored = MetricsEngine.restore(engine.companySnapshots(), engine.macro().orElse(null));
        PriceEvent next = new PriceEvent("BETA", 31.0, T0.plus(Duration.ofDays(8)));

        assertEquals(engine.apply(next), restored.apply(next));
        assertEquals(engine.companySnapshot("BETA"), restored.companySnapshot("BETA"));
        assertEquals(engine.allCompanyMetrics(), restored.allCompanyMetrics());
    }

    @Test
    void outOfOrderAndDuplicatedEventsGiveTheSameFiguresAsInOrder() {
        List<MarketEvent> events = new ArrayList<>();
        Random random = new Random(11);
        for (String ticker : List.of("AAA", "BBB", "CCC", "DDD", "EEE", "FFF")) {
            events.add(new CompanyEvent(ticker, ticker + " Inc."));
            for (int quarter = 0; quarter < 9; quarter++) {
                int year = 2024 + quarter / 4;
                events.add(Filing.of(ticker, year, quarter % 4 + 1).revenue(100.0 + 10 * quarter + random.nextInt(10))
                        .subscriptionRevenue(80.0 + 12 * quarter).build());
            }
            // A restatement of the latest quarter, filed later.
            events.add(Filing.of(ticker, 2026, 1).revenue(200.0).filedAt(T0).build());
            events.add(new EstimateEvent(ticker, T0.minus(Duration.ofDays(30)), null, null, 700.0, 900.0,
                    LocalDate.of(2027, 1, 31), 70.0, 90.0));
            events.add(EstimateEvent.ntm(ticker, T0, 600.0 + random.nextInt(400), 50.0 + random.nextInt(50)));
            for (int day = 0; day < 20; day++) {
                events.add(new PriceEvent(ticker, 5 + random.nextDouble() * 5, T0.plus(Duration.ofDays(day))));
            }
        }
        events.add(new MacroEvent(T0, 4.2));
        events.add(new MacroEvent(T0.plusSeconds(1), 4.3));

        MetricsEngine inOrder = new MetricsEngine();
        events.forEach(inOrder::apply);
        List<MarketEvent> shuffled = new ArrayList<>(events);
        shuffled.addAll(events.subList(0, events.size() / 2));
        Collections.shuffle(shuffled, new Random(5));
        MetricsEngine outOfOrder = new MetricsEngine();
        shuffled.forEach(outOfOrder::apply);

        assertEquals(inOrder.allCompanyMetrics(), outOfOrder.allCompanyMetrics());
        assertEquals(inOrder.companySnapshots(), outOfOrder.companySnapshots());
        UniverseAssertions.assertSameUniverse(inOrder.universe(), outOfOrder.universe(), "shuffled");
        assertEquals(6, inOrder.universe().companyCount());
    }

    /** A company with four quarters, a price and an estimate, so it has a multiple. */
    private void feedValuedCompany(String ticker, double price) {
        engine.apply(new CompanyEvent(ticker, ticker + " Inc."));
        for (int quarter = 1; quarter <= 4; quarter++) {
            engine.apply(Filing.of(ticker, 2026, quarter).build());
        }
        engine.apply(new PriceEvent(ticker, price, T0));
        engine.apply(EstimateEvent.ntm(ticker, T0, 500.0, 50.0));
    }
}
