import unittest

from deploycheck.compose import check_compose
from deploycheck.grafana import check_dashboard, check_provisioning

from .support import RepositoryCopy

DASHBOARD = "deploy/grafana/dashboards/saas-valuation.json"
DATASOURCES = "deploy/grafana/provisioning/datasources/prometheus.yml"
EVERY_PANEL = "dashboard: every panel has title, datasource, gridPos and PromQL targets"


class DashboardTest(RepositoryCopy):

    def test_the_repository_passes_and_its_promql_becomes_recording_rules(self):
        rules = self.run_checks(check_dashboard)
        self.assertAllPass(self.checks)
        recorded = rules["groups"][0]["rules"]
        self.assertEqual("dashboard:expr_0", recorded[0]["record"])
        self.assertTrue(recorded, "one rule per panel target")
        self.assertFalse([r for r in recorded if "$__" in r["expr"]], "Grafana's interval variables substituted")

    def test_a_panel_on_a_datasource_that_is_not_provisioned(self):
        self.edit_json(DASHBOARD, lambda d: d["panels"][1].update(datasource={"type": "prometheus", "uid": "other"}))
        self.run_checks(check_dashboard)
        self.assertOnlyFailure(self.checks, EVERY_PANEL, "datasource uid other is not provisioned")

    def test_panel_ids_are_unique(self):
        self.edit_json(DASHBOARD, lambda d: d["panels"][2].update(id=d["panels"][1]["id"]))
        self.run_checks(check_dashboard)
        self.assertOnlyFailure(self.checks, EVERY_PANEL, "duplicate panel ids")

    def test_unreadable_json_stops_the_section(self):
        with open(DASHBOARD, "w") as f:
            f.write("{")
        self.assertIsNone(self.run_checks(check_dashboard))
        self.assertEqual(["dashboard %s parses as JSON" % DASHBOARD], self.checks.failed())


class ProvisioningTest(RepositoryCopy):

    def test_the_repository_passes(self):
        self.run_checks(check_provisioning, self.run_checks(check_compose))
        self.assertAllPass(self.checks)

    def test_the_datasource_is_compose_prometheus(self):
        self.replace(DATASOURCES, "url: http://prometheus:9090", "url: http://localhost:9090")
        self.run_checks(check_provisioning, self.run_checks(check_compose))
        self.assertOnlyFailure(self.checks, "grafana: provisioned Prometheus datasource",
                               "url http://localhost:9090 is not the compose prometheus")


if __name__ == "__main__":
    unittest.main()
