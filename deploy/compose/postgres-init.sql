-- Run once by the postgres:17 image on an empty data directory (mounted into
-- /docker-entrypoint-initdb.d/ by docker-compose.yml). The report service owns the one
-- database, report (metrics-service keeps its state in Kafka). The creator, the compose
-- user POSTGRES_USER, owns it; the service creates its own tables.
CREATE DATABASE report;
