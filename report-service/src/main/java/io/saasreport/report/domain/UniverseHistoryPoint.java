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

    /** The universe's name: {@code universe} for the default one. */
    @Column(nullable = false)
    public String universe;

    @Column(name = "as_of", nullable = false)
    public Instant asOf;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String payload;

    public static Optional<UniverseHistoryPoint> latest(String universe) {
        return find("universe = ?1 order by asOf desc, id desc", universe).firstResultOptional();
    }

    /** One universe's latest point at or before an instant: its figures as they stood then. */
    public static Optional<UniverseHistoryPoint> latestAtOrBefore(String universe, Instant instant) {
        return find("universe = ?1 and asOf <= ?2 order by asOf desc, id desc", universe, instant)
                .firstResultOptional();
    }

    /** One universe's points between the bounds (inclusive, either may be null), oldest first. */
    public static List<UniverseHistoryPoint> between(String universe, Instant from, Instant to) {
        HistoryBounds bounds = HistoryBounds.of(from, to).and("universe = :universe", "universe", universe);
        return find(bounds.query(), bounds.parameters()).list();
    }

    /** The universes with a history. */
    public static List<String> universes() {
        return getEntityManager().createQuery("select distinct p.universe from UniverseHistoryPoint p", String.class)
                .getResultList();
    }

    /** Just the id and time of one universe's points, oldest first: what thinning needs. */
    public static List<HistoryPointTime> times(String universe) {
        return find("universe = ?1 order by asOf, id", universe).project(HistoryPointTime.class).list();
    }
}
