package io.saasreport.metrics.stream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.StoreBuilder;

import io.saasreport.metrics.domain.company.PricePoint;
import io.saasreport.metrics.domain.company.RevisedCompany;
import io.saasreport.metrics.domain.event.CompanyRemoval;
import io.saasreport.metrics.domain.event.CompanyScopedEvent;
import io.saasreport.metrics.domain.event.PriceCorrection;
import io.saasreport.metrics.domain.event.PriceEvent;

/**
 * Stage 1's companies as objects, one store per task: the processor that applies events and the one that publishes
 * figures at commit share them, so a tick costs no store read, no store write and no JSON: each held company keeps
 * what its logged {@link CompanyStores} do not have yet, and is saved there once per commit, when it is published
 * (or earlier, when it is let go). Not logged itself, emptied whenever its task starts, and bounded, so that a
 * universe of tens of thousands of companies is held once, serialized in those stores, and not a second time as
 * objects.
 */
final class HeldCompanies implements StateStore {

    static final String NAME = "company-objects";
    /** Companies held as objects per task (a few KB each); the rest are read from the stores when they change. */
    static final int CAPACITY = 10_000;

    /** A held company and what of it is not saved yet. */
    static final class Entry {

        private final String ticker;
        private final RevisedCompany company;
        /**
         * The company's batches in {@code company-prices}, key to price count, as {@link CompanyStores#save} keeps
         * them: a save reads no store iterator (Kafka Streams 4.1 registers and removes a metric, with its JMX bean,
         * for each iterator a metered store opens and closes).
         */
        private final NavigableMap<String, Integer> storedBatches;
        private final List<PricePoint> unsavedPrices = new ArrayList<>();
        private boolean factsUnsaved;
        /** Whether the stored prices are to be replaced by those held (after a correction or a removal). */
        private boolean pricesRewritten;
        private long savedRevision;
        private Instant savedOldestPrice;
        private boolean awaitingPublication;

        /** A company as its stores hold it, with the batches they hold of its prices: nothing unsaved. */
        Entry(String ticker, RevisedCompany company, NavigableMap<String, Integer> storedBatches) {
            this.ticker = ticker;
            this.company = company;
            this.storedBatches = storedBatches;
            this.savedRevision = company.revision();
            this.savedOldestPrice = company.oldestPriceTime().orElse(null);
        }

        String ticker() {
            return ticker;
        }

        RevisedCompany company() {
            return company;
        }

        NavigableMap<String, Integer> storedBatches() {
            return storedBatches;
        }

        /** Applies the event to the company; returns whether it changed, and then remembers what to save. */
        boolean apply(CompanyScopedEvent event) {
            if (!company.apply(event)) {
                return false;
            }
            if (event instanceof PriceEvent price) {
                unsavedPrices.add(PricePoint.of(price));
            } else if (event instanceof PriceCorrection) {
                // A price replaced or withdrawn inside a stored batch: the company's prices are written anew.
                pricesRewritten = true;
            } else {
                factsUnsaved = true;
                pricesRewritten |= event instanceof CompanyRemoval;
            }
            return true;
        }

        /** Marks the company for publication; true only the first time since it was last published. */
        boolean awaitPublication() {
            boolean first = !awaitingPublication;
            awaitingPublication = true;
            return first;
        }

        void published() {
            awaitingPublication = false;
        }

        List<PricePoint> unsavedPrices() {
            return unsavedPrices;
        }

        boolean factsUnsaved() {
            return factsUnsaved;
        }

        boolean pricesRewritten() {
            return pricesRewritten;
        }

        boolean revisionUnsaved() {
            return company.revision() != savedRevision;
        }

        /** The oldest price held when last saved (null when none was). */
        Instant savedOldestPrice() {
            return savedOldestPrice;
        }

        void saved() {
            unsavedPrices.clear();
            factsUnsaved = false;
            pricesRewritten = false;
            savedRevision = company.revision();
            savedOldestPrice = company.oldestPriceTime().orElse(null);
        }
    }

    /**
     * In the order the companies were taken in: the longest held is the first let go beyond capacity. Not in access
     * order, which would relink an entry on every event for the sake of a bound most tasks never reach.
     */
    private final LinkedHashMap<String, Entry> companies = new LinkedHashMap<>();
    private boolean open;

    /** Forgets every company held: the next event of each reads it from the logged stores. */
    void clear() {
        companies.clear();
    }

    /**
     * The company held, or read from {@code stores} and held from now on; beyond capacity the longest held one is
     * saved to {@code stores} and let go.
     */
    Entry get(String ticker, CompanyStores stores) {
        Entry entry = companies.get(ticker);
        if (entry == null) {
            entry = stores.load(ticker);
            companies.put(ticker, entry);
            if (companies.size() > CAPACITY) {
                Iterator<Entry> eldest = companies.values().iterator();
                stores.save(eldest.next());
                eldest.remove();
            }
        }
        return entry;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        // Emptied by CompanyStage whenever the task becomes active (which also covers a store kept from a standby).
        // Not logged, so nothing to restore: registering is what makes the task manage the store.
        context.register(root, (key, value) -> {
        });
        open = true;
    }

    @Override
    public void flush() {
        // Nothing to write here: the companies changed since the last commit are saved as they are published, when
        // the commit flushes the record cache before publish-figures.
    }

    @Override
    public void close() {
        companies.clear();
        open = false;
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /** Builds one store per task; it can neither cache nor log (it is itself a cache of logged stores). */
    static StoreBuilder<HeldCompanies> builder() {
        return new StoreBuilder<>() {
            @Override
            public StoreBuilder<HeldCompanies> withCachingEnabled() {
                throw new UnsupportedOperationException(NAME + " holds objects: no record cache");
            }

            @Override
            public StoreBuilder<HeldCompanies> withCachingDisabled() {
                return this;
            }

            @Override
            public StoreBuilder<HeldCompanies> withLoggingEnabled(Map<String, String> config) {
                throw new UnsupportedOperationException(NAME + " is rebuilt from the logged company stores");
            }

            @Override
            public StoreBuilder<HeldCompanies> withLoggingDisabled() {
                return this;
            }

            @Override
            public HeldCompanies build() {
                return new HeldCompanies();
            }

            @Override
            public Map<String, String> logConfig() {
                return Map.of();
            }

            @Override
            public boolean loggingEnabled() {
                return false;
            }

            @Override
            public String name() {
                return NAME;
            }
        };
    }
}
