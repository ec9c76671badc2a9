package io.saasreport.report.domain;

import java.time.Instant;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The latest metrics of one company: the payload as received, plus the columns queries filter on. */
@Entity
@Table(name = "company_snapshot")
public class CompanySnapshot extends PanacheEntityBase {

    @Id
    public String ticker;

    public String name;

    @Column(name = "as_of", nullable = false)
    public Instant asOf;

    /** The metrics service's per-key revision; null for values published without one. */
    public Long revision;

    @Enumerated(EnumType.STRING)
    @Column(name = "growth_bucket")
    public GrowthBucket growthBucket;

    /** The value's JSON as published (text: see migration V8). */
    @Column(nullable = false)
    public String payload;

    @Column(name = "stored_at", nullable = false)
    public Instant storedAt;

    public static List<CompanySnapshot> inBucket(GrowthBucket bucket) {
        return list("growthBucket", Sort.by("ticker"), bucket);
    }

    public static List<CompanySnapshot> allByTicker() {
        return listAll(Sort.by("ticker"));
    }
}
