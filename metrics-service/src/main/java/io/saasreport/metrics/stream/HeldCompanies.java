package io.saasreport.metrics.stream;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.StoreBuilder;

import io.saasreport.metrics.domain.RevisedCompany;

/**
 * Stage 1's companies as objects, one store per task: the processor that applies events and the one that publishes
 * figures at commit share them, so a tick costs no store read and no JSON, and the figures are computed and written
 * once per company and commit. Only a view of the changelogged {@link CompanyStores} (written with every change):
 * not logged, emptied whenever its task starts, and bounded, so that a universe of tens of thousands of companies
 * is held once, serialized in those stores, and not a second time as objects.
 */
final class HeldCompanies implements StateStore {

    static final String NAME = "company-objects";
    /** Companies held as objects per task (a few KB each); the rest are read from the stores when they change. */
    static final int CAPACITY = 10_000;

    private final Map<String, RevisedCompany> companies = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RevisedCompany> eldest) {
            return size() > CAPACITY;
        }
    };
    private boolean open;

    /** Forgets every company held: the next event of each reads it from the logged stores. */
    void clear() {
        companies.clear();
    }

    /** The company held, or read with {@code load} and held from now on. */
    RevisedCompany get(String ticker, Function<String, RevisedCompany> load) {
        return companies.computeIfAbsent(ticker, load);
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
        // Nothing to write: the changelogged stores already hold every change.
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
