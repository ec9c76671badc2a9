-- The metrics engine's durable state: what it needs to resume without replaying Kafka from the start.

-- One row per company: its quarters, price-history window, latest estimate and name, as JSON
-- (CompanyState.Snapshot). Written in the same transaction as the consumer position below.
CREATE TABLE company_state (
    ticker     VARCHAR(16) PRIMARY KEY,
    snapshot   TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- The latest macro event (10-year yield), a single row.
CREATE TABLE macro_state (
    id             SMALLINT PRIMARY KEY CHECK (id = 1),
    as_of          TIMESTAMPTZ      NOT NULL,
    ten_year_yield DOUBLE PRECISION NOT NULL
);

-- Next offset to read per input partition. Stored with the state it produced, so a restart resumes
-- exactly after the last applied event: nothing lost, nothing applied twice.
CREATE TABLE consumer_offset (
    topic       VARCHAR(255) NOT NULL,
    partition   INTEGER      NOT NULL,
    next_offset BIGINT       NOT NULL,
    PRIMARY KEY (topic, partition)
);
