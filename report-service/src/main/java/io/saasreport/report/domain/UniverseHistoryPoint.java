package io.saasreport.report.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A universe snapshot that changed a published figure. */
@Entity
@Table(name = "universe_history")
public class UniverseHistoryPoint extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "as_of", nullable = false)
    public Instant asOf;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String payload;

    public static Optional<UniverseHistoryPoint> latest() {
        return find("order by asOf desc, id desc").firstResultOptional();
    }

    /** The latest point at or before an instant: the figures as they stood then. */
    public static Optional<UniverseHistoryPoint> latestAtOrBefore(Instant instant) {
        return find("asOf <= ?1 order by asOf desc, id desc", instant).firstResultOptional();
    }

    /** Points between the bounds (inclusive, either may be null), oldest first. */
    public static List<UniverseHistoryPoint> between(Instant from, Instant to) {
        HistoryBounds bounds = HistoryBounds.of(from, to);
        return find(bounds.query(), bounds.parameters()).list();
    }

    /** Just the id and time of every point, oldest first: what thinning needs. */
    public static List<HistoryPointTime> times() {
        return find("order by asOf, id").project(HistoryPointTime.class).list();
    }
}
