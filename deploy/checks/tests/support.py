"""A copy of the repository's deployment files in a temporary directory, made the working directory, to break."""
import json
import os
import shutil
import tempfile
import unittest

import yaml

from deploycheck.results import Checks

REPOSITORY = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
DEPLOY_FOLDERS = ("deploy/compose", "deploy/grafana", "deploy/kubernetes", "deploy/prometheus")
SERVICE_FILES = ("src/main/docker/Dockerfile.jvm", "src/main/resources/application.properties")


class RepositoryCopy(unittest.TestCase):
    """Each test starts from the files as committed; the checks read them relative to the working directory."""

    def setUp(self):
        self.cwd = os.getcwd()
        self.root = tempfile.mkdtemp(prefix="deploycheck-")
        shutil.copy(os.path.join(REPOSITORY, "docker-compose.yml"), self.root)
        for folder in DEPLOY_FOLDERS:
            shutil.copytree(os.path.join(REPOSITORY, folder), os.path.join(self.root, folder))
        for service in ("ingest-service", "metrics-service", "report-service"):
            for path in SERVICE_FILES:
                target = os.path.join(self.root, service, path)
                os.makedirs(os.path.dirname(target), exist_ok=True)
                shutil.copy(os.path.join(REPOSITORY, service, path), target)
        os.chdir(self.root)

    def tearDown(self):
        os.chdir(self.cwd)
        shutil.rmtree(self.root)

    @staticmethod
    def replace(path, old, new):
        with open(path) as f:
            text = f.read()
        if old not in text:
            raise AssertionError("%r not in %s" % (old, path))
        with open(path, "w") as f:
            f.write(text.replace(old, new))

    @staticmethod
    def edit_json(path, change):
        with open(path) as f:
            document = json.load(f)
        change(document)
        with open(path, "w") as f:
            json.dump(document, f)

    @staticmethod
    def edit_yaml(path, change):
        with open(path) as f:
            documents = list(yaml.safe_load_all(f))
        for document in documents:
            change(document)
        with open(path, "w") as f:
            yaml.safe_dump_all(documents, f)

    def run_checks(self, check, *args):
        checks = Checks()
        result = check(checks, *args)
        self.checks = checks
        return result

    def assertAllPass(self, checks):
        self.assertTrue(checks.results, "no checks ran")
        self.assertEqual([], checks.failed(), "\n".join(checks.lines()))

    def assertOnlyFailure(self, checks, name_start, detail_part):
        """Exactly one check failed, the one named so, and it says what is wrong."""
        failed = checks.failed()
        self.assertEqual(1, len(failed), "\n".join(checks.lines()))
        self.assertTrue(failed[0].startswith(name_start), failed[0])
        self.assertIn(detail_part, checks.detail(failed[0]))
