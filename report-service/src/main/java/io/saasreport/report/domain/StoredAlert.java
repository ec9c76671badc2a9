package io.saasreport.report.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An alert as stored (metrics.alerts, one row per alert id). */
@Entity
@Table(name = "universe_alert")
public class StoredAlert extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String universe;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public Instant at;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String payload;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** The payloads of the newest alerts (by {@code at}), oldest first. */
    public static List<String> newest(int count) {
        List<String> payloads = new ArrayList<>();
        StoredAlert.<StoredAlert>find("order by at desc, id desc").page(0, count).list()
                .forEach(alert -> payloads.add(alert.payload));
        Collections.reverse(payloads);
        return payloads;
    }
}
