"""The services' Dockerfiles: the pinned base image, the fast-jar layers, the service's port."""
import os
import re

from .files import app_port, read_text
from .results import SERVICES


def check_dockerfiles(checks):
    for svc, port in SERVICES.items():
        path = os.path.join(svc, "src/main/docker/Dockerfile.jvm")
        problems = []
        if not os.path.exists(path):
            checks.check("Dockerfile %s" % path, ["missing"])
            continue
        text = read_text(path)
        if not re.search(r"^FROM registry\.access\.redhat\.com/ubi9/openjdk-17:[\w.-]+\s*$", text, re.M):
            problems.append("FROM is not a pinned registry.access.redhat.com/ubi9/openjdk-17 tag")
        for part in ("lib/", "*.jar", "app/", "quarkus/"):
            if "target/quarkus-app/" + part not in text:
                problems.append("does not copy target/quarkus-app/" + part)
        if "/deployments/quarkus-run.jar" not in text:
            problems.append("JAVA_APP_JAR is not /deployments/quarkus-run.jar")
        exposed = re.findall(r"^EXPOSE\s+(\d+)", text, re.M)
        if exposed != [str(port)]:
            problems.append("EXPOSE %s, expected %d" % (exposed, port))
        configured = app_port(svc)
        if configured is not None and configured != port:
            problems.append("application.properties says quarkus.http.port=%s" % configured)
        checks.check("Dockerfile %s: ubi9/openjdk-17, fast-jar layers, EXPOSE %d" % (path, port), problems)
