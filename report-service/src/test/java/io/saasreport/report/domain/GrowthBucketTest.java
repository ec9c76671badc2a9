package io.saasreport.report.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class GrowthBucketTest {

    @Test
    void highIsStrictlyAbove22Percent() {
        assertEquals(Optional.of(GrowthBucket.HIGH), GrowthBucket.of(0.2200001));
        assertEquals(Optional.of(GrowthBucket.MID), GrowthBucket.of(0.22));
    }

    @Test
    void midIncludesBothBounds() {
        assertEquals(Optional.of(GrowthBucket.MID), GrowthBucket.of(0.15));
        assertEquals(Optional.of(GrowthBucket.MID), GrowthBucket.of(0.18));
    }

    @Test
    void lowIsStrictlyBelow15Percent() {
        assertEquals(Optional.of(GrowthBucket.LOW), GrowthBucket.of(0.1499999));
        assertEquals(Optional.of(GrowthBucket.LOW), GrowthBucket.of(-0.3));
    }

    @Test
    void unknownGrowthIsInNoBucket() {
        assertEquals(Optional.empty(), GrowthBucket.of(null));
    }

    @Test
    void bucketsAreNamedInLowerCaseByTheApi() {
        assertEquals(Optional.of(GrowthBucket.HIGH), GrowthBucket.named("high"));
        assertEquals(Optional.empty(), GrowthBucket.named("HIGH"));
        assertEquals(Optional.empty(), GrowthBucket.named(null));
    }
}
