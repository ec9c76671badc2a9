package io.saasreport.metrics.domain.company;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The array-backed history against a sorted map doing the same: mostly in-order prices, some late, drops. */
class PriceHistoryTest {

    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void behavesAsASortedMapOfPricesByInstant() {
        for (int seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            PriceHistory history = new PriceHistory();
            NavigableMap<Instant, PricePoint> model = new TreeMap<>();
            long clock = 0;
            for (int step = 0; step < 400; step++) {
                int action = random.nextInt(24);
                if (action < 14) {
                    clock += 1 + random.nextInt(5);
                    add(history, model, new PricePoint(at(clock), 1 + step, eventId(random, step)));
                } else if (action < 18) {
                    // a late price or a replay of a held instant
                    long at = clock - random.nextInt((int) clock + 1);
                    add(history, model, new PricePoint(at(at), 1 + step, eventId(random, step)));
                } else if (action >= 20) {
                    // a correction: a price replaced (or put) at an instant, or one withdrawn
                    Instant at = at(clock - random.nextInt((int) clock + 1));
                    if (action < 22) {
                        PricePoint corrected = new PricePoint(at, 0.5 + random.nextInt(3), eventId(random, step));
                        PricePoint held = model.get(at);
                        model.put(at, held != null && held.price() == corrected.price() ? held : corrected);
                        assertEquals(held == null || held.price() != corrected.price(), history.replace(corrected));
                    } else {
                        assertEquals(model.remove(at) != null, history.remove(at));
                    }
                } else {
                    Instant cutoff = at(random.nextInt((int) clock + 3) - 1);
                    history.dropBeforeLastAtOrBefore(cutoff);
                    Instant floor = model.floorKey(cutoff);
                    if (floor != null) {
                        model.headMap(floor, false).clear();
                    }
                }
                Instant probe = at(random.nextInt((int) clock + 3) - 1);
                Map.Entry<Instant, PricePoint> floor = model.floorEntry(probe);
                assertEquals(floor == null ? null : floor.getValue(), history.atOrBefore(probe), "seed " + seed);
                assertEquals(model.containsKey(probe), history.contains(probe), "seed " + seed);
                assertEquals(new ArrayList<>(model.values()), history.toList(), "seed " + seed + " step " + step);
                assertEquals(model.isEmpty() ? null : model.firstEntry().getValue(), history.first());
                assertEquals(model.isEmpty() ? null : model.lastEntry().getValue(), history.last());
            }
        }
    }

    /**
     * A week of one price a minute, the oldest dropped as each new one comes: the arrays stay a quarter larger than
     * what is held, growing and sliding (by doubling, and reusing the room only below half full, a sliding week of
     * 1,951 prices kept room for 4,096).
     */
    @Test
    void aSlidingWeekKeepsItsArraysNearWhatItHolds() {
        int week = 1_950;
        PriceHistory history = new PriceHistory();
        for (int minute = 0; minute < week; minute++) {
            history.add(new PricePoint(at(240L * minute), 100 + minute, null));
        }
        assertEquals(week, history.size());
        assertTrue(history.capacity() <= week + week / 4 + 4, "growing: " + history.capacity());
        for (int minute = week; minute < 10 * week; minute++) {
            history.add(new PricePoint(at(240L * minute), 100 + minute, null));
            history.dropBeforeLastAtOrBefore(at(240L * (minute - week)));
            assertEquals(week + 1, history.size());
            assertTrue(history.capacity() <= (week + 1) * 5 / 4 + 4, "sliding, minute " + minute + ": " + history.capacity());
        }
        assertEquals(new PricePoint(at(240L * (9 * week - 1)), 100 + 9 * week - 1, null), history.first());
        assertEquals(100 + 10 * week - 1, history.last().price());
    }

    /**
     * Ids as they come: mostly canonical UUIDs (held as bits), some none, and some held as text: an upper-case
     * UUID (its bits would read back lower-case), the nil UUID, any other text.
     */
    private static String eventId(Random random, int step) {
        UUID uuid = new UUID(random.nextLong(), random.nextLong());
        return switch (random.nextInt(8)) {
            case 0 -> null;
            case 1 -> uuid.toString().toUpperCase(Locale.ROOT);
            case 2 -> "00000000-0000-0000-0000-000000000000";
            case 3 -> "sec-0001234567-" + step;
            default -> uuid.toString();
        };
    }

    /** Quarter seconds, so that prices share seconds and differ in nanos. */
    private static Instant at(long quarters) {
        return START.plusMillis(250 * quarters);
    }

    private static void add(PriceHistory history, NavigableMap<Instant, PricePoint> model, PricePoint price) {
        assertEquals(model.putIfAbsent(price.at(), price) == null, history.add(price));
    }
}
