-- A company's figures are stored as text: its snapshot is rewritten on every published change and each history point
-- is written into four periods, but both are only ever read back whole. The writer has parsed the JSON already
-- (RecordCodec), so it is well-formed, and PostgreSQL no longer parses it into jsonb five times per point, nor turns
-- it back into text on every read. The universes' few points a second stay jsonb.
alter table company_snapshot alter column payload type text using payload::text;
alter table company_history alter column payload type text using payload::text;
