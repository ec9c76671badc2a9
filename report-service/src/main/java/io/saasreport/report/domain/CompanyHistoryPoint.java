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

/** A company snapshot that changed one of the company's published figures. */
@Entity
@Table(name = "company_history")
public class CompanyHistoryPoint extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String ticker;

    @Column(name = "as_of", nullable = false)
    public Instant asOf;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String payload;

    public static Optional<CompanyHistoryPoint> latest(String ticker) {
        return find("ticker = ?1 order by asOf desc, id desc", ticker).firstResultOptional();
    }

    /**
     * Each company's latest point at or before an instant (companies without one are absent), by ticker; a company
     * removed at or before the instant, after that point, is absent too.
     */
    public static List<CompanyHistoryPoint> eachLatestAtOrBefore(Instant instant) {
        return find("from CompanyHistoryPoint p where p.asOf <= ?1 and not exists (from CompanyHistoryPoint q"
                + " where q.ticker = p.ticker and q.asOf <= ?1 and (q.asOf > p.asOf or (q.asOf = p.asOf and q.id > p.id)))"
                + " and not exists (from CompanyRemoval r where r.ticker = p.ticker and r.removedAt <= ?1"
                + " and r.lastHistoryId >= p.id)"
                + " order by p.ticker", instant).list();
    }

    /** The company's points between the bounds (inclusive, either may be null), oldest first. */
    public static List<CompanyHistoryPoint> between(String ticker, Instant from, Instant to) {
        HistoryBounds bounds = HistoryBounds.of(from, to).and("ticker = :ticker", "ticker", ticker);
        return find(bounds.query(), bounds.parameters()).list();
    }

    /** The id and time of every point of one company, oldest first: what thinning needs. */
    public static List<HistoryPointTime> times(String ticker) {
        return find("ticker = ?1 order by asOf, id", ticker).project(HistoryPointTime.class).list();
    }

    public static List<String> tickers() {
        return find("select distinct ticker from CompanyHistoryPoint").project(String.class).list();
    }
}
