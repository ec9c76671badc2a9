"""python3 deploy/checks SECTION [--promql-rules FILE], run from the repository root.

Prints one line per check (ok<TAB>name, or FAIL<TAB>name<TAB>detail) and exits 0 when the section ran to the end,
whatever the checks found: deploy/validate.sh counts the lines. Sections:
  compose     docker-compose.yml, the Dockerfiles, the Prometheus scrape configs, Grafana's provisioning
  dashboard   the Grafana dashboard; --promql-rules writes its PromQL as a rules file for promtool check rules
  kubernetes  deploy/kubernetes
"""
import argparse

import yaml

from deploycheck import compose, dockerfiles, grafana, kubernetes, prometheus
from deploycheck.results import Checks


def run_compose(checks, _args):
    svcs = compose.check_compose(checks)
    if svcs is None:
        return
    dockerfiles.check_dockerfiles(checks)
    prometheus.check_scrape_configs(checks, svcs)
    grafana.check_provisioning(checks, svcs)


def run_dashboard(checks, args):
    rules = grafana.check_dashboard(checks)
    if rules is not None and args.promql_rules:
        with open(args.promql_rules, "w") as f:
            yaml.safe_dump(rules, f, sort_keys=False)


def run_kubernetes(checks, _args):
    kubernetes.check_kubernetes(checks)


SECTIONS = {"compose": run_compose, "dashboard": run_dashboard, "kubernetes": run_kubernetes}


def main():
    parser = argparse.ArgumentParser(prog="deploy/checks", description=__doc__.split("\n")[0])
    parser.add_argument("section", choices=SECTIONS)
    parser.add_argument("--promql-rules", metavar="FILE")
    args = parser.parse_args()
    checks = Checks()
    try:
        SECTIONS[args.section](checks, args)
    finally:
        for line in checks.lines():
            print(line, flush=True)


main()
