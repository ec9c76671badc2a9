-- Named universes (metrics.universe, key: the universe's name; "universe" is the default one) and their alerts.
alter table universe_snapshot alter column id type varchar(63);
alter table universe_history add column universe varchar(63) not null default 'universe';
create index universe_history_universe_as_of_idx on universe_history (universe, as_of, id);

-- metrics.alerts: each alert once (its id is derived from its cause, so a redelivery is the same row).
create table universe_alert (
    id          varchar(200) primary key,
    universe    varchar(63)  not null,
    type        varchar(32)  not null,
    at          timestamptz  not null,
    payload     jsonb        not null,
    received_at timestamptz  not null
);
create index universe_alert_at_idx on universe_alert (at, id);
