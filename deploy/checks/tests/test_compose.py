import unittest

from deploycheck.compose import check_compose
from deploycheck.dockerfiles import check_dockerfiles
from deploycheck.prometheus import check_scrape_configs

from .support import RepositoryCopy


class ComposeTest(RepositoryCopy):

    def test_the_repository_passes(self):
        services = self.run_checks(check_compose)
        self.assertAllPass(self.checks)
        self.assertIn("report-service", services)

    def test_an_unparsable_file_stops_the_section(self):
        with open("docker-compose.yml", "w") as f:
            f.write("services: [unclosed\n")
        self.assertIsNone(self.run_checks(check_compose))
        self.assertEqual(["docker-compose.yml parses, has services"], self.checks.failed())

    def test_an_image_on_latest_is_not_pinned(self):
        self.replace("docker-compose.yml", "image: postgres:17", "image: postgres:latest")
        self.run_checks(check_compose)
        self.assertEqual(["compose: every image pinned to a tag (none :latest)",
                          "compose: kafka is apache/kafka:4.1.1, postgres is postgres:17"], self.checks.failed())

    def test_a_cluster_id_must_be_a_base64_uuid(self):
        self.replace("docker-compose.yml", "CLUSTER_ID: ZIDlGAHSS1SjZLefMOJkLQ", "CLUSTER_ID: not-a-uuid")
        self.run_checks(check_compose)
        self.assertOnlyFailure(self.checks, "compose: Kafka is a single KRaft", "CLUSTER_ID 'not-a-uuid'")

    def test_a_service_health_check_must_probe_readiness(self):
        self.edit_yaml("docker-compose.yml", lambda doc: doc["services"]["report-service"].pop("healthcheck"))
        self.run_checks(check_compose)
        self.assertIn("report-service has no healthcheck",
                      self.checks.detail("compose: health checks on infrastructure and services "
                                         "(services on /q/health/ready)"))

    def test_every_listener_must_be_sasl_ssl(self):
        self.replace("deploy/compose/kafka-broker.sh", ":SASL_SSL", ":PLAINTEXT")
        self.run_checks(check_compose)
        self.assertOnlyFailure(self.checks, "compose: Kafka listeners all SASL_SSL", "is not SASL_SSL")

    def test_estimates_must_be_kept_forever(self):
        self.replace("deploy/compose/kafka-topics.sh", "create company.estimates  3 --config retention.ms=-1",
                     "create company.estimates  3")
        self.run_checks(check_compose)
        self.assertOnlyFailure(self.checks, "compose: durable topics", "company.estimates is neither kept forever")

    def test_kafka_streams_topics_are_replicated_as_the_others(self):
        self.replace("docker-compose.yml", 'METRICS_INTERNAL_TOPIC_REPLICATION: "1"',
                     'METRICS_INTERNAL_TOPIC_REPLICATION: "3"')
        self.run_checks(check_compose)
        self.assertOnlyFailure(self.checks, "compose: durable topics",
                               "METRICS_INTERNAL_TOPIC_REPLICATION=3, but kafka-init's REPLICATION_FACTOR=1")

    def test_grafana_with_the_default_password_is_refused(self):
        self.replace("docker-compose.yml",
                     "GF_SECURITY_ADMIN_PASSWORD: ${GRAFANA_ADMIN_PASSWORD:?set GRAFANA_ADMIN_PASSWORD, e.g. in an .env "
                     "file beside this one}", "GF_SECURITY_ADMIN_PASSWORD: admin")
        self.run_checks(check_compose)
        self.assertOnlyFailure(self.checks, "compose: Grafana's admin password", "is a literal in the file ('admin')")

    def test_grafana_with_a_defaulted_password_is_refused(self):
        self.replace("docker-compose.yml", "${GRAFANA_ADMIN_PASSWORD:?set GRAFANA_ADMIN_PASSWORD, e.g. in an .env "
                     "file beside this one}", "${GRAFANA_ADMIN_PASSWORD:-admin}")
        self.run_checks(check_compose)
        self.assertOnlyFailure(self.checks, "compose: Grafana's admin password", "defaults to 'admin'")

    def test_grafana_published_on_every_interface_is_refused(self):
        self.replace("docker-compose.yml", '"127.0.0.1:3000:3000"', '"3000:3000"')
        self.run_checks(check_compose)
        self.assertOnlyFailure(self.checks, "compose: Grafana's admin password", "published on every interface")


class DockerfilesTest(RepositoryCopy):

    def test_the_repository_passes(self):
        self.run_checks(check_dockerfiles)
        self.assertAllPass(self.checks)
        self.assertEqual(3, len(self.checks.results))

    def test_the_exposed_port_is_the_services(self):
        self.replace("report-service/src/main/docker/Dockerfile.jvm", "EXPOSE 8083", "EXPOSE 8080")
        self.run_checks(check_dockerfiles)
        self.assertOnlyFailure(self.checks, "Dockerfile report-service/", "EXPOSE ['8080'], expected 8083")


class ScrapeConfigsTest(RepositoryCopy):

    def compose_services(self):
        return self.run_checks(check_compose)

    def test_the_repository_passes(self):
        self.run_checks(check_scrape_configs, self.compose_services())
        self.assertAllPass(self.checks)

    def test_the_local_stack_is_scraped_every_2s(self):
        self.replace("deploy/prometheus/prometheus-local.yml", "scrape_interval: 2s", "scrape_interval: 15s")
        self.run_checks(check_scrape_configs, self.compose_services())
        self.assertOnlyFailure(self.checks, "prometheus-local.yml", "global scrape_interval is not 2s")


if __name__ == "__main__":
    unittest.main()
