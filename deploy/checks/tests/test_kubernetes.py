import unittest

from deploycheck.kubernetes import check_kubernetes

from .support import RepositoryCopy


class KubernetesTest(RepositoryCopy):

    def test_the_repository_passes(self):
        self.run_checks(check_kubernetes)
        self.assertAllPass(self.checks)

    def test_a_secret_value_must_be_a_marked_placeholder(self):
        self.replace("deploy/kubernetes/secret.example.yaml", "REPLACE_ME_report_db_user", "report")
        self.run_checks(check_kubernetes)
        self.assertOnlyFailure(self.checks, "kubernetes: Secret values", "report-db-username has a value not marked")

    def test_every_manifest_is_a_kustomization_resource(self):
        self.replace("deploy/kubernetes/kustomization.yaml", "  - report-service.yaml\n", "")
        self.run_checks(check_kubernetes)
        self.assertOnlyFailure(self.checks, "kubernetes: kustomization lists every manifest",
                               "report-service.yaml not listed in resources")

    def test_readiness_is_probed_on_the_health_endpoint(self):
        self.replace("deploy/kubernetes/report-service.yaml", "path: /q/health/ready", "path: /ready")
        self.run_checks(check_kubernetes)
        self.assertOnlyFailure(self.checks, "kubernetes: Deployment/report-service: readiness",
                               "readinessProbe path is /ready, expected /q/health/ready")


if __name__ == "__main__":
    unittest.main()
