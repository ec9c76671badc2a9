package io.saasreport.metrics.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.saasreport.metrics.domain.event.MarketEvent;
import io.saasreport.metrics.domain.event.PriceEvent;

/**
 * The streaming read of a plain price event gives what data binding gives, and leaves everything else to it: it never
 * answers differently, and an event data binding refuses is never read here.
 */
class PriceEventJsonTest {

    @Test
    void aPlainTickReadsAsDataBindingReadsIt() throws Exception {
        String tick = "{\"type\":\"price\",\"ticker\":\"GEN0002\",\"price\":70.25,\"at\":\"2026-12-07T05:20:00.000123Z\"}";

        PriceEvent read = PriceEventJson.read(tick);

        assertEquals(new PriceEvent("GEN0002", 70.25, Instant.parse("2026-12-07T05:20:00.000123Z"), null), read);
        assertEquals(StreamJson.MAPPER.readValue(tick, MarketEvent.class), read);
    }

    @Test
    void whatIsNotAPlainPriceEventIsLeftToDataBinding() {
        for (String text : List.of(
                "{\"type\":\"price\",\"ticker\":\"A\",\"price\":\"70.5\",\"at\":\"2026-11-20T21:00:00Z\"}",
                "{\"type\":\"price\",\"ticker\":\"A\",\"price\":null,\"at\":\"2026-11-20T21:00:00Z\"}",
                "{\"type\":\"price\",\"ticker\":\"A\",\"price\":1,\"price\":2,\"at\":\"2026-11-20T21:00:00Z\"}",
                "{\"type\":\"price\",\"type\":\"filing\",\"ticker\":\"A\",\"price\":1,\"at\":\"2026-11-20T21:00:00Z\"}",
                "{\"type\":\"price\",\"ticker\":7,\"price\":1,\"at\":\"2026-11-20T21:00:00Z\"}",
                "{\"type\":\"price\",\"ticker\":\"A\",\"price\":0,\"at\":\"2026-11-20T21:00:00Z\"}",
                "{\"type\":\"price\",\"ticker\":\"A\",\"price\":4.9e-324,\"at\":\"2026-11-20T21:00:00Z\"}",
                "{\"type\":\"price\",\"ticker\":\"A\",\"price\":1e400,\"at\":\"2026-11-20T21:00:00Z\"}",
                "{\"type\":\"price\",\"ticker\":\"A\",\"price\":NaN,\"at\":\"2026-11-20T21:00:00Z\"}",
                "{\"type\":\"price\",\"ticker\":\"A\",\"price\":1,\"at\":\"2026-11-20T22:00:00+01:00\"}",
                "{\"type\":\"price\",\"ticker\":\"A\",\"price\":1,\"at\":\"2026-11-20T23:59:60Z\"}",
                "{\"type\":\"price\",\"ticker\":\"A\",\"price\":1,\"at\":1763672400}",
                "{\"type\":\"price\",\"ticker\":\"A\",\"price\":1}",
                "{\"type\":\"price\",\"ticker\":\"\",\"price\":1,\"at\":\"2026-11-20T21:00:00Z\"}",
                "{\"type\":\"price\",\"ticker\":\"A\",\"price\":1,\"at\":\"2026-11-20T21:00:00Z\",\"eventId\":null}",
                "{\"type\":\"filing\",\"ticker\":\"A\",\"price\":1,\"at\":\"2026-11-20T21:00:00Z\"}",
                "{\"type\":\"price\",\"ticker\":\"A\",\"price\":1,\"at\":\"2026-11-20T21:00:00Z\"",
                "[{\"type\":\"price\",\"ticker\":\"A\",\"price\":1,\"at\":\"2026-11-20T21:00:00Z\"}]",
                "", "null")) {
            assertNull(PriceEventJson.read(text), text);
        }
    }

    @Test
    void randomPriceTextsReadAsDataBindingReadsThemOrAreLeftToIt() {
        Random random = new Random(25);
        int readHere = 0;
        for (int i = 0; i < 5_000; i++) {
            String text = randomPriceText(random);
            PriceEvent fast = PriceEventJson.read(text);
            MarketEvent bound;
            try {
                bound = StreamJson.MAPPER.readValue(text, MarketEvent.class);
            } catch (Exception refused) {
                assertNull(fast, "data binding refuses, so must this: " + text);
                continue;
            }
            if (fast != null) {
                readHere++;
                assertEquals(bound, fast, text);
            }
        }
        assertTrue(readHere > 1_500, "the plain ticks are read here: " + readHere);
    }

    @Test
    void fieldsInAnyOrderWithUnknownOnesBesideThem() throws Exception {
        String tick = "{\"meta\":{\"a\":[1,{\"b\":null}]},\"at\":\"2026-11-20T21:00:00Z\",\"eventId\":\"e-1\","
                + "\"price\":12,\"extra\":\"x\",\"ticker\":\"ACME\",\"type\":\"price\"}";

        PriceEvent read = PriceEventJson.read(tick);

        assertNotNull(read);
        assertEquals(new PriceEvent("ACME", 12.0, Instant.parse("2026-11-20T21:00:00Z"), "e-1"), read);
        assertEquals(StreamJson.MAPPER.readValue(tick, MarketEvent.class), read);
    }

    /** Plain ticks mostly, each field in a random form now and then, in random order, unknown fields beside them. */
    private static String randomPriceText(Random random) {
        List<String> fields = new ArrayList<>();
        fields.add("\"type\":" + pick(random, "\"price\"", "\"price\"", "\"price\"", "\"filing\"", "null", "1"));
        fields.add("\"ticker\":" + pick(random, "\"GEN" + random.nextInt(100) + "\"", "\"T\"", "\"\"", "\"a|b\"",
                "null", "42", "\"" + "X".repeat(1 + random.nextInt(30)) + "\""));
        fields.add("\"price\":" + pick(random, String.valueOf(random.nextDouble() * 1000),
                String.valueOf(1 + random.nextInt(5000)), String.format(Locale.ROOT, "%.3e", random.nextDouble() * 1e6),
                "0", "-1.5", "4.9e-324", "1.7976931348623157e308", "1e309", "\"12.5\"", "null", "true",
                String.valueOf(Double.MIN_NORMAL), "123456789012345678901234567890"));
        Instant at = Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000), random.nextInt(1_000_000_000));
        fields.add("\"at\":" + pick(random, "\"" + at + "\"", "\"" + at + "\"", "\"2026-02-30T10:00:00Z\"",
                "\"2026-11-20T21:00:00.1234567890Z\"", "\"2026-11-20T21:00Z\"", "\"+12026-11-20T21:00:00Z\"",
                "\"2026-11-20T21:00:00+00:00\"", String.valueOf(at.getEpochSecond()), "null"));
        if (random.nextInt(3) == 0) {
            fields.add("\"eventId\":" + pick(random, "\"" + new java.util.UUID(random.nextLong(), random.nextLong()) + "\"",
                    "\"id\\u2028\\\"q\\\\\"", "null", "7"));
        }
        if (random.nextInt(4) == 0) {
            fields.add("\"unknown\":" + pick(random, "{\"price\":1}", "[1,2,{\"at\":null}]", "\"s\"", "null"));
        }
        if (random.nextInt(20) == 0) {
            fields.add(fields.get(random.nextInt(fields.size())));
        }
        if (random.nextInt(10) != 0) {
            Collections.shuffle(fields, random);
        }
        return "{" + String.join(",", fields) + "}";
    }

    private static String pick(Random random, String... options) {
        // The first option most of the time: most ticks are plain.
        return random.nextInt(3) != 0 ? options[0] : options[random.nextInt(options.length)];
    }
}
