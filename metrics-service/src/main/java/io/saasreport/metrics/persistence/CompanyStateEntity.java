package io.saasreport.metrics.persistence;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One company's engine state as JSON ({@code CompanyState.Snapshot}). */
@Entity
@Table(name = "company_state")
public class CompanyStateEntity extends PanacheEntityBase {

    @Id
    public String ticker;

    @Column(nullable = false)
    public String snapshot;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
