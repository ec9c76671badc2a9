package io.saasreport.metrics.stream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

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
 *   <li>{@code company-prices}: {@code ticker|epoch-second.nanos} → price, one entry per held price, ordered by
 *       time within a ticker (fixed-width key) so the dropped old ones are a key range;</li>
 *   <li>{@code company-price-events}: the same keys → the price event's id (the figures' sources name it), for
 *       the prices that came with one. A store of its own, so {@code company-prices} kept its format: prices held
 *       from before it simply have no id.</li>
 * </ul>
 */
final class CompanyStores {

    static final String REVISIONS = "company-revisions";
    static final String FACTS = "company-facts";
    static final String PRICES = "company-prices";
    static final String PRICE_EVENTS = "company-price-events";

    /**
     * What {@code company-facts} holds: everything of a company's state but its prices ({@code restatedQuarters}
     * is absent from facts stored before it existed: none).
     */
    record Facts(String name, List<FilingEvent> quarters, EstimateEvent estimate, List<FiscalQuarter> restatedQuarters) {
    }

    private final KeyValueStore<String, Long> revisions;
    private final KeyValueStore<String, Facts> facts;
    private final KeyValueStore<String, Double> prices;
    private final KeyValueStore<String, String> priceEvents;

    CompanyStores(KeyValueStore<String, Long> revisions, KeyValueStore<String, Facts> facts,
            KeyValueStore<String, Double> prices, KeyValueStore<String, String> priceEvents) {
        this.revisions = revisions;
        this.facts = facts;
        this.prices = prices;
        this.priceEvents = priceEvents;
    }

    static CompanyStores of(ProcessingContext context) {
        return new CompanyStores(context.getStateStore(REVISIONS), context.getStateStore(FACTS),
                context.getStateStore(PRICES), context.getStateStore(PRICE_EVENTS));
    }

    static List<StoreBuilder<?>> builders() {
        return List.of(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(REVISIONS), Serdes.String(), Serdes.Long())
                        .withCachingEnabled(),
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(FACTS), Serdes.String(), JsonSerde.of(Facts.class))
                        .withCachingEnabled(),
                // No cache: every tick is a new key, so a cache would only hold it until the commit.
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PRICES), Serdes.String(), Serdes.Double()),
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PRICE_EVENTS), Serdes.String(), Serdes.String()));
    }

    /** The company as stored; never-seen tickers come back as unknown (revision 0). */
    RevisedCompany load(String ticker) {
        Long revision = revisions.get(ticker);
        if (revision == null) {
            return RevisedCompany.unknown(ticker);
        }
        Facts held = facts.get(ticker);
        Map<String, String> eventIds = new HashMap<>();
        try (KeyValueIterator<String, String> ids = priceEvents.prefixScan(ticker + "|", Serdes.String().serializer())) {
            ids.forEachRemaining(entry -> eventIds.put(entry.key, entry.value));
        }
        List<PricePoint> history = new ArrayList<>();
        try (KeyValueIterator<String, Double> entries = prices.prefixScan(ticker + "|", Serdes.String().serializer())) {
            while (entries.hasNext()) {
                KeyValue<String, Double> entry = entries.next();
                history.add(new PricePoint(instantOf(entry.key), entry.value, eventIds.get(entry.key)));
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
        prices.put(key(ticker, newPrice.at()), newPrice.price());
        if (newPrice.eventId() != null) {
            priceEvents.put(key(ticker, newPrice.at()), newPrice.eventId());
        }
        Instant oldestNow = company.oldestPriceTime().orElseThrow();
        if (oldestPriceBefore != null && oldestPriceBefore.isBefore(oldestNow)) {
            List<String> dropped = new ArrayList<>();
            try (KeyValueIterator<String, Double> old = prices.range(key(ticker, oldestPriceBefore), key(ticker, oldestNow))) {
                while (old.hasNext()) {
                    String key = old.next().key;
                    if (!key.equals(key(ticker, oldestNow))) {
                        dropped.add(key);
                    }
                }
            }
            dropped.forEach(prices::delete);
            dropped.forEach(priceEvents::delete);
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
}
