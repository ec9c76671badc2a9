package io.saasreport.metrics.domain.universe;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CompensatedSumTest {

    @Test
    void addingAndRemovingAHugeTermLeavesTheSmallOnesIntact() {
        CompensatedSum sum = new CompensatedSum();
        sum.add(0.1);
        sum.add(1e20);
        sum.add(0.2);
        sum.subtract(1e20);

        // A plain double sum gives 0.0 here: 0.1 and 0.2 are lost against 1e20.
        assertEquals(0.1 + 0.2, sum.value(), 1e-17);
    }

    @Test
    void millionsOfReplacementsDoNotDrift() {
        CompensatedSum sum = new CompensatedSum();
        double[] held = new double[100];
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < held.length; i++) {
            held[i] = random.nextDouble();
            sum.add(held[i]);
        }
        for (int step = 0; step < 2_000_000; step++) {
            int slot = random.nextInt(held.length);
            sum.subtract(held[slot]);
            held[slot] = random.nextDouble() * Math.pow(10, random.nextInt(12));
            sum.add(held[slot]);
        }
        double exact = java.util.Arrays.stream(held).mapToObj(java.math.BigDecimal::new)
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add).doubleValue();

        assertEquals(exact, sum.value(), Math.ulp(exact) * 2);
    }

    @Test
    void resetStartsFromExactZero() {
        CompensatedSum sum = new CompensatedSum();
        sum.add(1e-300);
        sum.add(1e300);
        sum.reset();

        assertEquals(0.0, sum.value());
    }
}
