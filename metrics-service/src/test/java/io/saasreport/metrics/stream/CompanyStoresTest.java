package io.saasreport.metrics.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.saasreport.metrics.domain.company.PricePoint;
import io.saasreport.metrics.domain.event.CompanyEvent;
import io.saasreport.metrics.domain.event.PriceCorrection;
import io.saasreport.metrics.domain.event.PriceEvent;

/**
 * Stage 1's stores as a task uses them: changes kept on the held company and saved once (a commit), prices as one
 * batch per save, batches of prices no longer held dropped, and every read-back equal to the company held.
 */
class CompanyStoresTest {

    private static final Instant DAY_0 = Instant.parse("2026-11-02T21:00:00Z");

    private KeyValueStore<String, Long> revisions;
    private KeyValueStore<String, CompanyStores.Facts> facts;
    private KeyValueStore<String, byte[]> prices;
    private CompanyStores stores;
    private HeldCompanies held;

    @BeforeEach
    void openStores() {
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        List<StoreBuilder<?>> builders = CompanyStores.builders();
        revisions = open(builders.get(0), context);
        facts = open(builders.get(1), context);
        prices = open(builders.get(2), context);
        stores = new CompanyStores(revisions, facts, prices);
        held = new HeldCompanies();
    }

    @SuppressWarnings("unchecked")
    private static <S> S open(StoreBuilder<?> builder, MockProcessorContext<Object, Object> context) {
        StateStore store = builder.withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        return (S) store;
    }

    @Test
    void thePricesTakenBetweenTwoSavesAreOneBatchAndReadBackAsHeld() {
        HeldCompanies.Entry company = held.get("ACME", stores);
        company.apply(new CompanyEvent("ACME", "Acme Software"));
        for (int minute = 0; minute < 5; minute++) {
            company.apply(price(DAY_0.plus(Duration.ofMinutes(minute)), 10 + minute, "id-" + minute));
        }

        assertTrue(company.revisionUnsaved());
        assertEquals(0, entries(prices).size(), "nothing written before the save");
        stores.save(company);

        assertEquals(List.of(CompanyStores.key("ACME", DAY_0.plus(Duration.ofMinutes(4)))), keys(prices));
        assertEquals(6L, revisions.get("ACME"));
        assertEquals("Acme Software", facts.get("ACME").name());
        assertEquals(company.company().stored(), stores.load("ACME").company().stored());
        assertFalse(company.revisionUnsaved());
        assertTrue(company.unsavedPrices().isEmpty());
    }

    @Test
    void aPriceOnlySaveLeavesTheFactsAlone() {
        HeldCompanies.Entry company = held.get("ACME", stores);
        company.apply(new CompanyEvent("ACME", "Acme Software"));
        stores.save(company);
        facts.put("ACME", new CompanyStores.Facts("as stored", List.of(), null, List.of()));

        company.apply(price(DAY_0, 12.5, "p1"));
        stores.save(company);

        assertEquals("as stored", facts.get("ACME").name(), "a price does not rewrite the facts");
        assertEquals(2L, revisions.get("ACME"));
    }

    @Test
    void batchesWhosePricesAreNoLongerHeldAreDroppedAndAKeptBatchReadsBackPruned() {
        HeldCompanies.Entry company = held.get("ACME", stores);
        company.apply(price(DAY_0, 10, "d0"));
        company.apply(price(DAY_0.plus(Duration.ofDays(3)), 13, "d3"));
        stores.save(company);
        company.apply(price(DAY_0.plus(Duration.ofDays(1)), 11, "d1"));
        stores.save(company);
        company.apply(price(DAY_0.plus(Duration.ofDays(6)), 16, "d6"));
        stores.save(company);
        assertEquals(3, keys(prices).size());

        // Day 11 and a tick after it: pruned from the price before the latest (day 11), the reference is the price
        // at or before day 4, day 3's; days 0 and 1 are dropped. The batch of day 1 goes; the batch {day 0, day 3}
        // stays for day 3, and day 0 is dropped again when read.
        company.apply(price(DAY_0.plus(Duration.ofDays(11)), 21, "d11"));
        company.apply(price(DAY_0.plus(Duration.ofDays(11)).plusSeconds(60), 21.5, "d11b"));
        stores.save(company);

        assertEquals(List.of(CompanyStores.key("ACME", DAY_0.plus(Duration.ofDays(3))),
                CompanyStores.key("ACME", DAY_0.plus(Duration.ofDays(6))),
                CompanyStores.key("ACME", DAY_0.plus(Duration.ofDays(11)).plusSeconds(60))), keys(prices));
        assertEquals(List.of("d3", "d6", "d11", "d11b"),
                company.company().stored().state().priceHistory().stream().map(PricePoint::eventId).toList());
        assertEquals(company.company().stored(), stores.load("ACME").company().stored());
        assertEquals(company.company().current(), stores.load("ACME").company().current());
    }

    @Test
    void aWeekOfOneTickAMinuteIsAHandfulOfMergedBatchesThatReadBackAsHeld() {
        HeldCompanies.Entry company = held.get("ACME", stores);
        int ticks = 5 * 390;
        for (int minute = 0; minute < ticks; minute++) {
            company.apply(price(DAY_0.plus(Duration.ofMinutes(minute)), 100 + minute % 17, "m" + minute));
            if (minute == 1000) {
                // a late price, inside an older batch's time range
                company.apply(price(DAY_0.plus(Duration.ofMinutes(3)).plusSeconds(30), 7, "late"));
            }
            stores.save(company);
        }

        List<Integer> sizes = entries(prices).stream().map(batch -> PriceBatch.count(batch.value)).toList();
        // 1,950 saves are 3,6,3,6 in base 8: three batches of 512 (each eight of 64), six of 64, three of 8, six
        // single ones; the late price came in a save of two and sits in the second 512 (513).
        assertEquals(List.of(512, 512, 512, 64, 64, 64, 64, 64, 64, 8, 8, 8, 1, 1, 1, 1, 1, 1),
                sizes.stream().map(size -> size >= 64 ? Integer.highestOneBit(size) : size).toList(), sizes.toString());
        assertEquals(ticks + 1, sizes.stream().mapToInt(Integer::intValue).sum());
        assertEquals(company.company().stored(), stores.load("ACME").company().stored());
        assertEquals(company.company().current(), stores.load("ACME").company().current());
    }

    @Test
    void savesOfMixedSizesLeaveNoMoreThanSevenBatchesOfAClass() {
        HeldCompanies.Entry company = held.get("ACME", stores);
        Instant at = DAY_0;
        for (int save = 0; save < 400; save++) {
            // a lone tick, then a burst of eight (a commit under a backlog), in turn
            for (int tick = 0; tick < (save % 2 == 0 ? 1 : CompanyStores.MERGE_FACTOR); tick++) {
                at = at.plusSeconds(7);
                company.apply(price(at, 50 + save % 13, "s" + save + "t" + tick));
            }
            stores.save(company);
        }

        List<Integer> sizes = entries(prices).stream().map(batch -> PriceBatch.count(batch.value)).toList();
        assertEquals(200 + 200 * CompanyStores.MERGE_FACTOR, sizes.stream().mapToInt(Integer::intValue).sum());
        for (int limit = 1; limit <= 4096; limit *= CompanyStores.MERGE_FACTOR) {
            int from = limit == 1 ? 1 : limit;
            int below = limit * CompanyStores.MERGE_FACTOR;
            long ofClass = sizes.stream().filter(size -> size >= from && size < below).count();
            assertTrue(ofClass < CompanyStores.MERGE_FACTOR, "batches of " + from + "-" + (below - 1) + " prices: " + sizes);
        }
        assertEquals(company.company().stored(), stores.load("ACME").company().stored());
    }

    @Test
    void aMergeLeavesOutThePricesTheCompanyDropped() {
        HeldCompanies.Entry company = held.get("ACME", stores);
        for (int day = 0; day < CompanyStores.MERGE_FACTOR; day++) {
            company.apply(price(DAY_0.plus(Duration.ofDays(day)), 10 + day, "d" + day));
            company.apply(price(DAY_0.plus(Duration.ofDays(day)).plusSeconds(60), 10.5 + day, "d" + day + "b"));
            if (day == CompanyStores.MERGE_FACTOR - 1) {
                company.apply(price(DAY_0.plus(Duration.ofDays(day)).plusSeconds(120), 20, "last"));
            }
            stores.save(company);
        }

        // Pruned from the price before the latest, day 7 and a minute: the reference is the price at or before day 0
        // and a minute, d0b; d0 is dropped, but its batch stayed for d0b until the eighth save merged the batches.
        List<PricePoint> held = company.company().stored().state().priceHistory();
        assertEquals("d0b", held.get(0).eventId());
        assertEquals(List.of(CompanyStores.key("ACME", DAY_0.plus(Duration.ofDays(7)).plusSeconds(120))), keys(prices),
                "eight batches merged into one");
        assertEquals(16, PriceBatch.count(entries(prices).get(0).value), "without the dropped price");
        assertEquals(company.company().stored(), stores.load("ACME").company().stored());
    }

    @Test
    void aPriceStoredAloneBeforeBatchesExistedReadsBackWithItsId() {
        Instant at = DAY_0.plus(Duration.ofHours(3));
        revisions.put("OLD", 1L);
        byte[] id = "legacy-id".getBytes(StandardCharsets.UTF_8);
        prices.put(CompanyStores.key("OLD", at), ByteBuffer.allocate(8 + id.length).putDouble(42.5).put(id).array());

        HeldCompanies.Entry company = held.get("OLD", stores);

        assertEquals(List.of(new PricePoint(at, 42.5, "legacy-id")),
                company.company().stored().state().priceHistory());
        company.apply(price("OLD", at.plus(Duration.ofMinutes(1)), 43, "new-id"));
        stores.save(company);
        assertEquals(company.company().stored(), stores.load("OLD").company().stored());
    }

    @Test
    void aCompanyLetGoBeyondCapacityIsSavedFirst() {
        HeldCompanies.Entry first = held.get("T0", stores);
        first.apply(price("T0", DAY_0, 10, "kept"));

        for (int i = 1; i <= HeldCompanies.CAPACITY; i++) {
            held.get("T" + i, stores);
        }

        assertEquals(1L, revisions.get("T0"), "saved when let go");
        assertEquals(List.of(new PricePoint(DAY_0, 10, "kept")), stores.load("T0").company().stored().state().priceHistory());
        HeldCompanies.Entry again = held.get("T0", stores);
        assertTrue(again != first, "read back from the stores");
        assertEquals(first.company().stored(), again.company().stored());
    }

    @Test
    void aSaveFindsTheBatchesInTheHeldIndexWhichStaysWhatTheStoreHolds() {
        // Saves through stores whose price store refuses iterators: merges, drops and a rewrite use the index.
        CompanyStores noIterators = new CompanyStores(revisions, facts, refusingIterators(prices));
        HeldCompanies.Entry company = held.get("ACME", stores);
        Instant at = DAY_0;
        for (int save = 0; save < 300; save++) {
            for (int tick = 0; tick <= save % 5; tick++) {
                at = at.plus(Duration.ofMinutes(13));
                company.apply(price(at, 40 + (save + tick) % 11, "s" + save + "t" + tick));
            }
            if (save == 150) {
                // a correction inside a stored batch: the company's batches are written anew
                company.apply(new PriceCorrection("ACME", at.minus(Duration.ofMinutes(13)), 99.0, "fix"));
            }
            noIterators.save(company);
            assertEquals(batchesOf(prices), company.storedBatches(), "after save " + save);
        }

        assertTrue(keys(prices).size() < 3 * CompanyStores.MERGE_FACTOR, keys(prices).toString());
        HeldCompanies.Entry readBack = stores.load("ACME");
        assertEquals(company.storedBatches(), readBack.storedBatches());
        assertEquals(company.company().stored(), readBack.company().stored());
        assertEquals(company.company().current(), readBack.company().current());
    }

    private static Map<String, Integer> batchesOf(KeyValueStore<String, byte[]> store) {
        Map<String, Integer> batches = new TreeMap<>();
        entries(store).forEach(batch -> batches.put(batch.key, PriceBatch.count(batch.value)));
        return batches;
    }

    @SuppressWarnings("unchecked")
    private static KeyValueStore<String, byte[]> refusingIterators(KeyValueStore<String, byte[]> store) {
        return (KeyValueStore<String, byte[]>) Proxy.newProxyInstance(KeyValueStore.class.getClassLoader(),
                new Class<?>[] {KeyValueStore.class}, (proxy, method, args) -> {
                    if (KeyValueIterator.class.isAssignableFrom(method.getReturnType())) {
                        throw new AssertionError("a save opened an iterator: " + method.getName());
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static PriceEvent price(Instant at, double price, String id) {
        return price("ACME", at, price, id);
    }

    private static PriceEvent price(String ticker, Instant at, double price, String id) {
        return new PriceEvent(ticker, price, at, id);
    }

    private static <V> List<KeyValue<String, V>> entries(KeyValueStore<String, V> store) {
        List<KeyValue<String, V>> entries = new ArrayList<>();
        try (KeyValueIterator<String, V> all = store.all()) {
            all.forEachRemaining(entries::add);
        }
        return entries;
    }

    private static List<String> keys(KeyValueStore<String, byte[]> store) {
        return entries(store).stream().map(entry -> entry.key).toList();
    }
}
