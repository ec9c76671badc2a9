package io.saasreport.metrics.stream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import io.saasreport.metrics.domain.CompanyState;
import io.saasreport.metrics.domain.EstimateEvent;
import io.saasreport.metrics.domain.FilingEvent;
import io.saasreport.metrics.domain.FiscalQuarter;
import io.saasreport.metrics.domain.PricePoint;
import io.saasreport.metrics.domain.RevisedCompany;

/**
 * Stage 1's state, kept in three changelogged stores so that an event rewrites only what it changed: a price
 * tick writes one price and the revision (a few bytes), not the company's quarters and whole price history.
 * <ul>
 *   <li>{@code company-revisions}: ticker → revision;</li>
 *   <li>{@code company-facts}: ticker → name, quarters, estimate;</li>
 *   <li>{@code company-prices}: {@code ticker|epoch-second.nanos} → the price and the price event's id (the
 *       figures' sources name it), one entry per held price, ordered by time within a ticker (fixed-width key)
 *       so the dropped old ones are a key range. The value is the price as 8 bytes ({@link Serdes#Double()}'s
 *       format) followed by the id in UTF-8 when the price came with one: prices stored before the id was kept
 *       read back as prices without one.</li>
 * </ul>
 */
final class CompanyStores {

    static final String REVISIONS = "company-revisions";
    static final String FACTS = "company-facts";
    static final String PRICES = "company-prices";

    /**
     * What {@code company-facts} holds: everything of a company's state but its prices ({@code restatedQuarters}
     * is absent from facts stored before it existed: none).
     */
    record Facts(String name, List<FilingEvent> quarters, EstimateEvent estimate, List<FiscalQuarter> restatedQuarters) {
    }

    private final KeyValueStore<String, Long> revisions;
    private final KeyValueStore<String, Facts> facts;
    private final KeyValueStore<String, HeldPrice> prices;

    CompanyStores(KeyValueStore<String, Long> revisions, KeyValueStore<String, Facts> facts,
            KeyValueStore<String, HeldPrice> prices) {
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
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(REVISIONS), Serdes.String(), Serdes.Long())
                        .withCachingEnabled(),
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(FACTS), Serdes.String(), JsonSerde.of(Facts.class))
                        .withCachingEnabled(),
                // No cache: every tick is a new key, so a cache would only hold it until the commit.
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PRICES), Serdes.String(), HeldPrice.SERDE));
    }

    /** The company as stored; never-seen tickers come back as unknown (revision 0). */
    RevisedCompany load(String ticker) {
        Long revision = revisions.get(ticker);
        if (revision == null) {
            return RevisedCompany.unknown(ticker);
        }
        Facts held = facts.get(ticker);
        List<PricePoint> history = new ArrayList<>();
        try (KeyValueIterator<String, HeldPrice> entries = prices.prefixScan(ticker + "|", Serdes.String().serializer())) {
            while (entries.hasNext()) {
                KeyValue<String, HeldPrice> entry = entries.next();
                history.add(new PricePoint(instantOf(entry.key), entry.value.price(), entry.value.eventId()));
            }
        }
        var state = new CompanyState.Snapshot(ticker, held == null ? null : held.name(),
                held == null ? null : held.quarters(), history, held == null ? null : held.estimate(),
                held == null ? null : held.restatedQuarters());
        return RevisedCompany.restore(new RevisedCompany.Stored(state, revision));
    }

    /**
     * Persists a change: the revision always, the facts unless only a price came, and for a price its entry plus
     * the removal of the held prices older than the company now keeps.
     */
    void saveChange(RevisedCompany company, String ticker, PricePoint newPrice, Instant oldestPriceBefore) {
        revisions.put(ticker, company.revision());
        if (newPrice == null) {
            CompanyState.Snapshot state = company.stored().state();
            facts.put(ticker, new Facts(state.name(), state.quarters(), state.estimate(), state.restatedQuarters()));
            return;
        }
        prices.put(key(ticker, newPrice.at()), new HeldPrice(newPrice.price(), newPrice.eventId()));
        Instant oldestNow = company.oldestPriceTime().orElseThrow();
        if (oldestPriceBefore != null && oldestPriceBefore.isBefore(oldestNow)) {
            List<String> dropped = new ArrayList<>();
            try (KeyValueIterator<String, HeldPrice> old = prices.range(key(ticker, oldestPriceBefore), key(ticker, oldestNow))) {
                while (old.hasNext()) {
                    String key = old.next().key;
                    if (!key.equals(key(ticker, oldestNow))) {
                        dropped.add(key);
                    }
                }
            }
            dropped.forEach(prices::delete);
        }
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

    /** A held price and its event's id (null when it came without one). */
    record HeldPrice(double price, String eventId) {

        static final Serde<HeldPrice> SERDE = Serdes.serdeFrom(
                (topic, held) -> held == null ? null : held.bytes(),
                (topic, bytes) -> bytes == null ? null : HeldPrice.of(bytes));

        private byte[] bytes() {
            byte[] id = eventId == null ? new byte[0] : eventId.getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(Double.BYTES + id.length).putDouble(price).put(id).array();
        }

        private static HeldPrice of(byte[] bytes) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            double price = buffer.getDouble();
            return new HeldPrice(price, buffer.hasRemaining()
                    ? new String(bytes, Double.BYTES, bytes.length - Double.BYTES, StandardCharsets.UTF_8) : null);
        }
    }
}
