package io.saasreport.report.record;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A polled batch split into what can be stored (in offset order) and what cannot. Each update remembers the record it
 * was read from, so that one the database refuses can be dead-lettered as it arrived.
 */
public record Decoded<T>(List<Update<T>> updates, List<Unreadable> unreadable,
        Map<Update<T>, ConsumerRecord<String, String>> sources) {

    public Decoded() {
        this(new ArrayList<>(), new ArrayList<>(), new IdentityHashMap<>());
    }

    /** Adds an update read from {@code record}. */
    void add(Update<T> update, ConsumerRecord<String, String> record) {
        updates.add(update);
        sources.put(update, record);
    }

    /** The record {@code update} (this very instance) was read from. */
    public ConsumerRecord<String, String> recordOf(Update<T> update) {
        return sources.get(update);
    }
}
