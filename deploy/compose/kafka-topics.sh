#!/bin/bash
# Creates the system's topics on the compose broker (run by the kafka-init service).
# Idempotent: --if-not-exists. Partition counts match deploy/kubernetes (metrics-service
# runs one replica per partition of the ticker-keyed input topics).
set -euo pipefail

BOOTSTRAP="${KAFKA_BOOTSTRAP_SERVERS:-kafka:9092}"
TOPICS=/opt/kafka/bin/kafka-topics.sh

create() { # name partitions [--config k=v ...]
  local name="$1" partitions="$2"
  shift 2
  "$TOPICS" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists \
    --topic "$name" --partitions "$partitions" --replication-factor 1 "$@"
}

# Input topics, keyed by ticker.
create market.prices      3
create company.filings    3
create company.estimates  3
create company.profiles   3
# Macro events all share the key "macro": one partition is all they can use.
create market.macro       1
# Output topics: the latest value per key is what matters, so they are compacted.
create metrics.company    3 --config cleanup.policy=compact --config min.cleanable.dirty.ratio=0.1 --config segment.ms=600000
create metrics.universe   1 --config cleanup.policy=compact --config min.cleanable.dirty.ratio=0.1 --config segment.ms=600000
# Dead-letter topics of metrics-service's consumers (<input topic>.dlq), kept 14 days.
for input in market.prices company.filings company.estimates market.macro company.profiles; do
  create "$input.dlq"     1 --config retention.ms=1209600000
done
# Dead-letter topics of report-service's consumers (<topic>.report-dlq), kept 14 days.
for topic in metrics.company metrics.universe company.filings; do
  create "$topic.report-dlq" 1 --config retention.ms=1209600000
done

"$TOPICS" --bootstrap-server "$BOOTSTRAP" --describe --topic 'metrics\..*'
