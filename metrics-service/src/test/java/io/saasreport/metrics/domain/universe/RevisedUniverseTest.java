package io.saasreport.metrics.domain.universe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.saasreport.metrics.domain.TestJson;
import io.saasreport.metrics.domain.company.CompanyMetrics;
import io.saasreport.metrics.domain.company.Revised;
import io.saasreport.metrics.domain.event.MacroEvent;

class RevisedUniverseTest {

    private static final Instant T0 = Instant.parse("2026-11-01T21:00:00Z");

    @Test
    void figuresOfAnEqualOrOlderRevisionAreIgnored() {
        RevisedUniverse universe = new RevisedUniverse();
        assertTrue(universe.accept(new Revised<>(company("ACME", 10.0), 2)));

        assertFalse(universe.accept(new Revised<>(company("ACME", 99.0), 2)));
        assertFalse(universe.accept(new Revised<>(company("ACME", 99.0), 1)));
        assertEquals(10.0, universe.publishIfChanged().orElseThrow().value().medianEvToNtmRevenue());
    }

    @Test
    void publishesOnlyWhenTheSnapshotChangedWithItsOwnRevision() {
        RevisedUniverse universe = new RevisedUniverse();
        assertTrue(universe.publishIfChanged().isEmpty(), "nothing dated yet");
        universe.accept(new Revised<>(company("ACME", 10.0), 1));
        universe.accept(new Revised<>(company("BETA", 20.0), 1));

        Revised<UniverseSnapshot> first = universe.publishIfChanged().orElseThrow();
        assertEquals(1, first.revision());
        assertEquals(2, first.value().companyCount());
        assertTrue(universe.publishIfChanged().isEmpty(), "nothing accepted since");
        universe.accept(new Revised<>(company("BETA", 20.0), 2)); // same figures, newer revision
        assertTrue(universe.publishIfChanged().isEmpty(), "same snapshot: not published again");

        universe.accept(new MacroEvent(T0, 4.2));
        Revised<UniverseSnapshot> second = universe.publishIfChanged().orElseThrow();
        assertEquals(2, second.revision());
        assertEquals(4.2, second.value().tenYearYield());
    }

    /** The order-statistic trees rebuilt from stored figures, in any order: same snapshot, no re-publication. */
    @Test
    void aRestoredUniverseHasTheSameSnapshotAndRevisionAndPublishesNothingNew() throws Exception {
        RevisedUniverse original = new RevisedUniverse();
        List<Revised<CompanyMetrics>> held = new ArrayList<>();
        Random random = new Random(3);
        for (int i = 0; i < 40; i++) {
            Revised<CompanyMetrics> figures = new Revised<>(company("T" + i, 1 + random.nextInt(300) / 10.0), 1 + i % 3);
            original.accept(figures);
            held.add(figures);
        }
        original.accept(new MacroEvent(T0, 4.0));
        Revised<UniverseSnapshot> published = original.publishIfChanged().orElseThrow();
        RevisedUniverse.Stored stored = TestJson.MAPPER.readValue(
                TestJson.MAPPER.writeValueAsString(original.stored()), RevisedUniverse.Stored.class);
        Collections.shuffle(held, random);

        RevisedUniverse restored = RevisedUniverse.restore(held, stored);

        assertTrue(restored.publishIfChanged().isEmpty());
        assertEquals(40, restored.companyCount());
        restored.accept(new Revised<>(company("T0", 99.0), 10));
        original.accept(new Revised<>(company("T0", 99.0), 10));
        Revised<UniverseSnapshot> next = restored.publishIfChanged().orElseThrow();
        assertEquals(published.revision() + 1, next.revision());
        UniverseAssertions.assertSameUniverse(original.publishIfChanged().orElseThrow().value(), next.value(), "restored");
    }

    private static CompanyMetrics company(String ticker, double multiple) {
        return new CompanyMetrics(ticker, ticker + " Inc.", T0, 10.0, null, null, null, null, null, null, null,
                null, null, 0.3, multiple, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }
}
