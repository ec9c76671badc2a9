package io.saasreport.metrics.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/**
 * The store under {@code company-changed} as Kafka Streams treats it when a task is revived: closed (dirty close after
 * a changelog write timed out), then initialised again, the same object. The record cache over it checks that it is
 * open before each flush ("Store company-changed is currently closed." otherwise).
 */
class ChangedCompaniesStoreTest {

    private static final Bytes ACME = Bytes.wrap("ACME".getBytes(StandardCharsets.UTF_8));

    @Test
    void theStoreIsOpenAndWorksAgainAfterItsTaskIsRevived() {
        KeyValueStore<Bytes, byte[]> store = MetricsTopology.changedCompaniesStore().get();
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        store.init(context.getStateStoreContext(), store);
        store.put(ACME, bytes("7"));
        store.close();
        assertFalse(store.isOpen());

        store.init(context.getStateStoreContext(), store);

        assertTrue(store.isOpen());
        store.put(ACME, bytes("8"));
        assertArrayEquals(bytes("8"), store.get(ACME));
    }

    @Test
    void theOneEntryLruMapStaysClosedAfterARevival() {
        // Why company-changed is no longer Stores.lruMap(name, 1): Kafka 4.1's MemoryLRUCache does not reopen in init.
        KeyValueStore<Bytes, byte[]> lru = Stores.lruMap(MetricsTopology.CHANGED_COMPANIES_STORE, 1).get();
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        lru.init(context.getStateStoreContext(), lru);
        lru.close();

        lru.init(context.getStateStoreContext(), lru);

        assertFalse(lru.isOpen());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
