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

    def test_filings_must_be_kept_forever(self):
        self.replace("deploy/kubernetes/kafka-topics-job.yaml",
                     't --topic company.filings --partitions "$PARTITIONS" --config retention.ms=-1',
                     't --topic company.filings --partitions "$PARTITIONS"')
        self.run_checks(check_kubernetes)
        self.assertOnlyFailure(self.checks, "kubernetes: durable topics",
                               "company.filings is neither kept forever (retention.ms=-1) nor compacted")

    def test_profiles_must_be_compacted(self):
        self.replace("deploy/kubernetes/kafka-topics-job.yaml",
                     't --topic company.profiles --partitions "$PARTITIONS" --config cleanup.policy=compact',
                     't --topic company.profiles --partitions "$PARTITIONS"')
        self.run_checks(check_kubernetes)
        self.assertOnlyFailure(self.checks, "kubernetes: durable topics", "company.profiles is neither compacted")

    def test_kafka_streams_internal_topics_need_three_replicas_in_production(self):
        self.replace("metrics-service/src/main/resources/application.properties",
                     "%prod.kafka-streams.replication.factor=${METRICS_INTERNAL_TOPIC_REPLICATION:3}",
                     "%prod.kafka-streams.replication.factor=${METRICS_INTERNAL_TOPIC_REPLICATION:1}")
        self.run_checks(check_kubernetes)
        self.assertOnlyFailure(self.checks, "kubernetes: durable topics",
                               "%prod.kafka-streams.replication.factor is ${METRICS_INTERNAL_TOPIC_REPLICATION:1}, expected 3")

    def test_kafka_streams_internal_topics_need_two_in_sync_replicas(self):
        self.replace("deploy/kubernetes/metrics-service.yaml",
                     "- name: METRICS_INTERNAL_TOPIC_MIN_INSYNC\n              value: \"2\"",
                     "- name: METRICS_INTERNAL_TOPIC_MIN_INSYNC\n              value: \"1\"")
        self.run_checks(check_kubernetes)
        self.assertOnlyFailure(self.checks, "kubernetes: durable topics",
                               "metrics-service: METRICS_INTERNAL_TOPIC_MIN_INSYNC is 1, expected 2")

    def test_every_service_runs_with_production_on(self):
        self.replace("deploy/kubernetes/report-service.yaml",
                     "- name: SAASREPORT_PRODUCTION\n              value: \"true\"",
                     "- name: SAASREPORT_PRODUCTION\n              value: \"false\"")
        self.run_checks(check_kubernetes)
        self.assertOnlyFailure(self.checks, "kubernetes: durable topics", "report-service: SAASREPORT_PRODUCTION")


if __name__ == "__main__":
    unittest.main()
