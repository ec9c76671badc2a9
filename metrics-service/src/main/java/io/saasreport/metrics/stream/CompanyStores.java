package io.saasreport.metrics.stream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import io.saasreport.metrics.domain.company.CompanyState;
import io.saasreport.metrics.domain.company.PricePoint;
import io.saasreport.metrics.domain.company.RevisedCompany;
import io.saasreport.metrics.domain.event.EstimateEvent;
import io.saasreport.metrics.domain.event.FilingEvent;
import io.saasreport.metrics.domain.event.FiscalQuarter;

/**
 * Stage 1's state, kept in three changelogged stores and written once per company and commit ({@link #save}, from
 * what {@link HeldCompanies.Entry} kept unsaved), so that a commit rewrites only what changed in it: a company
 * that took ticks writes its new prices and its revision, not its quarters and whole price history.
 * <ul>
 *   <li>{@code company-revisions}: ticker → revision;</li>
 *   <li>{@code company-facts}: ticker → name, quarters, estimate;</li>
 *   <li>{@code company-prices}: {@code ticker|epoch-second.nanos} → a {@link PriceBatch}: the prices a company took
 *       since its last save, under the time of the newest of them (fixed-width key, so a ticker's batches sort by
 *       that time). A batch whose newest price is older than every price the company still holds is dropped (a
 *       key range); the prices of a kept batch that the company dropped are dropped again when it is read. Small
 *       batches are merged as they accumulate ({@link #mergeBatches}): a week of one tick a minute is a
 *       handful of entries per company, not 1,950 (each entry costs the in-memory store about 150 bytes beside
 *       its prices' 37).</li>
 * </ul>
 * No record cache on them: each is written at most once per company and commit already, and writes made while
 * the commit flushes caches go straight to the changelog, in the commit's transaction.
 */
final class CompanyStores {

    static final String REVISIONS = "company-revisions";
    static final String FACTS = "company-facts";
    static final String PRICES = "company-prices";
    /**
     * Batches are merged {@code MERGE_FACTOR} at a time when a size class (1–7 prices, 8–63, 64–511, …) holds that
     * many: a company holds at most 7 batches per class, and a price is rewritten once per
     * class it climbs (three times to reach a batch of 512), so merging costs the changelog a few times a price's
     * 37 bytes, not a rewrite of the history on every save.
     */
    static final int MERGE_FACTOR = 8;
    /** Batches are not merged beyond this many prices (a value of about 150 KB). */
    static final int LARGEST_MERGED_BATCH = 4096;

    /**
     * What {@code company-facts} holds: everything of a company's state but its prices ({@code restatedQuarters}
     * is absent from facts stored before it existed: none).
     */
    record Facts(String name, List<FilingEvent> quarters, EstimateEvent estimate, List<FiscalQuarter> restatedQuarters) {
    }

    private final KeyValueStore<String, Long> revisions;
    private final KeyValueStore<String, Facts> facts;
    private final KeyValueStore<String, byte[]> prices;

    CompanyStores(KeyValueStore<String, Long> revisions, KeyValueStore<String, Facts> facts,
            KeyValueStore<String, byte[]> prices) {
        this.revisions = revisions;
        this.facts = facts;
        this.prices = prices;
    }

    static CompanyStores of(ProcessingContext context) {
        return new CompanyStores(context.getStateStore(REVISIONS), context.getStateStore(FACTS),
                context.getStateStore(PRICES));
    }

    static List<StoreBuilder<?>> builders() {
        return List.of(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(REVISIONS), Serdes.String(), Serdes.Long()),
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(FACTS), Serdes.String(), JsonSerde.of(Facts.class)),
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PRICES), Serdes.String(), Serdes.ByteArray()));
    }

    /**
     * The company as stored, with the index of its price batches that {@link #save} keeps from then on; never-seen
     * tickers come back as unknown (revision 0). The one store iterator of a company while it is held.
     */
    HeldCompanies.Entry load(String ticker) {
        Long revision = revisions.get(ticker);
        NavigableMap<String, Integer> batches = new TreeMap<>();
        if (revision == null) {
            return new HeldCompanies.Entry(ticker, RevisedCompany.unknown(ticker), batches);
        }
        Facts held = facts.get(ticker);
        List<PricePoint> history = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> stored = prices.prefixScan(ticker + "|", Serdes.String().serializer())) {
            while (stored.hasNext()) {
                KeyValue<String, byte[]> batch = stored.next();
                history.addAll(PriceBatch.read(batch.value, instantOf(batch.key)));
                batches.put(batch.key, PriceBatch.count(batch.value));
            }
        }
        var state = new CompanyState.Snapshot(ticker, held == null ? null : held.name(),
                held == null ? null : held.quarters(), history, held == null ? null : held.estimate(),
                held == null ? null : held.restatedQuarters());
        return new HeldCompanies.Entry(ticker, RevisedCompany.restore(new RevisedCompany.Stored(state, revision)), batches);
    }

    /**
     * Writes what the company changed since its last save: its revision, its facts if an event other than a price
     * changed them, its new prices as one batch; and drops the batches of prices it no longer holds. After a price
     * correction or a removal, the prices it holds replace all its batches. The batches are found in the entry's
     * index of them, not by a store iterator.
     */
    void save(HeldCompanies.Entry entry) {
        RevisedCompany company = entry.company();
        String ticker = entry.ticker();
        NavigableMap<String, Integer> batches = entry.storedBatches();
        if (entry.revisionUnsaved()) {
            revisions.put(ticker, company.revision());
        }
        if (entry.factsUnsaved()) {
            CompanyState.Snapshot state = company.stored().state();
            facts.put(ticker, new Facts(state.name(), state.quarters(), state.estimate(), state.restatedQuarters()));
        }
        if (entry.pricesRewritten()) {
            drop(batches);
            putBatch(ticker, company.stored().state().priceHistory(), batches);
            entry.saved();
            return;
        }
        putBatch(ticker, entry.unsavedPrices(), batches);
        Instant oldestNow = company.oldestPriceTime().orElse(null);
        if (entry.savedOldestPrice() != null && oldestNow != null && entry.savedOldestPrice().isBefore(oldestNow)) {
            // The batches whose newest price is older than every price held: all of theirs are dropped.
            drop(batches.headMap(key(ticker, oldestNow), false));
        }
        if (!entry.unsavedPrices().isEmpty()) {
            mergeBatches(ticker, oldestNow, batches);
        }
        entry.saved();
    }

    /**
     * While {@link #MERGE_FACTOR} of the ticker's batches are of one size class, replaces the newest of them by one
     * batch (sorted by time, under its newest time); prices older than {@code oldestHeld}, which the company dropped,
     * are left out of it. Batches may overlap in time (a late price already makes them), so those merged need not be
     * next to each other: whatever sizes the saves come in, no class holds more than {@code MERGE_FACTOR - 1}.
     */
    private void mergeBatches(String ticker, Instant oldestHeld, NavigableMap<String, Integer> stored) {
        // In key order, as the store holds them; a merged batch counts as the newest for the rest of this save.
        List<Map.Entry<String, Integer>> batches = new ArrayList<>(stored.entrySet());
        List<Map.Entry<String, Integer>> mergeable;
        while ((mergeable = newestOfAFullClass(batches)) != null) {
            List<PricePoint> merged = new ArrayList<>();
            for (Map.Entry<String, Integer> batch : mergeable) {
                for (PricePoint price : PriceBatch.read(prices.get(batch.getKey()), instantOf(batch.getKey()))) {
                    if (oldestHeld == null || !price.at().isBefore(oldestHeld)) {
                        merged.add(price);
                    }
                }
                prices.delete(batch.getKey());
                stored.remove(batch.getKey());
            }
            batches.removeAll(mergeable);
            if (!merged.isEmpty()) {
                merged.sort(Comparator.comparing(PricePoint::at));
                String key = key(ticker, merged.get(merged.size() - 1).at());
                prices.put(key, PriceBatch.write(merged));
                stored.put(key, merged.size());
                batches.add(Map.entry(key, merged.size()));
            }
        }
    }

    /** The newest {@link #MERGE_FACTOR} batches of the smallest class that has that many (within the size bound). */
    private static List<Map.Entry<String, Integer>> newestOfAFullClass(List<Map.Entry<String, Integer>> batches) {
        Map<Integer, List<Map.Entry<String, Integer>>> byClass = new TreeMap<>();
        Map<Integer, Integer> pricesByClass = new HashMap<>();
        for (int i = batches.size() - 1; i >= 0; i--) {
            Map.Entry<String, Integer> batch = batches.get(i);
            int count = batch.getValue();
            int sizeClass = sizeClass(count);
            List<Map.Entry<String, Integer>> ofClass = byClass.computeIfAbsent(sizeClass, c -> new ArrayList<>());
            if (ofClass.size() < MERGE_FACTOR) {
                ofClass.add(batch);
                pricesByClass.merge(sizeClass, count, Integer::sum);
            }
        }
        for (Map.Entry<Integer, List<Map.Entry<String, Integer>>> ofClass : byClass.entrySet()) {
            if (ofClass.getValue().size() == MERGE_FACTOR && pricesByClass.get(ofClass.getKey()) <= LARGEST_MERGED_BATCH) {
                return ofClass.getValue();
            }
        }
        return null;
    }

    /** 0 for 1–7 prices, 1 for 8–63, 2 for 64–511, …: the batches merged together are of one class. */
    private static int sizeClass(int count) {
        int sizeClass = 0;
        for (int limit = MERGE_FACTOR; count >= limit && sizeClass < 10; limit *= MERGE_FACTOR) {
            sizeClass++;
        }
        return sizeClass;
    }

    /** The prices as one batch under the time of the newest (nothing when there are none). */
    private void putBatch(String ticker, List<PricePoint> batch, NavigableMap<String, Integer> stored) {
        if (!batch.isEmpty()) {
            Instant newest = batch.stream().map(PricePoint::at).max(Instant::compareTo).orElseThrow();
            String key = key(ticker, newest);
            prices.put(key, PriceBatch.write(batch));
            stored.put(key, batch.size());
        }
    }

    /** Drops these batches from the store and from the index they are a view of. */
    private void drop(Map<String, Integer> batches) {
        batches.keySet().forEach(prices::delete);
        batches.clear();
    }

    /** {@code ticker|epoch-second.nanos}, both zero-padded (12 and 9 digits) so that keys sort by time. */
    static String key(String ticker, Instant at) {
        StringBuilder key = new StringBuilder(ticker.length() + 23).append(ticker).append('|');
        padded(key, at.getEpochSecond(), 12).append('.');
        return padded(key, at.getNano(), 9).toString();
    }

    /** As {@code %0<width>d} formats it, without a Formatter per tick. */
    private static StringBuilder padded(StringBuilder into, long value, int width) {
        if (value < 0) {
            return into.append(String.format(Locale.ROOT, "%0" + width + "d", value));
        }
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            into.append('0');
        }
        return into.append(digits);
    }

    private static Instant instantOf(String key) {
        String time = key.substring(key.lastIndexOf('|') + 1);
        int dot = time.indexOf('.');
        return Instant.ofEpochSecond(Long.parseLong(time.substring(0, dot)), Long.parseLong(time.substring(dot + 1)));
    }
}
