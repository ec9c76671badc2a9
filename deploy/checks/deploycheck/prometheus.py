"""Prometheus scrape configurations (promtool checks their syntax): compose's and the local stack's."""
from .files import load_yaml
from .results import SERVICES


def check_scrape_configs(checks, svcs):
    """svcs: docker-compose.yml's services (the prometheus service must mount the config)."""
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
    checks.check("prometheus.yml scrapes the three compose services on /q/metrics", problems)

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
    checks.check("prometheus-local.yml scrapes localhost:8081-8083 /q/metrics every 2s", problems)
