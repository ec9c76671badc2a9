package io.saasreport.report.domain;

/**
 * What {@code company.filings} carries, in the order the report applies it: a filed quarter, a quarter's filing
 * withdrawn, or a company removed (its filings go with it). docs/api.md "Corrections".
 */
public sealed interface FilingsRecord {

    String ticker();

    /** A quarter's filing (a restatement replaces the quarter's earlier one). */
    record Filed(Filing filing) implements FilingsRecord {
        @Override
        public String ticker() {
            return filing.ticker();
        }
    }

    /** The quarter's filing, whatever it was, is no longer held. */
    record Withdrawn(String ticker, int fiscalYear, int fiscalQuarter) implements FilingsRecord {
    }

    /** Every filing of the company is dropped. */
    record CompanyRemoved(String ticker) implements FilingsRecord {
    }
}
