package io.saasreport.report.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class ConflationTest {

    private static final Instant T1 = Instant.parse("2026-11-20T21:00:00Z");
    private static final Instant T2 = T1.plusSeconds(60);
    private static final Instant T3 = T1.plusSeconds(120);

    private static Update<String> value(String key, Long revision, Instant asOf, String value) {
        return new Update<>(key, new Version(revision, asOf), value, value);
    }

    private static List<String> kept(List<Update<String>> batch) {
        return Conflation.newestPerKey(batch).stream().map(update -> update.key() + "=" + update.value()).toList();
    }

    @Test
    void keepsTheHighestRevisionPerKeyWhateverItsAsOfOrPlaceInTheBatch() {
        assertEquals(List.of("BPH=rev 7", "UMV=rev 2"), kept(List.of(
                value("BPH", 5L, T1, "rev 5"),
                value("UMV", 2L, T1, "rev 2"),
                value("BPH", 7L, T1, "rev 7"),
                value("BPH", 6L, T3, "rev 6, later asOf"))));
    }

    @Test
    void withoutRevisionsKeepsTheLatestAsOfAndOnATieTheLaterRecord() {
        assertEquals(List.of("BPH=second at T2"), kept(List.of(
                value("BPH", null, T2, "first at T2"),
                value("BPH", null, T1, "older"),
                value("BPH", null, T2, "second at T2"))));
    }

    @Test
    void aRevisionOnOnlyOneSideFallsBackToAsOf() {
        assertTrue(new Version(1L, T2).supersedes(new Version(null, T1)));
        assertFalse(new Version(9L, T1).supersedes(new Version(null, T2)));
        assertFalse(new Version(3L, T3).supersedes(new Version(4L, T1)), "both revised: revision decides");
        assertTrue(new Version(null, T1).supersedes(null), "anything supersedes nothing");
    }

    @Test
    void aTombstoneWinsOverWhatCameBeforeItAndLosesToWhatCameAfter() {
        Update<String> gone = Update.tombstone("UMV");
        assertEquals(List.of("UMV=null"), kept(List.of(value("UMV", 9L, T3, "rev 9"), gone)));
        assertEquals(List.of("UMV=back"), kept(List.of(value("UMV", 9L, T3, "rev 9"), gone, value("UMV", 1L, T1, "back"))));
    }
}
