package io.saasreport.report.domain;

import java.time.Instant;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The latest statistics of each universe: one row under the topic's key (the universe's name). */
@Entity
@Table(name = "universe_snapshot")
public class UniverseSnapshot extends PanacheEntityBase {

    /** The key the metrics service publishes the default universe under, and the id of its row. */
    public static final String KEY = "universe";

    @Id
    public String id;

    @Column(name = "as_of", nullable = false)
    public Instant asOf;

    /** The metrics service's per-key revision; null for values published without one. */
    public Long revision;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String payload;

    @Column(name = "stored_at", nullable = false)
    public Instant storedAt;

    public static Optional<UniverseSnapshot> current() {
        return findByIdOptional(KEY);
    }
}
