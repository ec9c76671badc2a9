#!/usr/bin/env bash
# Validates the deployment assets without Docker or a Kubernetes cluster:
#   docker-compose.yml, the services' Dockerfiles, deploy/compose, deploy/prometheus,
#   deploy/grafana and deploy/kubernetes.
# It only orchestrates: the tools' own validators (promtool, docker compose config, kubectl kustomize) and the
# structural checks of deploy/checks (python3 deploy/checks SECTION; its tests: cd deploy/checks && python3 -m unittest).
# It installs nothing: it needs promtool (Debian `prometheus`) and python3 with PyYAML (`python3-yaml`); docker compose
# or docker-compose and kubectl are optional (their checks are skipped). .ci/run installs them.
#
# Usage: deploy/validate.sh          (exit status 0 only when every check passed)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

passed=0
failed=0
skipped=0
failures=()

ok() {
  passed=$((passed + 1))
  printf '  ok    %s\n' "$1"
}
bad() {
  failed=$((failed + 1))
  failures+=("$1")
  printf '  FAIL  %s\n' "$1"
  if [ -n "${2:-}" ]; then
    printf '%s\n' "$2" | sed 's/^/          /'
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf '  skip  %s\n' "$1"
}
# run NAME COMMAND...: one check that passes when COMMAND exits 0.
run() {
  local name="$1" out
  shift
  if out="$("$@" 2>&1)"; then
    ok "$name"
  else
    bad "$name" "$out"
  fi
}
section() { printf '\n== %s\n' "$1"; }

# --- (a) tools -----------------------------------------------------------------------
section "tools"
compose_cli() {
  if docker compose version > /dev/null 2>&1; then
    echo "docker compose"
  elif command -v docker-compose > /dev/null 2>&1; then
    echo "docker-compose"
  fi
}
run "promtool available ($(command -v promtool || echo missing))" command -v promtool
run "python3 with PyYAML available" python3 -c 'import yaml'
if ! command -v promtool > /dev/null 2>&1 || ! python3 -c 'import yaml' > /dev/null 2>&1; then
  printf '\nvalidate: %d passed, %d failed (install prometheus and python3-yaml: see .ci/run)\n' "$passed" "$failed"
  exit 1
fi

# --- (b) Prometheus -------------------------------------------------------------------
section "prometheus"
for f in deploy/prometheus/prometheus.yml deploy/prometheus/prometheus-local.yml; do
  run "promtool check config $f" promtool check config "$f"
done

# py_section SECTION [OPTIONS]: runs one section of deploy/checks and counts its lines.
py_section() {
  local status name detail rc=0
  python3 deploy/checks "$@" > "$WORK/$1.out" 2> "$WORK/$1.err" || rc=$?
  while IFS=$'\t' read -r status name detail; do
    case "$status" in
      ok) ok "$name" ;;
      FAIL) bad "$name" "${detail//; /$'\n'}" ;;
    esac
  done < "$WORK/$1.out"
  if [ "$rc" -ne 0 ]; then
    bad "$1 checks ran to the end" "$(tail -15 "$WORK/$1.err")"
  fi
}

# --- (c) docker-compose.yml ---------------------------------------------------------------
section "docker compose"
py_section compose
for script in deploy/compose/*.sh; do
  run "bash -n $script" bash -n "$script"
done
cli="$(compose_cli)"
if [ -n "$cli" ]; then
  # Reads and schema-checks the file; needs no Docker daemon.
  # Grafana's admin password has no default (compose refuses to start without it): any value does for the schema.
  run "$cli config -q (schema)" env GRAFANA_ADMIN_PASSWORD=schema-check-only $cli -f docker-compose.yml config -q
else
  skip "docker compose config -q: neither the compose plugin nor docker-compose is installed"
fi

# --- (d) Grafana dashboard ------------------------------------------------------------
section "grafana dashboard"
py_section dashboard --promql-rules "$WORK/dashboard-rules.yml"
if [ -s "$WORK/dashboard-rules.yml" ]; then
  n="$(grep -c 'record:' "$WORK/dashboard-rules.yml" || true)"
  run "dashboard: all $n PromQL expressions parse (promtool check rules)" \
    promtool check rules "$WORK/dashboard-rules.yml"
fi

# --- (e) Kubernetes manifests ---------------------------------------------------------
section "kubernetes"
py_section kubernetes
if command -v kubectl > /dev/null 2>&1; then
  run "kubectl kustomize deploy/kubernetes renders" kubectl kustomize deploy/kubernetes
else
  skip "kubectl kustomize: kubectl not installed"
fi

# --- summary ----------------------------------------------------------------------------
echo
if [ "$skipped" -gt 0 ]; then
  echo "($skipped optional check(s) skipped)"
fi
if [ "$failed" -gt 0 ]; then
  echo "failed:"
  printf '  - %s\n' "${failures[@]}"
fi
printf 'validate: %d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
