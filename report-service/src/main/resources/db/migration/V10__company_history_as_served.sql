-- A company's history point is now stored as the history endpoint serves it (its figures as the REST layer writes
-- them: no sources, no revision), so that a read joins the stored texts instead of parsing every point and writing
-- it again, which was nine tenths of the read's time. A point stored before keeps its published form and is
-- rewritten as it is read. Adding a column with a constant default changes no row: the migration is instant.
alter table company_history add column as_served boolean not null default false;
