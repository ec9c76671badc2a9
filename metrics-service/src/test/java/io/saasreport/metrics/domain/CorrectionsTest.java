package io.saasreport.metrics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.saasreport.metrics.domain.company.CompanyMetrics;
import io.saasreport.metrics.domain.company.CompanyMetricsCalculator;
import io.saasreport.metrics.domain.company.CompanyState;
import io.saasreport.metrics.domain.company.PricePoint;
import io.saasreport.metrics.domain.company.Revised;
import io.saasreport.metrics.domain.company.RevisedCompany;
import io.saasreport.metrics.domain.event.CompanyEvent;
import io.saasreport.metrics.domain.event.CompanyRemoval;
import io.saasreport.metrics.domain.event.CompanyScopedEvent;
import io.saasreport.metrics.domain.event.Filing;
import io.saasreport.metrics.domain.event.FilingWithdrawal;
import io.saasreport.metrics.domain.event.FiscalQuarter;
import io.saasreport.metrics.domain.event.PriceCorrection;
import io.saasreport.metrics.domain.event.PriceEvent;
import io.saasreport.metrics.domain.universe.AlertThresholds;
import io.saasreport.metrics.domain.universe.BruteForceUniverse;
import io.saasreport.metrics.domain.universe.UniverseAssertions;
import io.saasreport.metrics.domain.universe.UniverseDefinition;
import io.saasreport.metrics.domain.universe.Universes;

/**
 * The correction rules of the domain: a price withdrawn or replaced, a filing withdrawn, a company removed; each
 * leaves the figures a run without the bad event would have, and a removal keeps the revision going.
 */
class CorrectionsTest {

    private static final String TICKER = "ACME";
    private static final Instant T0 = Instant.parse("2026-11-01T21:00:00Z");
    private static final Instant FAR_FUTURE = Instant.parse("2099-01-01T00:00:00Z");

    @Test
    void aWithdrawnFarFuturePriceLeavesTheFiguresOfAHistoryWithoutIt() {
        List<CompanyScopedEvent> real = new ArrayList<>();
        for (int day = 0; day <= 12; day++) {
            real.add(new PriceEvent(TICKER, 100.0 + day, T0.plus(Duration.ofDays(day))));
        }
        CompanyState clean = new CompanyState(TICKER);
        real.forEach(clean::apply);

        CompanyState state = new CompanyState(TICKER);
        real.subList(0, 10).forEach(state::apply);
        assertTrue(state.apply(new PriceEvent(TICKER, 9_999.0, FAR_FUTURE)));
        real.subList(10, real.size()).forEach(state::apply); // later real prices: kept, though older than 2099
        assertEquals(9_999.0, state.latestPrice().orElseThrow().price(), "the bad price freezes the latest");

        assertTrue(state.apply(PriceCorrection.withdrawal(TICKER, FAR_FUTURE)));

        assertEquals(CompanyMetricsCalculator.compute(clean), CompanyMetricsCalculator.compute(state));
        assertEquals(112.0, state.latestPrice().orElseThrow().price());
        assertFalse(state.apply(PriceCorrection.withdrawal(TICKER, FAR_FUTURE)), "withdrawn once");
    }

    @Test
    void aPriceCorrectionReplacesThePriceAtItsInstantOrAddsIt() {
        CompanyState state = new CompanyState(TICKER);
        state.apply(new PriceEvent(TICKER, 10.0, T0));
        state.apply(new PriceEvent(TICKER, 1_100.0, T0.plusSeconds(60)));

        assertFalse(state.apply(new PriceEvent(TICKER, 11.0, T0.plusSeconds(60))), "a price never replaces");
        assertTrue(state.apply(new PriceCorrection(TICKER, T0.plusSeconds(60), 11.0, "fix-1")));
        assertEquals(new PricePoint(T0.plusSeconds(60), 11.0, "fix-1"), state.latestPrice().orElseThrow());
        assertFalse(state.apply(new PriceCorrection(TICKER, T0.plusSeconds(60), 11.0, "fix-2")), "the same price");
        assertTrue(state.apply(new PriceCorrection(TICKER, T0.plusSeconds(120), 12.0, null)), "none held: added");
        assertEquals(3, state.priceHistory().size());
    }

    @Test
    void aWithdrawnFilingLetsAnEarlierFiledOneIn() {
        CompanyState state = new CompanyState(TICKER);
        state.apply(Filing.of(TICKER, 2026, 1).filedAt(T0).revenue(100.0).build());
        state.apply(Filing.of(TICKER, 2026, 1).filedAt(FAR_FUTURE).revenue(1_000.0).build());
        assertFalse(state.apply(Filing.of(TICKER, 2026, 1).filedAt(T0.plusSeconds(5)).revenue(100.0).build()),
                "the far-future filing wins over every real one");
        assertTrue(state.isRestated(new FiscalQuarter(2026, 1)));

        assertTrue(state.apply(new FilingWithdrawal(TICKER, 2026, 1, T0.plusSeconds(10))));
        assertTrue(state.latestQuarter().isEmpty());
        assertFalse(state.apply(new FilingWithdrawal(TICKER, 2026, 1, T0.plusSeconds(11))), "nothing held");

        assertTrue(state.apply(Filing.of(TICKER, 2026, 1).filedAt(T0).revenue(100.0).build()));
        assertEquals(100.0, state.latestQuarter().orElseThrow().revenue());
        assertFalse(state.isRestated(new FiscalQuarter(2026, 1)), "the quarter starts over");
        assertThrows(IllegalArgumentException.class, () -> new FilingWithdrawal(TICKER, 2026, 5, T0));
    }

    @Test
    void aRemovalDropsEverythingAndKeepsTheRevisionGoing() {
        RevisedCompany company = RevisedCompany.unknown(TICKER);
        assertFalse(company.apply(new CompanyRemoval(TICKER, T0)), "a company never named: nothing to remove");
        assertEquals(0, company.revision());

        company.apply(new CompanyEvent(TICKER, "Acme"));
        company.apply(new PriceEvent(TICKER, 10.0, T0));
        company.apply(Filing.of(TICKER, 2026, 1).filedAt(T0).revenue(100.0).build());
        long published = company.revision();
        assertFalse(company.isRemoved());

        assertTrue(company.apply(new CompanyRemoval(TICKER, T0.plusSeconds(1))));
        assertTrue(company.isRemoved());
        assertEquals(published + 1, company.revision());
        assertFalse(company.apply(new CompanyRemoval(TICKER, T0.plusSeconds(2))), "removed once");
        RevisedCompany restored = RevisedCompany.restore(company.stored());
        assertTrue(restored.isRemoved());

        assertTrue(restored.apply(new PriceEvent(TICKER, 12.0, T0.plusSeconds(3))));
        assertFalse(restored.isRemoved());
        assertEquals(published + 2, restored.revision(), "named again: above every revision it published");
        assertEquals(12.0, restored.current().orElseThrow().value().metrics().price());
    }

    @Test
    void theEngineTakesARemovedCompanyOutOfTheUniverse() {
        MetricsEngine engine = WorkedExample.engineFedWith(WorkedExample.events());
        int before = engine.universe().companyCount();
        String ticker = engine.tickers().iterator().next();

        MetricsEngine.Result removed = engine.apply(new CompanyRemoval(ticker, T0));

        assertTrue(removed.changed());
        assertTrue(engine.companyMetrics(ticker).isEmpty());
        assertFalse(engine.tickers().contains(ticker));
        List<CompanyMetrics> rest = engine.allCompanyMetrics();
        UniverseAssertions.assertSameUniverse(BruteForceUniverse.compute(rest, engine.macro().orElse(null)),
                engine.universe(), "without " + ticker);
        assertTrue(engine.universe().companyCount() <= before);
    }

    @Test
    void aUniverseDefinedAgainAfterItsRemovalCarriesOnAboveItsRevision() {
        Universes universes = Universes.restore(new AlertThresholds(0.10, 0.05), true, List.of(), List.of(),
                name -> null, null);
        UniverseDefinition watch = new UniverseDefinition("watch", List.of("A", "B"), null, T0);
        universes.define(watch);
        universes.accept(new Revised<>(company("A", 10.0, T0), 1));
        universes.publishIfChanged();
        universes.accept(new Revised<>(company("B", 20.0, T0.plusSeconds(1)), 1));
        long revision = publishedRevision(universes, "watch");

        Universes.StoredUniverse kept = universes.remove("watch").orElseThrow();
        assertTrue(universes.remove("watch").isEmpty(), "removed once");
        universes.define(watch, kept);

        assertEquals(revision + 1, publishedRevision(universes, "watch"));
    }

    private static CompanyMetrics company(String ticker, double multiple, Instant asOf) {
        return new CompanyMetrics(ticker, ticker + " Inc.", asOf, 10.0, null, null, null, null, null, null, null,
                null, null, 0.3, multiple, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    private static long publishedRevision(Universes universes, String name) {
        return universes.publishIfChanged().stream().filter(publication -> publication.name().equals(name))
                .findFirst().orElseThrow().snapshot().revision();
    }
}
