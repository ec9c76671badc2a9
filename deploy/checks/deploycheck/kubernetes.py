"""deploy/kubernetes: manifests parse, kustomization complete, references resolve, probes, Services, Kafka security."""
import base64
import glob
import os
import re

import yaml

from .files import pinned, read_text
from .results import KAFKA_PRINCIPALS, SERVICES
from .topics import input_topic_problems, streams_defaults_problems


def check_kafka_security(checks, by_kind):
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
    checks.check("kubernetes: each service logs in to Kafka as its own principal over TLS; the Job creates the logins, "
          "ACLs and every topic with 3 replicas, min.insync.replicas 2", problems)
    check_durability(checks, by_kind, jobs)


def check_durability(checks, by_kind, jobs):
    """Inputs kept forever or compacted; Kafka Streams' own topics 3 replicas / 2 in sync; the guard's production on."""
    problems = []
    if jobs:
        script = "\n".join(jobs[0]["spec"]["template"]["spec"]["containers"][0].get("args") or [])
        configs = {}
        for line in script.splitlines():
            m = re.match(r"\s*t --topic (\S+) (.*)", line)
            if m:
                configs[m.group(1)] = m.group(2)
        problems += input_topic_problems(configs, "kafka-topics Job")
    problems += streams_defaults_problems()
    workloads = by_kind.get("Deployment", []) + by_kind.get("StatefulSet", [])
    for _, d in workloads:
        name = d["metadata"]["name"]
        if name not in KAFKA_PRINCIPALS:
            continue
        for c in d["spec"]["template"]["spec"].get("containers") or []:
            env = {e["name"]: e.get("value") for e in c.get("env") or []}
            if env.get("SAASREPORT_PRODUCTION") != "true":
                problems.append("%s: SAASREPORT_PRODUCTION is not \"true\" (the production guard's checks are off)"
                                % name)
            if name == "metrics-service":
                for var, expected in (("METRICS_INTERNAL_TOPIC_REPLICATION", "3"),
                                      ("METRICS_INTERNAL_TOPIC_MIN_INSYNC", "2")):
                    if env.get(var, expected) != expected:
                        problems.append("metrics-service: %s is %s, expected %s" % (var, env.get(var), expected))
    checks.check("kubernetes: durable topics (filings, estimates, macro kept forever; profiles, definitions "
                 "compacted; Kafka Streams' own topics 3 replicas, min.insync.replicas 2) and production on", problems)


def check_kubernetes(checks):
    """deploy/kubernetes: the manifests, their references, probes, Services and Kafka security."""
    base = "deploy/kubernetes"
    files = sorted(glob.glob(base + "/*.yaml") + glob.glob(base + "/*.yml"))
    docs, problems = [], []
    for f in files:
        try:
            for d in yaml.safe_load_all(read_text(f)):
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
    checks.check("kubernetes: %d files, %d documents parse; each has apiVersion, kind, name"
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
    checks.check("kubernetes: kustomization lists every manifest (placeholder secret excluded)", problems)

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
    checks.check("kubernetes: Namespace defined, everything in it", problems)

    configmaps = {d["metadata"]["name"]: set((d.get("data") or {}).keys())
                  | set((d.get("binaryData") or {}).keys())
                  for _, d in by_kind.get("ConfigMap", [])}
    secrets = {d["metadata"]["name"]: set((d.get("data") or {}).keys())
               | set((d.get("stringData") or {}).keys())
               for _, d in by_kind.get("Secret", [])}
    checks.check("kubernetes: a ConfigMap and a Secret are defined",
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
    checks.check("kubernetes: Secret values in the repository are marked placeholders (REPLACE_ME)", problems)

    # metrics-service is a StatefulSet (Kafka Streams: stable identity, state directory), the others Deployments.
    expected_kind = {s: ("StatefulSet" if s == "metrics-service" else "Deployment") for s in SERVICES}
    deployments = by_kind.get("Deployment", []) + by_kind.get("StatefulSet", [])
    kinds = {d["metadata"]["name"]: d.get("kind") for _, d in deployments}
    checks.check("kubernetes: workloads for the three services (metrics-service a StatefulSet)",
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
            checks.check("kubernetes: %s/%s: ConfigMap/Secret references resolve, images pinned, requests set"
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
        checks.check("kubernetes: %s/%s: readiness %s, liveness %s, selector matches"
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
    checks.check("kubernetes: a Service per service, selecting its workload's port; StatefulSets have a headless one",
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
    checks.check("kubernetes: metrics-service replicas = input-topic partitions", problems)
    check_kafka_security(checks, by_kind)
    checks.check("kubernetes: README.md explains applying and the global universe",
          [] if os.path.exists(base + "/README.md") and "metrics.company" in read_text(base + "/README.md")
          else ["deploy/kubernetes/README.md missing or silent on metrics.company"])
