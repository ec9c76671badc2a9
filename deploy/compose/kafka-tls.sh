#!/bin/bash
# Makes the compose broker's TLS certificate once, into the kafka-tls volume (run by the kafka-tls service):
# self-signed, for the names kafka and localhost, valid ten years. The broker reads kafka.p12; every client
# trusts kafka-ca.pem (KAFKA_SSL_TRUSTSTORE_LOCATION, type PEM). A production cluster uses its own CA instead.
set -euo pipefail

: "${KAFKA_TLS_STORE_PASSWORD:?set KAFKA_TLS_STORE_PASSWORD}"
TLS=/var/lib/kafka/tls
if [ ! -f "$TLS/kafka.p12" ]; then
  keytool -genkeypair -alias kafka -keyalg RSA -keysize 3072 -validity 3650 \
    -dname "CN=kafka" -ext "SAN=dns:kafka,dns:localhost" \
    -storetype PKCS12 -keystore "$TLS/kafka.p12" -storepass "$KAFKA_TLS_STORE_PASSWORD"
  keytool -exportcert -rfc -alias kafka -keystore "$TLS/kafka.p12" -storepass "$KAFKA_TLS_STORE_PASSWORD" \
    > "$TLS/kafka-ca.pem"
fi
# The broker runs as the image's appuser (1000); the services only read the certificate.
chown 1000:1000 "$TLS/kafka.p12"
chmod 600 "$TLS/kafka.p12"
chmod 644 "$TLS/kafka-ca.pem"
