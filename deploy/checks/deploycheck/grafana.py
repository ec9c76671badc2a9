"""Grafana: the provisioning compose mounts, and the dashboard's panels and PromQL (promtool parses the PromQL)."""
import glob
import json
import re

from .files import load_yaml


def datasource_files():
    return glob.glob("deploy/grafana/provisioning/datasources/*.yml") + \
        glob.glob("deploy/grafana/provisioning/datasources/*.yaml")


def provisioned_datasource_uids():
    return {ds.get("uid") for f in datasource_files() for ds in load_yaml(f).get("datasources", [])}


def check_provisioning(checks, svcs):
    """svcs: docker-compose.yml's services (the grafana service must mount the provisioning folders)."""
    gvols = [v for v in svcs.get("grafana", {}).get("volumes", []) if isinstance(v, str)]
    mount = {v.split(":")[0].lstrip("./"): v.split(":")[1] for v in gvols if v.startswith(".")}
    problems, uids = [], set()
    ds_files = datasource_files()
    if not ds_files:
        problems.append("no datasource provisioning file")
    for f in ds_files:
        for ds in load_yaml(f).get("datasources", []):
            uids.add(ds.get("uid"))
            if ds.get("type") == "prometheus" and ds.get("url") != "http://prometheus:9090":
                problems.append("%s: url %s is not the compose prometheus" % (f, ds.get("url")))
    if mount.get("deploy/grafana/provisioning/datasources") != "/etc/grafana/provisioning/datasources":
        problems.append("datasources folder not mounted at /etc/grafana/provisioning/datasources")
    checks.check("grafana: provisioned Prometheus datasource with a uid", problems + (
        [] if uids and None not in uids else ["datasource without uid"]))

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
    checks.check("grafana: dashboard provider reads the mounted deploy/grafana/dashboards", problems)


PLANNED_METERS = [
    "saas_universe_companies", "saas_universe_median_ev_to_ntm_revenue",
    "saas_universe_bucket_companies", "ingest_events_accepted_total",
    "ingest_events_rejected_total", "metrics_events_applied_total",
    "metrics_events_dead_lettered_total", "metrics_event_processing_seconds_bucket",
    "metrics_event_lag_seconds", "kafka_consumer_fetch_manager_records_lag_max",
    "report_snapshots_served_total", "report_history_rows",
]


def check_dashboard(checks):
    """The dashboard's panels; returns its PromQL as a Prometheus rules document for promtool (None if unreadable)."""
    path = "deploy/grafana/dashboards/saas-valuation.json"
    try:
        with open(path) as f:
            d = json.load(f)
        checks.emit(True, "dashboard %s parses as JSON" % path)
    except Exception as e:  # noqa: BLE001
        checks.emit(False, "dashboard %s parses as JSON" % path, e)
        return None
    checks.check("dashboard: uid and title set", [k + " missing" for k in ("uid", "title") if not d.get(k)])
    panels = d.get("panels") or []
    flat = []
    for p in panels:
        flat.append(p)
        flat.extend(p.get("panels") or [])  # collapsed rows
    data_panels = [p for p in flat if p.get("type") != "row"]
    checks.check("dashboard: has panels (%d)" % len(data_panels), [] if data_panels else ["no panels"])
    uids = {uid for uid in provisioned_datasource_uids() if uid}
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
    checks.check("dashboard: every panel has title, datasource, gridPos and PromQL targets", problems)
    joined = "\n".join(e for _, e in exprs)
    checks.check("dashboard: covers the planned meters (%d)" % len(PLANNED_METERS),
          ["no panel queries " + m for m in PLANNED_METERS if m not in joined])
    checks.check("dashboard: bucket panel selects high|mid|low",
          [] if re.search(r'bucket\s*=~\s*"high\|mid\|low"', joined) else ["no bucket=~\"high|mid|low\""])
    # Grafana's interval variables are not PromQL: substitute values for promtool.
    rules = {"groups": [{"name": "dashboard-exprs", "rules": []}]}
    for i, (title, e) in enumerate(exprs):
        e = e.replace("$__rate_interval", "1m").replace("$__interval", "1m").replace("$__range", "1h")
        rules["groups"][0]["rules"].append({"record": "dashboard:expr_%d" % i, "expr": e})
    return rules

