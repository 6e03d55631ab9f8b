"""The container deployment (deploy/): files parse and hang together. No container engine runs here.

Checks what a typo would break: YAML syntax, required keys, names that refer to each other (Secret
keys, Service and pod labels, the Ingress backend, the PostGIS host), health probes on
``/_stcore/health``, and that deploy/nginx.conf is what scripts/replicas.py writes.
"""

from __future__ import annotations

import os
import subprocess
import sys

import yaml

from scripts.replicas import ROOT, ROUTE_COOKIE, nginx_conf

DEPLOY = ROOT / "deploy"
HEALTH = "/_stcore/health"


def _k8s() -> dict[str, dict]:
    """Every Kubernetes object under deploy/k8s, by kind/name."""
    objects = {}
    for path in sorted((DEPLOY / "k8s").glob("*.yaml")):
        for doc in yaml.safe_load_all(path.read_text()):
            assert {"apiVersion", "kind", "metadata"} <= doc.keys(), path
            objects[f"{doc['kind']}/{doc['metadata']['name']}"] = doc
    return objects


def _app_container(objects: dict) -> dict:
    return objects["Deployment/jjj-atlas"]["spec"]["template"]["spec"]["containers"][0]


def test_k8s_objects_are_all_there():
    assert {"Deployment/jjj-atlas", "Service/jjj-atlas", "Ingress/jjj-atlas", "Secret/jjj-atlas",
            "StatefulSet/jjj-postgis", "Service/jjj-postgis"} <= _k8s().keys()


def test_deployment_runs_several_replicas_with_health_probes_and_shared_secrets():
    objects = _k8s()
    deployment = objects["Deployment/jjj-atlas"]["spec"]
    assert deployment["replicas"] >= 2
    assert deployment["selector"]["matchLabels"].items() <= deployment["template"]["metadata"]["labels"].items()
    container = _app_container(objects)
    port_names = {p["name"]: p["containerPort"] for p in container["ports"]}
    for probe in ("readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"]["path"] == HEALTH
        assert container[probe]["httpGet"]["port"] in port_names
    env = {e["name"]: e for e in container["env"]}
    secret_keys = objects["Secret/jjj-atlas"]["stringData"].keys()
    for name in ("STREAMLIT_SERVER_COOKIE_SECRET", "JJJ_DATABASE_URL"):
        ref = env[name]["valueFrom"]["secretKeyRef"]
        assert ref["name"] == "jjj-atlas" and ref["key"] in secret_keys


def test_service_ingress_and_store_refer_to_each_other():
    objects = _k8s()
    pod_labels = objects["Deployment/jjj-atlas"]["spec"]["template"]["metadata"]["labels"]
    service = objects["Service/jjj-atlas"]["spec"]
    assert service["selector"].items() <= pod_labels.items()
    assert service["ports"][0]["targetPort"] in {p["name"] for p in _app_container(objects)["ports"]}
    ingress = objects["Ingress/jjj-atlas"]
    notes = ingress["metadata"]["annotations"]
    assert notes["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert notes["nginx.ingress.kubernetes.io/session-cookie-name"] == ROUTE_COOKIE
    backend = ingress["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
    assert backend["name"] == "jjj-atlas" and backend["port"]["name"] in {p["name"] for p in service["ports"]}
    store = objects["StatefulSet/jjj-postgis"]["spec"]
    assert store["serviceName"] == "jjj-postgis"
    assert "@jjj-postgis:5432/" in objects["Secret/jjj-atlas"]["stringData"]["database-url"]
    assert objects["Service/jjj-postgis"]["spec"]["selector"].items() <= store["template"]["metadata"]["labels"].items()


def test_compose_has_two_replicas_nginx_and_postgis():
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    services = compose["services"]
    assert {"app-1", "app-2", "proxy", "db"} <= services.keys()
    for name in ("app-1", "app-2"):
        app = services[name]
        context = (DEPLOY / app["build"]["context"]).resolve()
        assert context == ROOT and (context / app["build"]["dockerfile"]).exists()
        assert {"STREAMLIT_SERVER_COOKIE_SECRET", "JJJ_DATABASE_URL"} <= app["environment"].keys()
        assert "@db:5432/" in app["environment"]["JJJ_DATABASE_URL"]
        assert HEALTH in " ".join(app["healthcheck"]["test"])
    conf = services["proxy"]["volumes"][0].split(":")[0]
    assert (DEPLOY / conf).resolve() == DEPLOY / "nginx.conf"


def test_compose_nginx_conf_is_the_launchers():
    expected = nginx_conf("/var/cache/nginx", "0.0.0.0:8500", ["app-1:8501", "app-2:8501"])
    assert (DEPLOY / "nginx.conf").read_text() == expected, "run: python -m scripts.replicas --write-compose-conf"
    assert "hash $route_key consistent;" in expected and "proxy_set_header Upgrade $http_upgrade;" in expected


def test_dockerfile_serves_the_app_with_a_health_check():
    text = (DEPLOY / "Dockerfile").read_text()
    lines = [line.split(None, 1) for line in text.splitlines() if line.strip() and not line.startswith((" ", "#"))]
    instructions = [parts[0] for parts in lines]
    assert instructions[0] == "FROM" and "EXPOSE" in instructions and "HEALTHCHECK" in instructions
    assert HEALTH in text and '"streamlit", "run", "app.py"' in text
    assert (ROOT / "requirements.txt").exists() and "COPY requirements.txt" in text


def test_the_secret_variable_is_streamlits_cookie_secret():
    # The manifests hand the secret over as STREAMLIT_SERVER_COOKIE_SECRET: Streamlit must read it.
    code = "from streamlit import config; print(config.get_option('server.cookieSecret'))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd="/",
                         env={**os.environ, "STREAMLIT_SERVER_COOKIE_SECRET": "same-in-every-replica"})
    assert out.stdout.strip() == "same-in-every-replica", out.stderr
