#!/usr/bin/env bash
# Prints the SHA-256 digest the ingest service is configured with instead of an API key
# (a value of INGEST_API_KEY_DIGESTS, or a line of the INGEST_API_KEY_FILE file).
#
#   ingest-service/api-key-digest.sh --new      a new random key (shown once: hand it to the client) and its digest
#   ingest-service/api-key-digest.sh < keyfile  the digest of an existing key, read from stdin (one line)
#
# The key is never taken as an argument, so it stays out of shell history and the process list.
set -euo pipefail

case "${1:-}" in
  --new)
    key="$(head -c 32 /dev/urandom | od -An -v -tx1 | tr -d ' \n')"
    printf 'key:    %s\n' "$key"
    ;;
  "")
    key=""
    IFS= read -r key || true
    if [ -z "$key" ]; then
      echo "api-key-digest: no key on stdin (or use --new)" >&2
      exit 2
    fi
    ;;
  *)
    sed -n '2,8p' "$0" >&2
    exit 2
    ;;
esac
printf 'digest: %s\n' "$(printf '%s' "$key" | sha256sum | cut -d' ' -f1)"
