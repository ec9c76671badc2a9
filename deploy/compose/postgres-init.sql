-- Run once by the postgres:17 image on an empty data directory (mounted into
-- /docker-entrypoint-initdb.d/ by docker-compose.yml). Each stateful service owns a
-- database: metrics-service -> metrics, report-service -> report. The creator, the compose
-- user POSTGRES_USER, owns both; the services create their own tables.
CREATE DATABASE metrics;
CREATE DATABASE report;
