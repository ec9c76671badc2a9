#!/usr/bin/env bash
# Validates the deployment assets without Docker or a Kubernetes cluster:
#   docker-compose.yml, the services' Dockerfiles, deploy/compose, deploy/prometheus,
#   deploy/grafana and deploy/kubernetes.
# Installs what it needs from Debian (promtool from `prometheus`, PyYAML, docker-compose v1
# for a schema check when the compose plugin is absent) only when missing.
#
# Usage: deploy/validate.sh          (exit status 0 only when every check passed)
#   VALIDATE_NO_INSTALL=1 deploy/validate.sh   never calls apt-get
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
missing=()
command -v promtool > /dev/null 2>&1 || missing+=(prometheus)
python3 -c 'import yaml' > /dev/null 2>&1 || missing+=(python3-yaml)
[ -n "$(compose_cli)" ] || missing+=(docker-compose)
if [ "${#missing[@]}" -gt 0 ] && [ "${VALIDATE_NO_INSTALL:-0}" != "1" ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo > /dev/null 2>&1; then SUDO="sudo"; else
      echo "validate: missing ${missing[*]} and not root (no sudo): install them with apt-get" >&2
    fi
  fi
  if [ "$(id -u)" -eq 0 ] || [ -n "$SUDO" ]; then
    echo "  installing from Debian: ${missing[*]}"
    if ! { $SUDO apt-get update -qq > "$WORK/apt.log" 2>&1 &&
      DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >> "$WORK/apt.log" 2>&1; }; then
      tail -20 "$WORK/apt.log" >&2
      echo "validate: apt-get install ${missing[*]} failed" >&2
    fi
  fi
fi
run "promtool available ($(command -v promtool || echo missing))" command -v promtool
run "python3 with PyYAML available" python3 -c 'import yaml'
if ! command -v promtool > /dev/null 2>&1 || ! python3 -c 'import yaml' > /dev/null 2>&1; then
  printf '\nvalidate: %d passed, %d failed\n' "$passed" "$failed"
  exit 1
fi

# --- (b) Prometheus -------------------------------------------------------------------
section "prometheus"
for f in deploy/prometheus/prometheus.yml deploy/prometheus/prometheus-local.yml; do
  run "promtool check config $f" promtool check config "$f"
done

# --- structural checks (python3 + PyYAML) ---------------------------------------------
# Each check prints one line: ok<TAB>name, or FAIL<TAB>name<TAB>detail.
cat > "$WORK/checks.py" << 'PY'
import base64, glob, json, os, re, sys
import yaml

SECTION, WORK = sys.argv[1], sys.argv[2]
SERVICES = {"ingest-service": 8081, "metrics-service": 8082, "report-service": 8083}


def emit(ok, name, detail=""):
    detail = " | ".join(str(detail).split("\n")).replace("\t", " ")
    print(("ok\t%s" % name) if ok else ("FAIL\t%s\t%s" % (name, detail)), flush=True)


def check(name, problems):
    """problems: list of strings; empty means the check passed."""
    emit(not problems, name, "; ".join(problems))


def load_yaml(path):
    """The document as a dict; {} for an empty or missing file (later checks name it)."""
    if not os.path.exists(path):
        return {}
    with open(path) as f:
        return yaml.safe_load(f) or {}


def pinned(image):
    if "@sha256:" in image:
        return True
    last = image.rsplit("/", 1)[-1]
    return ":" in last and last.split(":", 1)[1] not in ("", "latest")


def app_port(service):
    path = os.path.join(service, "src/main/resources/application.properties")
    if os.path.exists(path):
        for line in open(path):
            m = re.match(r"\s*quarkus\.http\.port\s*=\s*(\d+)", line)
            if m:
                return int(m.group(1))
    return None


def compose_section():
    try:
        doc = load_yaml("docker-compose.yml")
        emit(isinstance(doc, dict) and isinstance(doc.get("services"), dict),
             "docker-compose.yml parses, has services")
    except Exception as e:  # noqa: BLE001
        emit(False, "docker-compose.yml parses, has services", e)
        return
    svcs = doc["services"]
    required = ["kafka", "postgres", *SERVICES, "prometheus", "grafana"]
    check("compose: services " + ", ".join(required) + " defined",
          ["missing " + s for s in required if s not in svcs])

    problems = []
    for name, s in svcs.items():
        image = s.get("image")
        if not image:
            problems.append("%s has no image: tag" % name)
        elif not pinned(image):
            problems.append("%s image %s is not pinned to a tag" % (name, image))
    check("compose: every image pinned to a tag (none :latest)", problems)
    expect_images = {"kafka": "apache/kafka:4.1.1", "postgres": "postgres:17"}
    check("compose: kafka is apache/kafka:4.1.1, postgres is postgres:17",
          ["%s image is %s" % (n, svcs.get(n, {}).get("image")) for n, i in expect_images.items()
           if svcs.get(n, {}).get("image") != i])

    for svc, port in SERVICES.items():
        s = svcs.get(svc, {})
        b = s.get("build") or {}
        ctx = b if isinstance(b, str) else b.get("context", "")
        dockerfile = "Dockerfile" if isinstance(b, str) else b.get("dockerfile", "Dockerfile")
        problems = []
        if not ctx:
            problems.append("no build context")
        elif not os.path.isdir(ctx):
            problems.append("context %s missing" % ctx)
        elif os.path.normpath(os.path.join(ctx, dockerfile)) != os.path.normpath(
                os.path.join(svc, "src/main/docker/Dockerfile.jvm")):
            problems.append("dockerfile is %s, expected src/main/docker/Dockerfile.jvm" % dockerfile)
        elif not os.path.isfile(os.path.join(ctx, dockerfile)):
            problems.append("%s missing" % os.path.join(ctx, dockerfile))
        check("compose: %s builds from %s/src/main/docker/Dockerfile.jvm" % (svc, svc), problems)

    problems, mounts = [], 0
    for name, s in svcs.items():
        for v in s.get("volumes", []) or []:
            if isinstance(v, str):
                src = v.split(":", 1)[0]
                if not (src.startswith(".") or src.startswith("/")):
                    continue  # named volume
            else:
                if v.get("type") != "bind":
                    continue
                src = v.get("source", "")
            mounts += 1
            rel = os.path.relpath(os.path.normpath(src), ".")
            if not rel.startswith("deploy" + os.sep):
                problems.append("%s mounts %s, which is not under deploy/" % (name, src))
            elif not os.path.exists(rel):
                problems.append("%s mounts %s, which does not exist" % (name, src))
    if mounts == 0:
        problems.append("no bind mounts at all")
    check("compose: every bind-mounted file is under deploy/ and exists (%d)" % mounts, problems)

    for svc, port in SERVICES.items():
        published = []
        for p in svcs.get(svc, {}).get("ports", []) or []:
            if isinstance(p, dict):
                published.append((str(p.get("published")), str(p.get("target"))))
            else:
                parts = str(p).split(":")
                if len(parts) >= 2:
                    published.append((parts[-2], parts[-1].split("/")[0]))
        check("compose: %s publishes %d:%d" % (svc, port, port),
              [] if (str(port), str(port)) in published else ["ports are %s" % published])

    problems = []
    for name in ["kafka", "postgres", *SERVICES, "prometheus", "grafana"]:
        hc = svcs.get(name, {}).get("healthcheck") or {}
        if not hc.get("test"):
            problems.append("%s has no healthcheck" % name)
    for svc, port in SERVICES.items():
        test = " ".join(svcs.get(svc, {}).get("healthcheck", {}).get("test", []) or [])
        if "/q/health/ready" not in test or str(port) not in test:
            problems.append("%s healthcheck does not probe :%d/q/health/ready" % (svc, port))
    check("compose: health checks on infrastructure and services (services on /q/health/ready)",
          problems)

    problems = []
    for name, s in svcs.items():
        deps = s.get("depends_on") or {}
        if isinstance(deps, list):
            deps = {d: {"condition": "service_started"} for d in deps}
        for dep, spec in deps.items():
            cond = (spec or {}).get("condition", "service_started")
            if dep not in svcs:
                problems.append("%s depends on unknown %s" % (name, dep))
            elif cond == "service_healthy" and not (svcs[dep].get("healthcheck") or {}).get("test"):
                problems.append("%s waits for %s healthy, which has no healthcheck" % (name, dep))
            elif cond not in ("service_started", "service_healthy", "service_completed_successfully"):
                problems.append("%s: unknown condition %s" % (name, cond))

    def waits_for(svc, target, conds):
        deps = svcs.get(svc, {}).get("depends_on") or {}
        if not isinstance(deps, dict):
            return False
        if target in deps and deps[target].get("condition") in conds:
            return True
        # through an init container that itself waits for the target
        return any(d != target and (spec or {}).get("condition") == "service_completed_successfully"
                   and waits_for(d, target, conds) for d, spec in deps.items())

    for svc in SERVICES:
        if not waits_for(svc, "kafka", ("service_healthy", "service_completed_successfully")):
            problems.append("%s does not wait for kafka (healthy or via an init container)" % svc)
    if not waits_for("report-service", "postgres", ("service_healthy",)):
        problems.append("report-service does not wait for postgres healthy")
    if not waits_for("grafana", "prometheus", ("service_healthy", "service_started")):
        problems.append("grafana does not depend on prometheus")
    check("compose: depends_on conditions (services wait for kafka/postgres)", problems)

    problems = []
    for svc in SERVICES:
        env = svcs.get(svc, {}).get("environment") or {}
        if isinstance(env, list):
            env = dict(e.split("=", 1) for e in env)
        if not env.get("KAFKA_BOOTSTRAP_SERVERS"):
            problems.append("%s: no KAFKA_BOOTSTRAP_SERVERS" % svc)
        if svc == "ingest-service" and not (env.get("INGEST_API_KEY_DIGESTS") or env.get("INGEST_API_KEY_FILE")):
            problems.append("ingest-service: no INGEST_API_KEY_DIGESTS or INGEST_API_KEY_FILE")
        if env.get("INGEST_API_KEYS"):
            problems.append("%s: plain INGEST_API_KEYS (configure digests)" % svc)
        if svc == "metrics-service" and any(k.startswith("QUARKUS_DATASOURCE") for k in env):
            problems.append("metrics-service: has a datasource, but keeps its state in Kafka")
        if svc == "report-service":
            db = svc.split("-")[0]
            url = str(env.get("QUARKUS_DATASOURCE_JDBC_URL", ""))
            if not re.match(r"jdbc:postgresql://postgres:5432/%s$" % db, url):
                problems.append("%s: JDBC URL %r is not the %s database" % (svc, url, db))
            for k in ("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD"):
                if not env.get(k):
                    problems.append("%s: no %s" % (svc, k))
    check("compose: service environment (bootstrap servers, report's JDBC database, API keys)", problems)

    kenv = svcs.get("kafka", {}).get("environment") or {}
    problems = []
    roles = set(str(kenv.get("KAFKA_PROCESS_ROLES", "")).split(","))
    if roles != {"broker", "controller"}:
        problems.append("KAFKA_PROCESS_ROLES is %s" % kenv.get("KAFKA_PROCESS_ROLES"))
    cid = str(kenv.get("CLUSTER_ID", ""))
    try:
        if len(base64.urlsafe_b64decode(cid + "==")) != 16 or len(cid) != 22:
            raise ValueError
    except Exception:  # noqa: BLE001
        problems.append("CLUSTER_ID %r is not a base64 UUID (kafka-storage.sh random-uuid)" % cid)
    if "kafka" not in str(kenv.get("KAFKA_ADVERTISED_LISTENERS", "")):
        problems.append("advertised listener does not use the compose host name kafka")
    check("compose: Kafka is a single KRaft broker+controller with a valid CLUSTER_ID", problems)

    script = "deploy/compose/kafka-topics.sh"
    problems = []
    if not os.path.exists(script):
        problems.append("%s missing" % script)
    else:
        creates = {}
        for line in open(script):
            m = re.match(r"\s*create\s+(\S+)\s+(\d+)(.*)", line)
            if m:
                creates[m.group(1)] = m.group(3)
        for t in ("market.prices", "company.filings", "company.estimates", "market.macro",
                  "company.profiles", "metrics.company", "metrics.universe"):
            if t not in creates:
                problems.append("topic %s not created" % t)
            elif t.startswith("metrics.") and "cleanup.policy=compact" not in creates[t]:
                problems.append("topic %s not compacted" % t)
        mounted = any(isinstance(v, str) and v.split(":")[0].endswith(script)
                      for v in svcs.get("kafka-init", {}).get("volumes", []) or [])
        if not mounted:
            problems.append("no kafka-init service mounting %s" % script)
    check("compose: kafka-init creates the 7 topics, metrics.* compacted", problems)

    problems = []
    sqls = [v.split(":")[0] for v in svcs.get("postgres", {}).get("volumes", []) or []
            if isinstance(v, str) and "docker-entrypoint-initdb.d" in v]
    text = "".join(open(p).read() for p in sqls if os.path.exists(p)).lower()
    for db in ("report",):
        if not re.search(r"create\s+database\s+\"?%s\"?" % db, text):
            problems.append("no CREATE DATABASE %s in %s" % (db, sqls))
    if re.search(r"create\s+database\s+\"?metrics\"?", text):
        problems.append("a metrics database is created, but metrics-service keeps its state in Kafka")
    check("compose: postgres init script creates the report database (and no metrics one)", problems)
    kafka_security_compose(svcs)

    for svc, port in SERVICES.items():
        path = os.path.join(svc, "src/main/docker/Dockerfile.jvm")
        problems = []
        if not os.path.exists(path):
            check("Dockerfile %s" % path, ["missing"])
            continue
        text = open(path).read()
        if not re.search(r"^FROM registry\.access\.redhat\.com/ubi9/openjdk-17:[\w.-]+\s*$", text, re.M):
            problems.append("FROM is not a pinned registry.access.redhat.com/ubi9/openjdk-17 tag")
        for part in ("lib/", "*.jar", "app/", "quarkus/"):
            if "target/quarkus-app/" + part not in text:
                problems.append("does not copy target/quarkus-app/" + part)
        if "/deployments/quarkus-run.jar" not in text:
            problems.append("JAVA_APP_JAR is not /deployments/quarkus-run.jar")
        exposed = re.findall(r"^EXPOSE\s+(\d+)", text, re.M)
        if exposed != [str(port)]:
            problems.append("EXPOSE %s, expected %d" % (exposed, port))
        configured = app_port(svc)
        if configured is not None and configured != port:
            problems.append("application.properties says quarkus.http.port=%s" % configured)
        check("Dockerfile %s: ubi9/openjdk-17, fast-jar layers, EXPOSE %d" % (path, port), problems)

    prom = load_yaml("deploy/prometheus/prometheus.yml")
    targets, problems = {}, []
    for job in prom.get("scrape_configs", []):
        for sc in job.get("static_configs", []):
            for t in sc.get("targets", []):
                targets[t] = job.get("metrics_path", "/metrics")
    for svc, port in SERVICES.items():
        t = "%s:%d" % (svc, port)
        if targets.get(t) != "/q/metrics":
            problems.append("%s not scraped on /q/metrics" % t)
    pvols = " ".join(v for v in svcs.get("prometheus", {}).get("volumes", []) if isinstance(v, str))
    if "deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml" not in pvols:
        problems.append("prometheus service does not mount deploy/prometheus/prometheus.yml")
    check("prometheus.yml scrapes the three compose services on /q/metrics", problems)

    local = load_yaml("deploy/prometheus/prometheus-local.yml")
    problems, targets = [], {}
    for job in local.get("scrape_configs", []):
        for sc in job.get("static_configs", []):
            for t in sc.get("targets", []):
                targets[t] = (job.get("metrics_path", "/metrics"), job.get("scrape_interval"))
    if (local.get("global") or {}).get("scrape_interval") != "2s":
        problems.append("global scrape_interval is not 2s")
    for port in SERVICES.values():
        t = "localhost:%d" % port
        if t not in targets or targets[t][0] != "/q/metrics":
            problems.append("%s not scraped on /q/metrics" % t)
        elif targets[t][1] not in (None, "2s"):
            problems.append("%s scraped every %s" % (t, targets[t][1]))
    check("prometheus-local.yml scrapes localhost:8081-8083 /q/metrics every 2s", problems)

    gvols = [v for v in svcs.get("grafana", {}).get("volumes", []) if isinstance(v, str)]
    mount = {v.split(":")[0].lstrip("./"): v.split(":")[1] for v in gvols if v.startswith(".")}
    problems, uids = [], set()
    ds_files = glob.glob("deploy/grafana/provisioning/datasources/*.yml") + \
        glob.glob("deploy/grafana/provisioning/datasources/*.yaml")
    if not ds_files:
        problems.append("no datasource provisioning file")
    for f in ds_files:
        for ds in load_yaml(f).get("datasources", []):
            uids.add(ds.get("uid"))
            if ds.get("type") == "prometheus" and ds.get("url") != "http://prometheus:9090":
                problems.append("%s: url %s is not the compose prometheus" % (f, ds.get("url")))
    if mount.get("deploy/grafana/provisioning/datasources") != "/etc/grafana/provisioning/datasources":
        problems.append("datasources folder not mounted at /etc/grafana/provisioning/datasources")
    check("grafana: provisioned Prometheus datasource with a uid", problems + (
        [] if uids and None not in uids else ["datasource without uid"]))
    with open(os.path.join(WORK, "datasource-uids"), "w") as f:
        f.write("\n".join(sorted(u for u in uids if u)))

    problems = []
    dash_files = glob.glob("deploy/grafana/provisioning/dashboards/*.yml") + \
        glob.glob("deploy/grafana/provisioning/dashboards/*.yaml")
    paths = [p.get("options", {}).get("path") for f in dash_files
             for p in load_yaml(f).get("providers", [])]
    if not paths:
        problems.append("no dashboard provider")
    if mount.get("deploy/grafana/provisioning/dashboards") != "/etc/grafana/provisioning/dashboards":
        problems.append("dashboards provisioning folder not mounted")
    if mount.get("deploy/grafana/dashboards") not in paths:
        problems.append("deploy/grafana/dashboards is mounted at %s, providers read %s"
                        % (mount.get("deploy/grafana/dashboards"), paths))
    check("grafana: dashboard provider reads the mounted deploy/grafana/dashboards", problems)


PLANNED_METERS = [
    "saas_universe_companies", "saas_universe_median_ev_to_ntm_revenue",
    "saas_universe_bucket_companies", "ingest_events_accepted_total",
    "ingest_events_rejected_total", "metrics_events_applied_total",
    "metrics_events_dead_lettered_total", "metrics_event_processing_seconds_bucket",
    "metrics_event_lag_seconds", "kafka_consumer_fetch_manager_records_lag_max",
    "report_snapshots_served_total", "report_history_rows",
]


def dashboard_section():
    path = "deploy/grafana/dashboards/saas-valuation.json"
    try:
        d = json.load(open(path))
        emit(True, "dashboard %s parses as JSON" % path)
    except Exception as e:  # noqa: BLE001
        emit(False, "dashboard %s parses as JSON" % path, e)
        return
    check("dashboard: uid and title set", [k + " missing" for k in ("uid", "title") if not d.get(k)])
    panels = d.get("panels") or []
    flat = []
    for p in panels:
        flat.append(p)
        flat.extend(p.get("panels") or [])  # collapsed rows
    data_panels = [p for p in flat if p.get("type") != "row"]
    check("dashboard: has panels (%d)" % len(data_panels), [] if data_panels else ["no panels"])
    try:
        uids = set(open(os.path.join(WORK, "datasource-uids")).read().split())
    except OSError:
        uids = set()
    problems, exprs, ids = [], [], []
    for p in data_panels:
        title = p.get("title") or "(untitled id %s)" % p.get("id")
        ids.append(p.get("id"))
        if not p.get("title"):
            problems.append("panel id %s has no title" % p.get("id"))
        ds = p.get("datasource")
        if not isinstance(ds, dict) or not ds.get("uid"):
            problems.append("%s: no datasource uid" % title)
        elif uids and ds["uid"] not in uids:
            problems.append("%s: datasource uid %s is not provisioned" % (title, ds["uid"]))
        if not p.get("gridPos"):
            problems.append("%s: no gridPos" % title)
        targets = p.get("targets") or []
        if not targets:
            problems.append("%s: no targets" % title)
        for t in targets:
            if not str(t.get("expr", "")).strip():
                problems.append("%s: target %s has no PromQL expr" % (title, t.get("refId")))
            else:
                exprs.append((title, t["expr"]))
            tds = t.get("datasource")
            if isinstance(tds, dict) and uids and tds.get("uid") not in uids:
                problems.append("%s: target datasource uid %s not provisioned" % (title, tds.get("uid")))
    if len(set(ids)) != len(ids):
        problems.append("duplicate panel ids")
    check("dashboard: every panel has title, datasource, gridPos and PromQL targets", problems)
    joined = "\n".join(e for _, e in exprs)
    check("dashboard: covers the planned meters (%d)" % len(PLANNED_METERS),
          ["no panel queries " + m for m in PLANNED_METERS if m not in joined])
    check("dashboard: bucket panel selects high|mid|low",
          [] if re.search(r'bucket\s*=~\s*"high\|mid\|low"', joined) else ["no bucket=~\"high|mid|low\""])
    # Grafana's interval variables are not PromQL: substitute values for promtool.
    rules = {"groups": [{"name": "dashboard-exprs", "rules": []}]}
    for i, (title, e) in enumerate(exprs):
        e = e.replace("$__rate_interval", "1m").replace("$__interval", "1m").replace("$__range", "1h")
        rules["groups"][0]["rules"].append({"record": "dashboard:expr_%d" % i, "expr": e})
    with open(os.path.join(WORK, "dashboard-rules.yml"), "w") as f:
        yaml.safe_dump(rules, f, sort_keys=False)


KAFKA_PRINCIPALS = {"ingest-service": "ingest", "metrics-service": "metrics", "report-service": "report"}


def kafka_security_compose(svcs):
    """Kafka in compose: TLS + SASL on every listener, ACLs, a login per service, topics replicated."""
    problems = []
    broker = open("deploy/compose/kafka-broker.sh").read() if os.path.exists("deploy/compose/kafka-broker.sh") else ""
    m = re.search(r"^listener\.security\.protocol\.map=(.*)$", broker, re.M)
    if not m:
        problems.append("kafka-broker.sh sets no listener.security.protocol.map")
    else:
        for entry in m.group(1).split(","):
            if entry.split(":")[1] != "SASL_SSL":
                problems.append("listener %s is not SASL_SSL" % entry)
    for line in ("authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                 "allow.everyone.if.no.acl.found=false"):
        if line not in broker:
            problems.append("kafka-broker.sh lacks %s" % line)
    security = open("deploy/compose/kafka-security.sh").read() if os.path.exists("deploy/compose/kafka-security.sh") else ""
    for svc, user in KAFKA_PRINCIPALS.items():
        env = svcs.get(svc, {}).get("environment") or {}
        if env.get("KAFKA_USERNAME") != user or not env.get("KAFKA_PASSWORD"):
            problems.append("%s does not log in to Kafka as %s" % (svc, user))
        if not env.get("KAFKA_SSL_TRUSTSTORE_LOCATION"):
            problems.append("%s has no KAFKA_SSL_TRUSTSTORE_LOCATION" % svc)
        if not re.search(r"^user %s " % user, security, re.M):
            problems.append("kafka-security.sh creates no user %s" % user)
    if not re.search(r'allow ingest\s+--topic "\$topic" --operation Write', security):
        problems.append("kafka-security.sh: ingest may not write the input topics")
    if re.search(r"allow (metrics|report)\s+--topic \"\$topic\" --operation Write", security.split("for topic in metrics")[0]):
        problems.append("kafka-security.sh: a service other than ingest may write the input topics")
    topics = open("deploy/compose/kafka-topics.sh").read() if os.path.exists("deploy/compose/kafka-topics.sh") else ""
    for needle in ('REPLICATION_FACTOR="${REPLICATION_FACTOR:-3}"', 'MIN_INSYNC_REPLICAS="${MIN_INSYNC_REPLICAS:-2}"',
                   '--config "min.insync.replicas=$MIN_INSYNC_REPLICAS"'):
        if needle not in topics:
            problems.append("kafka-topics.sh lacks %s" % needle)
    check("compose: Kafka listeners all SASL_SSL with ACLs, a login per service, topics 3 replicas / "
          "min.insync.replicas 2 by default", problems)


def kafka_security_k8s(by_kind):
    """Kafka in Kubernetes: each service logs in as its own principal over TLS; the Job replicates every topic."""
    problems = []
    workloads = by_kind.get("Deployment", []) + by_kind.get("StatefulSet", [])
    for _, d in workloads:
        name = d["metadata"]["name"]
        if name not in KAFKA_PRINCIPALS:
            continue
        for c in d["spec"]["template"]["spec"].get("containers") or []:
            env = {e["name"]: e for e in c.get("env") or []}
            if (env.get("KAFKA_USERNAME") or {}).get("value") != KAFKA_PRINCIPALS[name]:
                problems.append("%s does not log in as %s" % (name, KAFKA_PRINCIPALS[name]))
            if "secretKeyRef" not in ((env.get("KAFKA_PASSWORD") or {}).get("valueFrom") or {}):
                problems.append("%s: KAFKA_PASSWORD not from a Secret" % name)
            if "KAFKA_SSL_TRUSTSTORE_LOCATION" not in env:
                problems.append("%s: no KAFKA_SSL_TRUSTSTORE_LOCATION" % name)
            if "INGEST_API_KEYS" in env:
                problems.append("%s: plain INGEST_API_KEYS (configure digests)" % name)
    jobs = [d for _, d in by_kind.get("Job", []) if d["metadata"]["name"] == "kafka-topics"]
    if not jobs:
        problems.append("no kafka-topics Job")
    else:
        c = jobs[0]["spec"]["template"]["spec"]["containers"][0]
        env = {e["name"]: e.get("value") for e in c.get("env") or []}
        script = "\n".join(c.get("args") or [])
        if env.get("REPLICATION_FACTOR") != "3" or env.get("MIN_INSYNC_REPLICAS") != "2":
            problems.append("kafka-topics Job: REPLICATION_FACTOR %s, MIN_INSYNC_REPLICAS %s (expected 3, 2)"
                            % (env.get("REPLICATION_FACTOR"), env.get("MIN_INSYNC_REPLICAS")))
        creates = [line for line in script.splitlines() if re.match(r"\s*t --topic", line)]
        if '--config "min.insync.replicas=$MIN_INSYNC_REPLICAS"' not in script or len(creates) < 6:
            problems.append("kafka-topics Job does not give every topic min.insync.replicas")
        if "security.protocol=SASL_SSL" not in script:
            problems.append("kafka-topics Job does not connect over SASL_SSL")
        for user in KAFKA_PRINCIPALS.values():
            if not re.search(r"^\s*user %s " % user, script, re.M):
                problems.append("kafka-topics Job creates no user %s" % user)
    check("kubernetes: each service logs in to Kafka as its own principal over TLS; the Job creates the logins, "
          "ACLs and every topic with 3 replicas, min.insync.replicas 2", problems)


def k8s_section():
    base = "deploy/kubernetes"
    files = sorted(glob.glob(base + "/*.yaml") + glob.glob(base + "/*.yml"))
    docs, problems = [], []
    for f in files:
        try:
            for d in yaml.safe_load_all(open(f)):
                if d is None:
                    continue
                docs.append((f, d))
                if f.endswith(("kustomization.yaml", "kustomization.yml")):
                    continue
                for k in ("apiVersion", "kind"):
                    if not d.get(k):
                        problems.append("%s: document without %s" % (f, k))
                if not (d.get("metadata") or {}).get("name"):
                    problems.append("%s: %s without metadata.name" % (f, d.get("kind")))
        except Exception as e:  # noqa: BLE001
            problems.append("%s: %s" % (f, e))
    check("kubernetes: %d files, %d documents parse; each has apiVersion, kind, name"
          % (len(files), len(docs)), problems or ([] if docs else ["no manifests"]))

    by_kind = {}
    for f, d in docs:
        by_kind.setdefault(d.get("kind"), []).append((f, d))

    kust = [d for f, d in docs if os.path.basename(f).startswith("kustomization")]
    problems = []
    if not kust:
        problems.append("no kustomization.yaml")
    else:
        res = kust[0].get("resources") or []
        for r in res:
            if not os.path.exists(os.path.join(base, r)):
                problems.append("resource %s missing" % r)
        for f in files:
            n = os.path.basename(f)
            if n.startswith("kustomization") or ".example." in n:
                continue
            if n not in res:
                problems.append("%s not listed in resources" % n)
        for r in res:
            if ".example." in r:
                problems.append("%s (placeholders) must not be a resource" % r)
    check("kubernetes: kustomization lists every manifest (placeholder secret excluded)", problems)

    namespaces = {d["metadata"]["name"] for _, d in by_kind.get("Namespace", [])}
    problems = []
    if not namespaces:
        problems.append("no Namespace")
    for f, d in docs:
        ns = (d.get("metadata") or {}).get("namespace")
        if ns and ns not in namespaces:
            problems.append("%s: %s/%s in undefined namespace %s"
                            % (f, d.get("kind"), d["metadata"].get("name"), ns))
    if kust and kust[0].get("namespace") and kust[0]["namespace"] not in namespaces:
        problems.append("kustomization namespace is not defined")
    check("kubernetes: Namespace defined, everything in it", problems)

    configmaps = {d["metadata"]["name"]: set((d.get("data") or {}).keys())
                  | set((d.get("binaryData") or {}).keys())
                  for _, d in by_kind.get("ConfigMap", [])}
    secrets = {d["metadata"]["name"]: set((d.get("data") or {}).keys())
               | set((d.get("stringData") or {}).keys())
               for _, d in by_kind.get("Secret", [])}
    check("kubernetes: a ConfigMap and a Secret are defined",
          ([] if configmaps else ["no ConfigMap"]) + ([] if secrets else ["no Secret"]))
    problems = []
    for f, d in by_kind.get("Secret", []):
        values = list((d.get("stringData") or {}).values()) + list((d.get("data") or {}).values())
        for k, v in list((d.get("stringData") or {}).items()) + list((d.get("data") or {}).items()):
            text = str(v)
            if k in (d.get("data") or {}):
                try:
                    text = base64.b64decode(text).decode()
                except Exception:  # noqa: BLE001
                    pass
            if "REPLACE_ME" not in text:
                problems.append("%s: %s has a value not marked REPLACE_ME" % (f, k))
    check("kubernetes: Secret values in the repository are marked placeholders (REPLACE_ME)", problems)

    # metrics-service is a StatefulSet (Kafka Streams: stable identity, state directory), the others Deployments.
    expected_kind = {s: ("StatefulSet" if s == "metrics-service" else "Deployment") for s in SERVICES}
    deployments = by_kind.get("Deployment", []) + by_kind.get("StatefulSet", [])
    kinds = {d["metadata"]["name"]: d.get("kind") for _, d in deployments}
    check("kubernetes: workloads for the three services (metrics-service a StatefulSet)",
          ["no %s %s" % (k, s) for s, k in expected_kind.items() if kinds.get(s) != k])

    workload_kinds = ("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob")
    for kind in workload_kinds:
        for f, d in by_kind.get(kind, []):
            name = d["metadata"]["name"]
            spec = d.get("spec") or {}
            if kind == "CronJob":
                spec = ((spec.get("jobTemplate") or {}).get("spec")) or {}
            pod = ((spec.get("template") or {}).get("spec")) or {}
            containers = (pod.get("containers") or []) + (pod.get("initContainers") or [])
            problems = []
            if not containers:
                problems.append("no containers")
            for c in containers:
                cname = c.get("name")
                for e in c.get("env") or []:
                    vf = e.get("valueFrom") or {}
                    for ref_kind, store in (("configMapKeyRef", configmaps), ("secretKeyRef", secrets)):
                        ref = vf.get(ref_kind)
                        if ref is None:
                            continue
                        if ref.get("name") not in store:
                            problems.append("%s env %s: %s %s not defined in %s"
                                            % (cname, e.get("name"), ref_kind, ref.get("name"), base))
                        elif ref.get("key") not in store[ref["name"]] and not ref.get("optional"):
                            problems.append("%s env %s: key %s not in %s"
                                            % (cname, e.get("name"), ref.get("key"), ref.get("name")))
                for ef in c.get("envFrom") or []:
                    for ref_kind, store in (("configMapRef", configmaps), ("secretRef", secrets)):
                        ref = ef.get(ref_kind)
                        if ref is not None and ref.get("name") not in store:
                            problems.append("%s envFrom %s %s not defined" % (cname, ref_kind, ref.get("name")))
                image = c.get("image", "")
                if not image or not pinned(image):
                    problems.append("%s image %r not pinned to a tag" % (cname, image))
                req = (c.get("resources") or {}).get("requests") or {}
                if not (req.get("cpu") and req.get("memory")):
                    problems.append("%s has no resources.requests cpu+memory" % cname)
                if not ((c.get("resources") or {}).get("limits") or {}).get("memory"):
                    problems.append("%s has no memory limit" % cname)
            for v in pod.get("volumes") or []:
                if "configMap" in v and v["configMap"].get("name") not in configmaps:
                    problems.append("volume %s: ConfigMap %s not defined" % (v.get("name"), v["configMap"].get("name")))
                if "secret" in v and v["secret"].get("secretName") not in secrets:
                    problems.append("volume %s: Secret %s not defined" % (v.get("name"), v["secret"].get("secretName")))
            check("kubernetes: %s/%s: ConfigMap/Secret references resolve, images pinned, requests set"
                  % (kind, name), problems)

    for f, d in deployments:
        name = d["metadata"]["name"]
        spec = d.get("spec") or {}
        tmpl = spec.get("template") or {}
        labels = (tmpl.get("metadata") or {}).get("labels") or {}
        problems = []
        sel = (spec.get("selector") or {}).get("matchLabels") or {}
        if not sel or any(labels.get(k) != v for k, v in sel.items()):
            problems.append("selector %s does not match template labels %s" % (sel, labels))
        for c in (tmpl.get("spec") or {}).get("containers") or []:
            ports = {p.get("name"): p.get("containerPort") for p in c.get("ports") or []}
            for probe, path in (("readinessProbe", "/q/health/ready"), ("livenessProbe", "/q/health/live")):
                pr = c.get(probe)
                if not pr:
                    problems.append("%s: no %s" % (c.get("name"), probe))
                    continue
                hg = pr.get("httpGet") or {}
                if hg.get("path") != path:
                    problems.append("%s: %s path is %s, expected %s" % (c.get("name"), probe, hg.get("path"), path))
                port = hg.get("port")
                if port not in ports and port not in ports.values():
                    problems.append("%s: %s port %s is not a container port" % (c.get("name"), probe, port))
            if name in SERVICES and SERVICES[name] not in ports.values():
                problems.append("%s: containerPort is not %d" % (c.get("name"), SERVICES[name]))
        check("kubernetes: %s/%s: readiness %s, liveness %s, selector matches"
              % (d.get("kind"), name, "/q/health/ready", "/q/health/live"), problems)

    problems = []
    for f, d in by_kind.get("Service", []):
        sel = (d.get("spec") or {}).get("selector") or {}
        match = [dd for _, dd in deployments
                 if sel and all((((dd.get("spec") or {}).get("template") or {}).get("metadata") or {})
                                .get("labels", {}).get(k) == v for k, v in sel.items())]
        if not match:
            problems.append("Service %s selects no Deployment" % d["metadata"]["name"])
            continue
        c_ports = {}
        for c in match[0]["spec"]["template"]["spec"].get("containers") or []:
            for p in c.get("ports") or []:
                c_ports[p.get("name")] = p.get("containerPort")
        for p in (d.get("spec") or {}).get("ports") or []:
            tp = p.get("targetPort", p.get("port"))
            if tp not in c_ports and tp not in c_ports.values():
                problems.append("Service %s targetPort %s is not a container port" % (d["metadata"]["name"], tp))
    svc_names = {d["metadata"]["name"] for _, d in by_kind.get("Service", [])}
    problems += ["no Service " + s for s in SERVICES if s not in svc_names]
    statefulsets = [d for _, d in by_kind.get("StatefulSet", [])]
    for d in statefulsets:
        headless = [s for _, s in by_kind.get("Service", [])
                    if s["metadata"]["name"] == (d.get("spec") or {}).get("serviceName")]
        if not headless or (headless[0].get("spec") or {}).get("clusterIP") != "None":
            problems.append("StatefulSet %s: serviceName is not a headless Service" % d["metadata"]["name"])
    check("kubernetes: a Service per service, selecting its workload's port; StatefulSets have a headless one",
          problems)

    problems = []
    metrics = [d for _, d in deployments if d["metadata"]["name"] == "metrics-service"]
    partitions = None
    for cm in by_kind.get("ConfigMap", []):
        partitions = (cm[1].get("data") or {}).get("input-topic-partitions", partitions)
    if metrics:
        replicas = (metrics[0].get("spec") or {}).get("replicas", 1)
        if partitions is not None and str(replicas) != str(partitions):
            problems.append("metrics-service replicas %s != input-topic-partitions %s" % (replicas, partitions))
        if replicas < 2:
            problems.append("metrics-service is not scaled out (replicas %s)" % replicas)
    else:
        problems.append("no metrics-service StatefulSet")
    check("kubernetes: metrics-service replicas = input-topic partitions", problems)
    kafka_security_k8s(by_kind)
    check("kubernetes: README.md explains applying and the global universe",
          [] if os.path.exists(base + "/README.md") and "metrics.company" in open(base + "/README.md").read()
          else ["deploy/kubernetes/README.md missing or silent on metrics.company"])


{"compose": compose_section, "dashboard": dashboard_section, "kubernetes": k8s_section}[SECTION]()
PY

# py_section SECTION: runs one section of checks.py and counts its lines.
py_section() {
  local status name detail rc=0
  python3 "$WORK/checks.py" "$1" "$WORK" > "$WORK/$1.out" 2> "$WORK/$1.err" || rc=$?
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
  run "$cli config -q (schema)" $cli -f docker-compose.yml config -q
else
  skip "docker compose config -q: neither the compose plugin nor docker-compose is installed"
fi

# --- (d) Grafana dashboard ------------------------------------------------------------
section "grafana dashboard"
py_section dashboard
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
