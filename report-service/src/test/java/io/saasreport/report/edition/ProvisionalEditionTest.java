package io.saasreport.report.edition;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.saasreport.report.domain.HistoryAtInstant.Stored;

/** When this week's edition, as built, is served again instead of built anew (no framework). */
class ProvisionalEditionTest {

    private static final LocalDate WEEK = LocalDate.parse("2026-12-04");
    private static final Instant BUILT = Instant.parse("2026-12-02T15:00:00Z");
    private static final Instant UP_TO = Instant.parse("2026-12-02T14:59:59Z");
    private static final Duration REFRESH = Duration.ofSeconds(10);

    private final EditionCache.Provisional held = new EditionCache.Provisional(WEEK, Optional.of(UP_TO), "0/0", BUILT, null);

    @Test
    void servedAgainWhileNothingItWasBuiltFromChanged() {
        assertTrue(held.servesAgain(WEEK, new Stored(Optional.of(UP_TO), "0/0"), BUILT.plus(Duration.ofHours(5)), REFRESH));
    }

    @Test
    void aNewUniversePointIsShownOnceTheRefreshHasPassed() {
        Stored moved = new Stored(Optional.of(UP_TO.plusSeconds(3)), "0/0");
        assertTrue(held.servesAgain(WEEK, moved, BUILT.plusSeconds(9), REFRESH), "within the refresh: as built");
        assertFalse(held.servesAgain(WEEK, moved, BUILT.plusSeconds(10), REFRESH), "after it: built again");
        assertFalse(held.servesAgain(WEEK, moved, BUILT, Duration.ZERO), "no refresh: built again at once");
    }

    @Test
    void aRemovalOrAnotherWeekIsNeverServedFromIt() {
        assertFalse(held.servesAgain(WEEK, new Stored(Optional.of(UP_TO), "1/7"), BUILT.plusSeconds(1), REFRESH));
        assertFalse(held.servesAgain(WEEK.plusDays(7), new Stored(Optional.of(UP_TO), "0/0"), BUILT.plusSeconds(1), REFRESH));
    }
}
