#!/bin/bash
# Starts the compose broker secured as in production: TLS on every listener, SASL logins, ACLs.
#   CLIENT     :9092  SASL_SSL, SCRAM-SHA-512: the services, one principal each (users made by kafka-security.sh)
#   INTERNAL   :9094  SASL_SSL, PLAIN: the broker itself and the super user "admin" (kafka-init, health check)
#   CONTROLLER :9093  SASL_SSL, PLAIN: KRaft's controller traffic, as admin
# Only CLIENT is meant for clients; none of the ports is published outside the compose network.
# The TLS certificate comes from the kafka-tls service (kafka-tls.sh), mounted read-only.
set -euo pipefail

: "${KAFKA_ADMIN_PASSWORD:?set KAFKA_ADMIN_PASSWORD}"
: "${KAFKA_TLS_STORE_PASSWORD:?set KAFKA_TLS_STORE_PASSWORD}"
: "${CLUSTER_ID:?set CLUSTER_ID}"
: "${KAFKA_PROCESS_ROLES:=broker,controller}"
: "${KAFKA_ADVERTISED_LISTENERS:=CLIENT://kafka:9092,INTERNAL://kafka:9094}"
TLS=/var/lib/kafka/tls
DATA=/var/lib/kafka/data
CONFIG=/tmp/server.properties

plain="org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\"$KAFKA_ADMIN_PASSWORD\" user_admin=\"$KAFKA_ADMIN_PASSWORD\";"
cat > "$CONFIG" << PROPS
process.roles=$KAFKA_PROCESS_ROLES
node.id=1
controller.quorum.voters=1@kafka:9093
listeners=CLIENT://:9092,CONTROLLER://:9093,INTERNAL://:9094
advertised.listeners=$KAFKA_ADVERTISED_LISTENERS
listener.security.protocol.map=CLIENT:SASL_SSL,INTERNAL:SASL_SSL,CONTROLLER:SASL_SSL
controller.listener.names=CONTROLLER
inter.broker.listener.name=INTERNAL
sasl.mechanism.inter.broker.protocol=PLAIN
sasl.mechanism.controller.protocol=PLAIN
listener.name.client.sasl.enabled.mechanisms=SCRAM-SHA-512
listener.name.client.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
listener.name.internal.sasl.enabled.mechanisms=PLAIN
listener.name.internal.plain.sasl.jaas.config=$plain
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=$plain
ssl.keystore.type=PKCS12
ssl.keystore.location=$TLS/kafka.p12
ssl.keystore.password=$KAFKA_TLS_STORE_PASSWORD
ssl.truststore.type=PEM
ssl.truststore.location=$TLS/kafka-ca.pem
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:admin
allow.everyone.if.no.acl.found=false
log.dirs=$DATA
num.partitions=3
# One broker: the internal topics cannot have more than one replica. A cluster of three keeps Kafka's
# defaults (3 replicas) and min.insync.replicas=2, as kafka-topics.sh gives every topic.
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
# Only kafka-init creates topics (with their settings); a client cannot make one by asking for it.
auto.create.topics.enable=false
PROPS
chmod 600 "$CONFIG"

# The admin's client settings, for the health check.
cat > /tmp/admin.properties << PROPS
security.protocol=SASL_SSL
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="$KAFKA_ADMIN_PASSWORD";
ssl.truststore.type=PEM
ssl.truststore.location=$TLS/kafka-ca.pem
PROPS
chmod 600 /tmp/admin.properties

if [ ! -f "$DATA/meta.properties" ]; then
  /opt/kafka/bin/kafka-storage.sh format --config "$CONFIG" --cluster-id "$CLUSTER_ID" --ignore-formatted
fi
exec /opt/kafka/bin/kafka-server-start.sh "$CONFIG"
