#!/bin/bash
# Creates the services' Kafka logins (SCRAM-SHA-512, one principal each) and their ACLs on the compose
# broker, as the super user admin (run by kafka-init before kafka-topics.sh). Idempotent.
# The same policy as the local stack's (deploy/local-stack: KafkaAccess) and Kubernetes' (kafka-topics-job.yaml):
#   ingest   writes the input topics and universe.definitions
#   metrics  reads the input topics and universe.definitions; writes metrics.company, metrics.universe,
#            metrics.alerts and <input>.dlq; owns everything named metrics-service* (Kafka Streams' internal
#            topics and transactional ids) and its groups metrics-*
#   report   reads metrics.company, metrics.universe, metrics.alerts, company.filings; writes <topic>.report-dlq;
#            groups report-*
# Nothing else is allowed (allow.everyone.if.no.acl.found=false).
set -euo pipefail

BOOTSTRAP="${KAFKA_ADMIN_BOOTSTRAP_SERVERS:-kafka:9094}"
: "${KAFKA_ADMIN_PASSWORD:?set KAFKA_ADMIN_PASSWORD}"
ADMIN_CONFIG="${KAFKA_ADMIN_CONFIG:-/tmp/admin.properties}"
cat > "$ADMIN_CONFIG" << PROPS
security.protocol=SASL_SSL
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="$KAFKA_ADMIN_PASSWORD";
ssl.truststore.type=PEM
ssl.truststore.location=${KAFKA_SSL_TRUSTSTORE_LOCATION:-/etc/kafka-tls/kafka-ca.pem}
PROPS
chmod 600 "$ADMIN_CONFIG"

user() { # name password
  /opt/kafka/bin/kafka-configs.sh --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" \
    --alter --entity-type users --entity-name "$1" --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]"
}
allow() { # principal resource-options... --operation ...
  local principal="$1"
  shift
  /opt/kafka/bin/kafka-acls.sh --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" \
    --add --allow-principal "User:$principal" "$@"
}

user ingest  "${INGEST_KAFKA_PASSWORD:?set INGEST_KAFKA_PASSWORD}"
user metrics "${METRICS_KAFKA_PASSWORD:?set METRICS_KAFKA_PASSWORD}"
user report  "${REPORT_KAFKA_PASSWORD:?set REPORT_KAFKA_PASSWORD}"

for topic in market.prices company.filings company.estimates market.macro company.profiles; do
  allow ingest  --topic "$topic" --operation Write --operation Describe
  allow metrics --topic "$topic" --operation Read --operation Describe
  allow metrics --topic "$topic.dlq" --operation Write --operation Describe
done
# Named universes: defined through the ingest API, computed by the metrics service.
allow ingest  --topic universe.definitions --operation Write --operation Describe
allow metrics --topic universe.definitions --operation Read --operation Describe
allow metrics --topic universe.definitions.dlq --operation Write --operation Describe
for topic in metrics.company metrics.universe metrics.alerts; do
  # Read too: a metrics instance reads its peers' figures back.
  allow metrics --topic "$topic" --operation Write --operation Read --operation Describe
done
allow metrics --resource-pattern-type prefixed --topic metrics-service --operation All
allow metrics --resource-pattern-type prefixed --group metrics- --operation Read --operation Describe
allow metrics --resource-pattern-type prefixed --transactional-id metrics-service --operation Write --operation Describe
for topic in metrics.company metrics.universe metrics.alerts company.filings; do
  allow report --topic "$topic" --operation Read --operation Describe
  allow report --topic "$topic.report-dlq" --operation Write --operation Describe
done
allow report --resource-pattern-type prefixed --group report- --operation Read --operation Describe
