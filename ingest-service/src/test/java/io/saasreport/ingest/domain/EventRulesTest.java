package io.saasreport.ingest.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
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
    void priceMustBeAPositiveFigureSoAPositiveNormalDouble() {
        assertEquals(Optional.empty(), EventRules.checkPrice(new BigDecimal("151.2")));
        assertEquals(Optional.empty(), EventRules.checkPrice(new BigDecimal("0.000001")));
        assertEquals(Optional.of("must be > 0"), EventRules.checkPrice(BigDecimal.ZERO));
        assertEquals(Optional.of("must be > 0"), EventRules.checkPrice(new BigDecimal("-1.5")));
        for (String notAPrice : List.of("1e400", "1e-400", "4.9e-324", "1e-500000000", "1e400000000", "0.0000009")) {
            assertTrue(EventRules.checkPrice(new BigDecimal(notAPrice)).orElseThrow().startsWith("must be 0 or of a magnitude"),
                    notAPrice);
        }
    }

    @Test
    void textHasNoControlCharacterNorLoneSurrogate() {
        assertEquals(Optional.empty(), EventRules.checkText("Acme Corp \u00e9\ud83d\ude00 \u4e2d"));
        assertEquals(Optional.of("must not contain control characters or lone surrogates, has U+0000 at character 5"),
                EventRules.checkText("Acme\u0000Corp"));
        assertEquals(Optional.of("must not contain control characters or lone surrogates, has U+0009 at character 1"),
                EventRules.checkText("\tAcme"));
        for (String bad : List.of("a\u001b", "a\u007f", "a\u0085", "a\u009f", "a\n", "a\r", "\ud800a", "a\ud800",
                "a\udc00", "\ude00\ud83d")) {
            assertTrue(EventRules.checkText(bad).isPresent(), bad);
        }
        assertTrue(EventRules.checkTicker("SN\u0000OW").orElseThrow().startsWith("must not contain control characters"));
    }
}
