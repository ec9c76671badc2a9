package io.saasreport.report.domain;

import java.time.Instant;
import java.time.LocalDate;
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

/** One filed quarter of a company: the filing as received, plus the columns queries use. */
@Entity
@Table(name = "company_filing")
public class StoredFiling extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String ticker;

    @Column(name = "fiscal_year", nullable = false)
    public int fiscalYear;

    @Column(name = "fiscal_quarter", nullable = false)
    public int fiscalQuarter;

    @Column(name = "quarter_index", nullable = false)
    public int quarterIndex;

    @Column(name = "period_end", nullable = false)
    public LocalDate periodEnd;

    @Column(name = "filed_at", nullable = false)
    public Instant filedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String payload;

    public static Optional<StoredFiling> forQuarter(String ticker, int fiscalYear, int fiscalQuarter) {
        return find("ticker = ?1 and fiscalYear = ?2 and fiscalQuarter = ?3", ticker, fiscalYear, fiscalQuarter)
                .firstResultOptional();
    }

    /**
     * Each company's latest quarter and the four before it (enough for year-over-year figures),
     * by ticker then quarter.
     */
    public static List<StoredFiling> latestFiveQuartersPerCompany() {
        return find("from StoredFiling f where f.quarterIndex >= "
                + "(select max(g.quarterIndex) from StoredFiling g where g.ticker = f.ticker) - 4 "
                + "order by f.ticker, f.quarterIndex").list();
    }

    /** The same over the filings filed at or before an instant (as a past week's edition saw them). */
    public static List<StoredFiling> latestFiveQuartersPerCompanyFiledBy(Instant instant) {
        return find("from StoredFiling f where f.filedAt <= ?1 and f.quarterIndex >= "
                + "(select max(g.quarterIndex) from StoredFiling g where g.ticker = f.ticker and g.filedAt <= ?1) - 4 "
                + "order by f.ticker, f.quarterIndex", instant).list();
    }

    /**
     * Quarters that ended by {@code date} but whose stored filing came after {@code instant}: filed late, or restated
     * (a restatement replaces the quarter's earlier filing, so an edition before it cannot show that quarter).
     */
    public static long endedByButFiledAfter(LocalDate date, Instant instant) {
        return count("periodEnd <= ?1 and filedAt > ?2", date, instant);
    }

    /** Every filed quarter of one company, oldest first. */
    public static List<StoredFiling> ofCompany(String ticker) {
        return find("ticker = ?1 order by quarterIndex", ticker).list();
    }
}
