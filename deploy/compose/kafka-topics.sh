#!/bin/bash
# Creates the system's topics (run by the kafka-init service, after kafka-security.sh).
# Idempotent: --if-not-exists. Partition counts match deploy/kubernetes (metrics-service
# runs one replica per partition of the ticker-keyed input topics).
# Every topic has REPLICATION_FACTOR replicas (3) and min.insync.replicas=MIN_INSYNC_REPLICAS (2), so
# that acks=all means two copies. docker-compose runs ONE broker and sets both to 1 (see there).
set -euo pipefail

BOOTSTRAP="${KAFKA_ADMIN_BOOTSTRAP_SERVERS:-kafka:9094}"
ADMIN_CONFIG="${KAFKA_ADMIN_CONFIG:-/tmp/admin.properties}"
REPLICATION_FACTOR="${REPLICATION_FACTOR:-3}"
MIN_INSYNC_REPLICAS="${MIN_INSYNC_REPLICAS:-2}"
TOPICS=/opt/kafka/bin/kafka-topics.sh

create() { # name partitions [--config k=v ...]
  local name="$1" partitions="$2"
  shift 2
  "$TOPICS" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" --create --if-not-exists \
    --topic "$name" --partitions "$partitions" --replication-factor "$REPLICATION_FACTOR" \
    --config "min.insync.replicas=$MIN_INSYNC_REPLICAS" "$@"
}

# Input topics, keyed by ticker. Those whose loss would lose figures when the metrics service replays them (a
# reset) are kept forever, or compacted where the latest record per key is all there is (docs/operations.md
# "Durable topics"); prices keep the broker's default week, as far back as the figures look.
create market.prices      3
create company.filings    3 --config retention.ms=-1
create company.estimates  3 --config retention.ms=-1
create company.profiles   3 --config cleanup.policy=compact
# Macro events all share the key "macro": one partition is all they can use.
create market.macro       1 --config retention.ms=-1
# Output topics: the latest value per key is what matters, so they are compacted.
create metrics.company    3 --config cleanup.policy=compact --config min.cleanable.dirty.ratio=0.1 --config segment.ms=600000
create metrics.universe   1 --config cleanup.policy=compact --config min.cleanable.dirty.ratio=0.1 --config segment.ms=600000
# Named universes' definitions (key: name; a tombstone removes one): compacted, partitioned as the inputs it is read with.
create universe.definitions 3 --config cleanup.policy=compact
# The universes' alerts: events, kept 7 days.
create metrics.alerts     1 --config retention.ms=604800000
# Dead-letter topics of metrics-service's consumers (<input topic>.dlq), kept 14 days.
for input in market.prices company.filings company.estimates market.macro company.profiles universe.definitions; do
  create "$input.dlq"     1 --config retention.ms=1209600000
done
# Dead-letter topics of report-service's consumers (<topic>.report-dlq), kept 14 days.
for topic in metrics.company metrics.universe metrics.alerts company.filings; do
  create "$topic.report-dlq" 1 --config retention.ms=1209600000
done

"$TOPICS" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" --describe --topic 'metrics\..*'
