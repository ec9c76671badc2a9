-- The history becomes the last point of each period per series (HistoryResolution, HistoryRetention): one row per
-- company or universe, resolution ('m' minute, 'h' hour, 'd' day: UTC; 'w' the weekly close, Friday 16:00 New York)
-- and period, upserted as points arrive. The points stored so far are converted by the same rule: each period keeps
-- the latest of its points, so the point at or before every weekly close (what each edition is built from) is kept.

alter table company_history rename to company_history_v5;
alter table universe_history rename to universe_history_v5;

create table company_history (
    ticker     varchar(32) not null,
    resolution char(1)     not null check (resolution in ('m', 'h', 'd', 'w')),
    -- The period's start for minutes, hours and days; the weekly close at or after as_of for weeks.
    period     timestamptz not null,
    as_of      timestamptz not null,
    payload    jsonb       not null,
    constraint company_history_pk primary key (ticker, resolution, period)
);

create table universe_history (
    universe   varchar(63) not null,
    resolution char(1)     not null check (resolution in ('m', 'h', 'd', 'w')),
    period     timestamptz not null,
    as_of      timestamptz not null,
    payload    jsonb       not null,
    constraint universe_history_pk primary key (universe, resolution, period)
);

-- WeeklyClose.atOrAfter: the Friday 16:00 New York of the instant's New York week (Monday to Sunday), or the next one
-- when that is already past.
create function history_weekly_close(t timestamptz) returns timestamptz language sql stable as $$
    select case when this_week.close >= t then this_week.close
                else (this_week.local_close + interval '7 days') at time zone 'America/New_York' end
      from (select local_close, local_close at time zone 'America/New_York' as close
              from (select date_trunc('week', t at time zone 'America/New_York') + interval '4 days 16 hours'
                           as local_close) as friday) as this_week
$$;

create function history_period(resolution char(1), t timestamptz) returns timestamptz language sql stable as $$
    select case resolution
               when 'm' then date_trunc('minute', t, 'UTC')
               when 'h' then date_trunc('hour', t, 'UTC')
               when 'd' then date_trunc('day', t, 'UTC')
               else history_weekly_close(t) end
$$;

-- Ties in time are broken as before: the later row (higher id) is the last.
insert into company_history (ticker, resolution, period, as_of, payload)
select distinct on (ticker, resolution, period) ticker, resolution, period, as_of, payload
  from (select h.id, h.ticker, r.resolution, history_period(r.resolution, h.as_of) as period, h.as_of, h.payload
          from company_history_v5 h cross join (values ('m'), ('h'), ('d'), ('w')) as r(resolution)) as points
 order by ticker, resolution, period, as_of desc, id desc;

insert into universe_history (universe, resolution, period, as_of, payload)
select distinct on (universe, resolution, period) universe, resolution, period, as_of, payload
  from (select h.id, h.universe, r.resolution, history_period(r.resolution, h.as_of) as period, h.as_of, h.payload
          from universe_history_v5 h cross join (values ('m'), ('h'), ('d'), ('w')) as r(resolution)) as points
 order by universe, resolution, period, as_of desc, id desc;

-- The default retention (HistoryRetention.DEFAULT), back from each series' newest point; a longer retention set for
-- the service keeps what it finds, a shorter one trims each series at its next point.
delete from company_history h
 using (select ticker, max(as_of) as newest from company_history_v5 group by ticker) as series
 where h.ticker = series.ticker
   and ((h.resolution = 'm' and h.period < series.newest - interval '24 hours')
     or (h.resolution = 'h' and h.period < series.newest - interval '744 hours')
     or (h.resolution = 'd' and h.period < series.newest - interval '8760 hours'));

delete from universe_history h
 using (select universe, max(as_of) as newest from universe_history_v5 group by universe) as series
 where h.universe = series.universe
   and ((h.resolution = 'm' and h.period < series.newest - interval '24 hours')
     or (h.resolution = 'h' and h.period < series.newest - interval '744 hours')
     or (h.resolution = 'd' and h.period < series.newest - interval '8760 hours'));

drop function history_period(char, timestamptz);
drop function history_weekly_close(timestamptz);
drop table company_history_v5;
drop table universe_history_v5;
