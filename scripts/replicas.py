"""K Streamlit replicas of the app behind Debian's nginx, sticky per browser, on loopback.

    python -m scripts.replicas --replicas 2 --port 8500 [--workdir /tmp/jjj-replicas] [--data-dir DIR]

Starts K ``streamlit run app.py`` on free loopback ports, all with one ``server.cookieSecret`` (from
``$JJJ_COOKIE_SECRET``, else generated once into ``<data dir>/cookie_secret``, mode 0600) and one
shared ``$JJJ_DATA_DIR`` (the team-workspace store lives there, not in a process). It waits until each
answers ``/_stcore/health``, writes its own nginx configuration under the work directory (pid, logs
and temp paths there too; no system service is touched) and runs nginx in the foreground on
``127.0.0.1:<port>``. Then it polls every replica's health every few seconds and restarts one whose
process has exited. Ctrl-C stops nginx and the replicas.

Why this stickiness (docs/deploy.md): every client here is 127.0.0.1, so ``ip_hash`` would send all of
them to one replica. nginx open source has no sticky-cookie module, so nginx makes its own cookie: a
request without ``jjj_route`` is hashed on ``$request_id`` (random) and its response sets
``jjj_route=<that id>``; every later request of that browser carries the cookie and is hashed on it
(``hash ... consistent``), so it reaches the same replica: the page, the websocket, uploads, media.
When that replica is down, nginx tries the next one on the ring (``proxy_next_upstream``) and marks
it failed for ``fail_timeout`` (passive checks: open-source nginx has no active health checks).
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROUTE_COOKIE = "jjj_route"
NGINX_CANDIDATES = ("nginx", "/usr/sbin/nginx")

NGINX_CONF = """# Written by scripts/replicas.py; nginx runs in the foreground with this file only.
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log warn;
events {{ worker_connections 1024; }}

http {{
    log_format jjj '$remote_addr [$time_local] "$request" $status upstream=$upstream_addr route=$route_key';
    access_log {work}/access.log jjj;
    client_body_temp_path {work}/body_temp;
    proxy_temp_path {work}/proxy_temp;
    fastcgi_temp_path {work}/fastcgi_temp;
    uwsgi_temp_path {work}/uwsgi_temp;
    scgi_temp_path {work}/scgi_temp;
    client_max_body_size 200m;  # Streamlit's server.maxUploadSize default

    map $http_upgrade $connection_upgrade {{ default upgrade; '' close; }}
    # Per-browser stickiness on loopback: the route cookie if there is one, else this request's id,
    # which the response then sets as the cookie.
    map $cookie_{cookie} $route_key {{ "" $request_id; default $cookie_{cookie}; }}
    map $cookie_{cookie} $route_set_cookie {{
        "" "{cookie}=$request_id; Path=/; HttpOnly; SameSite=Lax";
        default "";
    }}

    upstream jjj_replicas {{
        hash $route_key consistent;
{servers}
    }}

    server {{
        listen {listen};
        add_header Set-Cookie $route_set_cookie always;
        add_header X-Upstream $upstream_addr always;
        proxy_http_version 1.1;
        proxy_set_header Host $http_host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_next_upstream error timeout http_502 http_503;

        location / {{
            proxy_pass http://jjj_replicas;
        }}
        location /_stcore/stream {{
            proxy_pass http://jjj_replicas;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_set_header Host $http_host;
            proxy_read_timeout 1d;
            proxy_send_timeout 1d;
            proxy_buffering off;
        }}
        location /_stcore/upload_file/ {{
            proxy_pass http://jjj_replicas;
            proxy_request_buffering off;
        }}
        location /media/ {{
            proxy_pass http://jjj_replicas;
        }}
    }}
}}
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def nginx_binary() -> str:
    """The nginx executable (Debian puts it in /usr/sbin, often not on a user's PATH)."""
    for name in NGINX_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    raise FileNotFoundError("nginx is not installed (Debian: apt-get install nginx)")


def cookie_secret(data_dir: Path) -> str:
    """One secret for every replica: $JJJ_COOKIE_SECRET, else the one generated once into the data dir."""
    if os.environ.get("JJJ_COOKIE_SECRET"):
        return os.environ["JJJ_COOKIE_SECRET"]
    path = data_dir / "cookie_secret"
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_hex(32))
    return path.read_text().strip()


def nginx_conf(work: Path | str, listen: str, upstreams: list[str]) -> str:
    """nginx's configuration: listening on ``listen``, sticky over ``upstreams`` (``host:port``)."""
    servers = "\n".join(f"        server {u} max_fails=1 fail_timeout=10s;" for u in upstreams)
    return NGINX_CONF.format(work=work, listen=listen, servers=servers, cookie=ROUTE_COOKIE)


def healthy(url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(url + "/_stcore/health", timeout=timeout) as response:
            return response.status == 200
    except OSError:
        return False


@dataclass
class Replica:
    index: int
    port: int
    log: Path
    proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


class Cluster:
    """K replicas and nginx in front, as a context manager; everything stops on exit."""

    def __init__(self, count: int, port: int = 0, workdir: Path | None = None, data_dir: Path | None = None,
                 app: str = "app.py", timeout: float = 120.0):
        if not 1 <= count <= 16:
            raise ValueError("replicas must be 1..16")
        self.work = Path(workdir or tempfile.mkdtemp(prefix="jjj-replicas-"))
        self.work.mkdir(parents=True, exist_ok=True)
        # nginx's workers (user nobody when started as root) must reach the temp paths below.
        self.work.chmod(0o755)
        self.data_dir = Path(data_dir or os.environ.get("JJJ_DATA_DIR") or self.work / "data")
        self.port = port or free_port()
        self.app, self.timeout = app, timeout
        self.replicas = [Replica(i, free_port(), self.work / f"replica-{i}.log") for i in range(count)]
        self.nginx: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def replica_env(self) -> dict[str, str]:
        return {**os.environ, "JJJ_DATA_DIR": str(self.data_dir),
                "STREAMLIT_SERVER_COOKIE_SECRET": cookie_secret(self.data_dir)}

    def start_replica(self, replica: Replica) -> None:
        cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / self.app),
               "--server.port", str(replica.port), "--server.address", "127.0.0.1",
               "--server.headless", "true", "--server.fileWatcherType", "none",
               "--browser.gatherUsageStats", "false"]
        # The log goes to a file: an unread pipe fills up and then blocks the server.
        with open(replica.log, "ab") as log:
            replica.proc = subprocess.Popen(cmd, cwd=ROOT, env=self.replica_env(), stdout=log,
                                            stderr=subprocess.STDOUT)

    def wait_healthy(self, url: str, proc: subprocess.Popen, log: Path) -> None:
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"{log.name} exited: {log.read_text(errors='replace')[-2000:]}")
            if healthy(url):
                return
            time.sleep(0.3)
        raise TimeoutError(f"{url} not healthy within {self.timeout:.0f} s")

    def start(self) -> Cluster:
        binary = nginx_binary()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        for replica in self.replicas:
            self.start_replica(replica)
        for replica in self.replicas:
            self.wait_healthy(replica.url, replica.proc, replica.log)
        conf = self.work / "nginx.conf"
        conf.write_text(nginx_conf(self.work, f"127.0.0.1:{self.port}", [f"127.0.0.1:{r.port}" for r in self.replicas]))
        with open(self.work / "nginx.out", "ab") as out:
            self.nginx = subprocess.Popen([binary, "-p", str(self.work), "-c", str(conf), "-g", "daemon off;"],
                                          stdout=out, stderr=subprocess.STDOUT)
        self.wait_healthy(self.url, self.nginx, self.work / "error.log")
        return self

    def replica_pids(self) -> list[int]:
        return [r.proc.pid for r in self.replicas if r.proc and r.proc.poll() is None]

    def replica_at(self, upstream: str) -> Replica:
        """The replica an nginx ``$upstream_addr`` (``127.0.0.1:port``) names."""
        port = int(upstream.rsplit(":", 1)[1])
        return next(r for r in self.replicas if r.port == port)

    def kill(self, replica: Replica) -> None:
        """Kill a replica as a crash would (SIGKILL: no goodbye to its sessions)."""
        replica.proc.send_signal(signal.SIGKILL)
        replica.proc.wait(10)

    def supervise(self, interval: float = 5.0) -> None:
        """Poll each replica's health; restart one whose process has exited. Runs until nginx exits."""
        while self.nginx.poll() is None:
            for replica in self.replicas:
                if replica.proc.poll() is not None:
                    print(f"replica {replica.index} (:{replica.port}) exited; restarting", flush=True)
                    self.start_replica(replica)
                elif not healthy(replica.url):
                    print(f"replica {replica.index} (:{replica.port}) not healthy", flush=True)
            time.sleep(interval)

    def stop(self) -> None:
        procs = [self.nginx] + [r.proc for r in self.replicas]
        for proc in procs:
            if proc is not None and proc.poll() is None:
                proc.terminate()
        for proc in procs:
            if proc is None:
                continue
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(5)

    def __enter__(self) -> Cluster:
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc) -> None:
        self.stop()


def write_compose_conf(path: Path = ROOT / "deploy" / "nginx.conf") -> None:
    """deploy/nginx.conf for deploy/compose.yaml: the same configuration with the containers' names."""
    path.write_text(nginx_conf("/var/cache/nginx", "0.0.0.0:8500", ["app-1:8501", "app-2:8501"]))


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--port", type=int, default=8500, help="nginx's loopback port")
    parser.add_argument("--workdir", type=Path, default=None, help="nginx.conf, logs, pid (default: a temp dir)")
    parser.add_argument("--data-dir", type=Path, default=None, help="shared JJJ_DATA_DIR (default: $JJJ_DATA_DIR)")
    parser.add_argument("--write-compose-conf", action="store_true", help="rewrite deploy/nginx.conf and exit")
    args = parser.parse_args(argv)
    if args.write_compose_conf:
        write_compose_conf()
        return
    cluster = Cluster(args.replicas, args.port, args.workdir, args.data_dir)
    # SIGTERM as Ctrl-C: the replicas and nginx stop with the launcher.
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    with cluster:
        ports = ", ".join(str(r.port) for r in cluster.replicas)
        print(f"{cluster.url} -> replicas on 127.0.0.1:{ports}; config and logs in {cluster.work}; "
              f"JJJ_DATA_DIR={cluster.data_dir}", flush=True)
        try:
            cluster.supervise()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
