package io.saasreport.report.consume;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jboss.logging.Logger;

import io.saasreport.report.record.Conflation;
import io.saasreport.report.record.Decoded;
import io.saasreport.report.record.Unreadable;
import io.saasreport.report.record.Update;

/**
 * Stores a decoded batch, newest value per key, in one write; when the database refuses it for a record's sake
 * ({@link DatabaseErrors#permanent}), stores the batch again record by record, so that only the refused ones are left
 * out (for the dead-letter topic) and the rest is stored. A transient error, in either pass, fails the batch: it is
 * held and retried whole, which is harmless since every write is idempotent.
 */
final class RefusedRecords {

    private static final Logger LOG = Logger.getLogger(RefusedRecords.class);

    /** Stores what can be stored; returns what goes to the dead-letter topic (the unreadable and the refused). */
    static <T> List<Unreadable> store(Decoded<T> decoded, Consumer<Collection<Update<T>>> write) {
        return store(decoded, Conflation::newestPerKey, write);
    }

    /**
     * The same without conflation, every update in offset order: for company.filings, where a company's removal drops
     * the filings before it and none after it.
     */
    static <T> List<Unreadable> storeInOrder(Decoded<T> decoded, Consumer<Collection<Update<T>>> write) {
        return store(decoded, updates -> updates, write);
    }

    /** As {@link #store(Decoded, Consumer)}, the batch conflated as given (the histories keep each minute's last). */
    static <T> List<Unreadable> store(Decoded<T> decoded, Function<List<Update<T>>, Collection<Update<T>>> conflation,
            Consumer<Collection<Update<T>>> write) {
        List<Unreadable> dead = new ArrayList<>(decoded.unreadable());
        Collection<Update<T>> newest = conflation.apply(decoded.updates());
        if (newest.isEmpty()) {
            return dead;
        }
        try {
            write.accept(newest);
            return dead;
        } catch (RuntimeException batch) {
            Optional<String> refusal = DatabaseErrors.permanent(batch);
            if (refusal.isEmpty()) {
                throw batch;
            }
            LOG.warnf("A batch of %d values was refused (%s); storing them one by one", newest.size(), refusal.get());
        }
        for (Update<T> update : newest) {
            try {
                write.accept(List.of(update));
            } catch (RuntimeException one) {
                String reason = DatabaseErrors.permanent(one).orElseThrow(() -> one);
                LOG.warnf("Dead-lettering %s: %s", update.key(), reason);
                dead.add(new Unreadable(decoded.recordOf(update), reason));
            }
        }
        return dead;
    }

    private RefusedRecords() {
    }
}
