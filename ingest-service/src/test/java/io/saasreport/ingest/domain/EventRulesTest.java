package io.saasreport.ingest.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The importers' checks answer in the same words as the JSON validator, from the same schema. */
class EventRulesTest {

    @Test
    void tickerFollowsTheContractsTickerKind() {
        assertEquals(Optional.empty(), EventRules.checkTicker("BRK.B"));
        assertEquals(Optional.of("must match ^[A-Z][A-Z0-9.\\-]{0,9}$"), EventRules.checkTicker("snow"));
        assertEquals(Optional.of("is required"), EventRules.checkTicker(""));
    }

    @Test
    void priceMustBePositiveAndFitADouble() {
        assertEquals(Optional.empty(), EventRules.checkPrice(new BigDecimal("151.2")));
        assertEquals(Optional.of("must be > 0"), EventRules.checkPrice(BigDecimal.ZERO));
        assertEquals(Optional.of("must be a finite number"), EventRules.checkPrice(new BigDecimal("1e400")));
    }
}
