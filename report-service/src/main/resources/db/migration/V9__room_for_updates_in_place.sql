-- Every published change rewrites its company's snapshot row and the history rows of its minute, hour, day and week,
-- and the universe's: on full pages each rewrite put its new version on another page with new index entries, and
-- vacuum came only after a fifth of a table was dead, so a trading day of ticks grew the database by ~500 MB.
-- Free room in each page lets PostgreSQL update a row in place (HOT: the key is unchanged, no new index entry, the
-- old version pruned as the page is next read), and vacuum after 1 % (at least 1,000 rows) reuses the rest.
-- The fill factor applies to pages written from now on; a table written before is not rewritten here.
alter table company_snapshot  set (fillfactor = 50, autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000);
alter table company_history   set (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000);
alter table universe_snapshot set (fillfactor = 50, autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000);
alter table universe_history  set (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000);
