package io.saasreport.report.domain;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A company's removal as the report stored it: when (the tombstone's time), and the newest history point it had
 * then; the points up to it belong to the company before its removal.
 */
@Entity
@Table(name = "company_removal")
public class CompanyRemoval extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String ticker;

    @Column(name = "removed_at", nullable = false)
    public Instant removedAt;

    @Column(name = "last_history_id", nullable = false)
    public long lastHistoryId;
}
