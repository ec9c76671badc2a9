package io.saasreport.metrics.persistence;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.common.TopicPartition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.orm.panache.Panache;
import io.saasreport.metrics.domain.CompanyState;
import io.saasreport.metrics.domain.MacroEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/**
 * Reads and writes the engine's durable state. Callers own the transaction: a state change and the
 * consumer position that produced it are written together or not at all.
 */
@ApplicationScoped
public class EngineStore {

    private final ObjectMapper mapper;

    public EngineStore(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public List<CompanyState.Snapshot> loadCompanies() {
        return CompanyStateEntity.<CompanyStateEntity>listAll().stream()
                .map(entity -> read(entity.snapshot))
                .toList();
    }

    public MacroEvent loadMacro() {
        MacroStateEntity macro = MacroStateEntity.findById(MacroStateEntity.SINGLE_ROW);
        return macro == null ? null : new MacroEvent(macro.asOf, macro.tenYearYield);
    }

    public Map<TopicPartition, Long> loadOffsets() {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (ConsumerOffsetEntity entity : ConsumerOffsetEntity.<ConsumerOffsetEntity>listAll()) {
            offsets.put(new TopicPartition(entity.key.topic, entity.key.partition), entity.nextOffset);
        }
        return offsets;
    }

    public void saveCompany(CompanyState.Snapshot snapshot, Instant now) {
        CompanyStateEntity entity = CompanyStateEntity.findById(snapshot.ticker());
        if (entity == null) {
            entity = new CompanyStateEntity();
            entity.ticker = snapshot.ticker();
        }
        entity.snapshot = write(snapshot);
        entity.updatedAt = now;
        entity.persist();
    }

    public void saveMacro(MacroEvent macro) {
        MacroStateEntity entity = MacroStateEntity.findById(MacroStateEntity.SINGLE_ROW);
        if (entity == null) {
            entity = new MacroStateEntity();
        }
        entity.asOf = macro.asOf();
        entity.tenYearYield = macro.tenYearYield();
        entity.persist();
    }

    /**
     * Stores a partition's next offset if it still is {@code expected} (null: never stored), else
     * throws {@link PositionMovedException}, rolling the caller's transaction back.
     */
    public void saveNextOffset(TopicPartition partition, Long expected, long nextOffset) {
        var key = new ConsumerOffsetEntity.Key(partition.topic(), partition.partition());
        ConsumerOffsetEntity entity = ConsumerOffsetEntity.findById(key, LockModeType.PESSIMISTIC_WRITE);
        Long stored = entity == null ? null : entity.nextOffset;
        if (!Objects.equals(stored, expected)) {
            throw new PositionMovedException(partition + " is at " + stored + ", expected " + expected);
        }
        if (entity == null) {
            entity = new ConsumerOffsetEntity();
            entity.key = key;
        }
        entity.nextOffset = nextOffset;
        entity.persist();
    }

    /** Makes the current transaction read one consistent snapshot (must come before any other statement). */
    public void readOneSnapshot() {
        Panache.getEntityManager().createNativeQuery("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").executeUpdate();
    }

    /** Another instance applied events of this partition since this one loaded its state. */
    public static class PositionMovedException extends RuntimeException {
        PositionMovedException(String message) {
            super(message);
        }
    }

    private CompanyState.Snapshot read(String json) {
        try {
            return mapper.readValue(json, CompanyState.Snapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored company state is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    private String write(CompanyState.Snapshot snapshot) {
        try {
            return mapper.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Company state cannot be written as JSON", e);
        }
    }
}
