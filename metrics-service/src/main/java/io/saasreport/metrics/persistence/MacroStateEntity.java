package io.saasreport.metrics.persistence;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The latest macro event; a single row with id 1. */
@Entity
@Table(name = "macro_state")
public class MacroStateEntity extends PanacheEntityBase {

    public static final short SINGLE_ROW = 1;

    @Id
    public short id = SINGLE_ROW;

    @Column(name = "as_of", nullable = false)
    public Instant asOf;

    @Column(name = "ten_year_yield", nullable = false)
    public double tenYearYield;
}
