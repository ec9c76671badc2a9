-- The metrics service's per-key revision (absent from older values): the newest snapshot wins by revision,
-- else by as_of.
alter table company_snapshot add column revision bigint;
alter table universe_snapshot add column revision bigint;
