"""docker-compose.yml: services, images, builds, mounts, ports, health checks, start order, environment, Kafka."""
import base64
import os
import re

from .files import load_yaml, pinned, read_text
from .results import KAFKA_PRINCIPALS, SERVICES
from .topics import input_topic_problems, streams_defaults_problems


def check_compose(checks):
    """docker-compose.yml and the scripts it mounts; returns its services, or None when it does not parse."""
    try:
        doc = load_yaml("docker-compose.yml")
        checks.emit(isinstance(doc, dict) and isinstance(doc.get("services"), dict),
             "docker-compose.yml parses, has services")
    except Exception as e:  # noqa: BLE001
        checks.emit(False, "docker-compose.yml parses, has services", e)
        return None
    svcs = doc["services"]
    required = ["kafka", "postgres", *SERVICES, "prometheus", "grafana"]
    checks.check("compose: services " + ", ".join(required) + " defined",
          ["missing " + s for s in required if s not in svcs])

    problems = []
    for name, s in svcs.items():
        image = s.get("image")
        if not image:
            problems.append("%s has no image: tag" % name)
        elif not pinned(image):
            problems.append("%s image %s is not pinned to a tag" % (name, image))
    checks.check("compose: every image pinned to a tag (none :latest)", problems)
    expect_images = {"kafka": "apache/kafka:4.1.1", "postgres": "postgres:17"}
    checks.check("compose: kafka is apache/kafka:4.1.1, postgres is postgres:17",
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
        checks.check("compose: %s builds from %s/src/main/docker/Dockerfile.jvm" % (svc, svc), problems)

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
    checks.check("compose: every bind-mounted file is under deploy/ and exists (%d)" % mounts, problems)

    for svc, port in SERVICES.items():
        published = []
        for p in svcs.get(svc, {}).get("ports", []) or []:
            if isinstance(p, dict):
                published.append((str(p.get("published")), str(p.get("target"))))
            else:
                parts = str(p).split(":")
                if len(parts) >= 2:
                    published.append((parts[-2], parts[-1].split("/")[0]))
        checks.check("compose: %s publishes %d:%d" % (svc, port, port),
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
    checks.check("compose: health checks on infrastructure and services (services on /q/health/ready)",
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
    checks.check("compose: depends_on conditions (services wait for kafka/postgres)", problems)

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
    checks.check("compose: service environment (bootstrap servers, report's JDBC database, API keys)", problems)

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
    checks.check("compose: Kafka is a single KRaft broker+controller with a valid CLUSTER_ID", problems)

    script = "deploy/compose/kafka-topics.sh"
    problems = []
    if not os.path.exists(script):
        problems.append("%s missing" % script)
    else:
        creates = {}
        for line in read_text(script).splitlines():
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
    checks.check("compose: kafka-init creates the 7 topics, metrics.* compacted", problems)

    problems = []
    if os.path.exists(script):
        problems += input_topic_problems(creates, script)
    problems += streams_defaults_problems()
    init_env = svcs.get("kafka-init", {}).get("environment") or {}
    metrics_env = svcs.get("metrics-service", {}).get("environment") or {}
    for var, topics_var in (("METRICS_INTERNAL_TOPIC_REPLICATION", "REPLICATION_FACTOR"),
                            ("METRICS_INTERNAL_TOPIC_MIN_INSYNC", "MIN_INSYNC_REPLICAS")):
        if str(metrics_env.get(var)) != str(init_env.get(topics_var)):
            problems.append("metrics-service %s=%s, but kafka-init's %s=%s (one broker: both 1)"
                            % (var, metrics_env.get(var), topics_var, init_env.get(topics_var)))
    checks.check("compose: durable topics (filings, estimates, macro kept forever; profiles, definitions compacted; "
                 "Kafka Streams' own topics replicated as the others)", problems)
    check_grafana_exposure(checks, svcs)

    problems = []
    sqls = [v.split(":")[0] for v in svcs.get("postgres", {}).get("volumes", []) or []
            if isinstance(v, str) and "docker-entrypoint-initdb.d" in v]
    text = "".join(read_text(p) for p in sqls).lower()
    for db in ("report",):
        if not re.search(r"create\s+database\s+\"?%s\"?" % db, text):
            problems.append("no CREATE DATABASE %s in %s" % (db, sqls))
    if re.search(r"create\s+database\s+\"?metrics\"?", text):
        problems.append("a metrics database is created, but metrics-service keeps its state in Kafka")
    checks.check("compose: postgres init script creates the report database (and no metrics one)", problems)
    check_kafka_security(checks, svcs)
    return svcs


def check_grafana_exposure(checks, svcs):
    """Grafana's admin password is asked for (no default, never admin); its port only on the host's loopback."""
    grafana = svcs.get("grafana", {})
    env = grafana.get("environment") or {}
    if isinstance(env, list):
        env = dict(e.split("=", 1) for e in env)
    password = str(env.get("GF_SECURITY_ADMIN_PASSWORD", ""))
    problems = []
    m = re.fullmatch(r"\$\{(\w+)(:?[-?])?([^}]*)\}", password)
    if not m:
        problems.append("GF_SECURITY_ADMIN_PASSWORD is a literal in the file (%r)" % password)
    elif m.group(2) in (":-", "-"):
        problems.append("GF_SECURITY_ADMIN_PASSWORD defaults to %r" % m.group(3))
    for p in grafana.get("ports", []) or []:
        host = p.get("host_ip") if isinstance(p, dict) else (str(p).split(":")[0] if str(p).count(":") == 2 else None)
        if host != "127.0.0.1":
            problems.append("port %s is published on every interface (bind it to 127.0.0.1)" % p)
    checks.check("compose: Grafana's admin password has no default, its port is on 127.0.0.1 only", problems)


def check_kafka_security(checks, svcs):
    """Kafka in compose: TLS + SASL on every listener, ACLs, a login per service, topics replicated."""
    problems = []
    broker = read_text("deploy/compose/kafka-broker.sh")
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
    security = read_text("deploy/compose/kafka-security.sh")
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
    topics = read_text("deploy/compose/kafka-topics.sh")
    for needle in ('REPLICATION_FACTOR="${REPLICATION_FACTOR:-3}"', 'MIN_INSYNC_REPLICAS="${MIN_INSYNC_REPLICAS:-2}"',
                   '--config "min.insync.replicas=$MIN_INSYNC_REPLICAS"'):
        if needle not in topics:
            problems.append("kafka-topics.sh lacks %s" % needle)
    checks.check("compose: Kafka listeners all SASL_SSL with ACLs, a login per service, topics 3 replicas / "
          "min.insync.replicas 2 by default", problems)
