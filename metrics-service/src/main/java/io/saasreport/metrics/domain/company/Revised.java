package io.saasreport.metrics.domain.company;

import io.saasreport.metrics.domain.event.EventValidation;

/**
 * Figures with their revision: a per-key counter that grows by one with every change, so a consumer keeps the
 * highest revision of each key instead of comparing {@code asOf} (figures can change at an equal {@code asOf}:
 * a name change, a late price, an early-dated filing).
 */
public record Revised<T>(T value, long revision) {

    public Revised {
        EventValidation.require(value, "value");
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be at least 1, was " + revision);
        }
    }
}
