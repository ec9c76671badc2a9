"""Reading the repository's files (paths relative to the repository root, the working directory)."""
import os
import re

import yaml


def load_yaml(path):
    """The document as a dict; {} for an empty or missing file (later checks name it)."""
    if not os.path.exists(path):
        return {}
    with open(path) as f:
        return yaml.safe_load(f) or {}


def read_text(path):
    """The file's text; "" when it is missing (the checks then name what it lacks)."""
    if not os.path.exists(path):
        return ""
    with open(path) as f:
        return f.read()


def pinned(image):
    """Whether an image reference names a digest or a tag other than latest."""
    if "@sha256:" in image:
        return True
    last = image.rsplit("/", 1)[-1]
    return ":" in last and last.split(":", 1)[1] not in ("", "latest")


def app_port(service):
    """The quarkus.http.port of a service's application.properties, or None."""
    for line in read_text(os.path.join(service, "src/main/resources/application.properties")).splitlines():
        m = re.match(r"\s*quarkus\.http\.port\s*=\s*(\d+)", line)
        if m:
            return int(m.group(1))
    return None
