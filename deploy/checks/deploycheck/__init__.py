"""Structural checks of the deployment files (docker compose, Dockerfiles, Prometheus, Grafana, Kubernetes).

Run from the repository root: python3 deploy/checks SECTION (see __main__.py); deploy/validate.sh runs every section
beside the tools' own validators (promtool, docker compose config, kubectl kustomize).
"""
