"""Two replicas behind nginx on loopback: sessions stay on one replica, and survive losing it.

Starts two ``streamlit run app.py`` replicas sharing one JJJ_DATA_DIR and cookie secret, and nginx in
front (scripts/replicas.py); sessions speak Streamlit's protocol (bench/load_protocol.py). Bounded:
at most 16 sessions, every run under a minute, the whole scenario under four minutes; every process
stops on the way out. Needs Debian nginx: with CI=true a missing nginx fails the test.
"""

from __future__ import annotations

import asyncio
import os
import re
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor

import psutil
import pytest
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.load_protocol import Session, toggle_stations
from geo.workspace.store import SQLITE_FILE, Store
from scripts.replicas import ROUTE_COOKIE, Cluster, nginx_binary

MAX_SESSIONS = 16
WORKSPACE_PLATFORMS = ("name,platform_type,city\n"
                       "测试平台 001 / Test platform 001,innovation,保定\n"
                       "测试平台 002 / Test platform 002,services,天津\n")
SCENARIO_TIMEOUT = 240.0


def _run(coro):
    """asyncio.run in a thread of its own: Playwright's sync API (the e2e tests' session fixture) may
    hold an event loop in this thread for the whole test session."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    try:
        nginx_binary()
    except FileNotFoundError:
        if os.environ.get("CI") == "true":
            pytest.fail("nginx is missing; scripts/test.sh installs it (apt-get install nginx)")
        pytest.skip("nginx is not installed")
    with Cluster(2, workdir=tmp_path_factory.mktemp("replicas"), data_dir=tmp_path_factory.mktemp("data")) as c:
        yield c


def _replica_of(session: Session) -> str:
    """The one upstream every response of this session came from (nginx's X-Upstream header)."""
    assert session.upstream, "nginx sent no X-Upstream header"
    assert len(set(session.upstream)) == 1, f"session moved between replicas: {session.upstream}"
    return session.upstream[0]


async def _open_until_both_used(url: str) -> list[Session]:
    """Sessions until each replica holds at least two (the route cookie is random)."""
    sessions: list[Session] = []
    while len(sessions) < MAX_SESSIONS:
        session = Session(url)
        await session.open()
        sessions.append(session)
        per_replica = defaultdict(int)
        for s in sessions:
            per_replica[s.upstream[-1]] += 1
        if len(per_replica) == 2 and min(per_replica.values()) >= 2:
            break
    return sessions


def _access_log_routes(cluster: Cluster) -> dict[str, set[str]]:
    """route cookie -> upstreams, from nginx's access log (every request, websockets included)."""
    routes = defaultdict(set)
    for line in (cluster.work / "access.log").read_text().splitlines():
        match = re.search(r"upstream=(.+?) route=(\S+)", line)
        if match and match[1] != "-":
            routes[match[2]].add(match[1].split(",")[-1].strip())  # the replica that answered
    return routes


def _store(cluster: Cluster) -> Store:
    """The replicas' shared store, opened from the test process (the same SQLite file they read)."""
    return Store(f"sqlite:///{cluster.data_dir / SQLITE_FILE}")


def _save_workspace(cluster: Cluster) -> str:
    """A workspace with two fictional platforms, saved as the users' data before a replica dies."""
    environments = [psutil.Process(pid).environ() for pid in cluster.replica_pids()]
    assert {e["JJJ_DATA_DIR"] for e in environments} == {str(cluster.data_dir)}
    assert len({e["STREAMLIT_SERVER_COOKIE_SECRET"] for e in environments}) == 1
    store = _store(cluster)
    workspace_id, key = store.create("测试工作空间 / Test workspace")
    _, version = store.upload(workspace_id, key, "platforms", "p.csv", WORKSPACE_PLATFORMS.encode())
    assert version is not None
    return workspace_id


async def _data_page_text(session: Session, workspace_id: str) -> str:
    """Every text the Data page sends for ``?ws=ID`` through the session's (new) replica."""
    msg = BackMsg()
    msg.rerun_script.query_string = f"lang=en&ws={workspace_id}"
    msg.rerun_script.page_name = "data"
    await session.ws.send(msg.SerializeToString())
    texts = []
    while True:
        reply = ForwardMsg()
        reply.ParseFromString(await asyncio.wait_for(session.ws.recv(), 60))
        if reply.WhichOneof("type") == "delta":
            texts.append(str(reply.delta))
        elif reply.WhichOneof("type") == "script_finished":
            return "\n".join(texts)


async def _assert_workspace_intact(session: Session, workspace_id: str) -> None:
    """What a user keeps outlives the replica that served it: the survivor shows the same workspace."""
    text = await _data_page_text(session, workspace_id)
    assert "测试工作空间 / Test workspace" in text, text[:2000]
    assert "2 platforms" in text, text[:2000]


async def _drain(ws) -> None:
    """Read what is left on a websocket (messages after the last script_finished) until it closes."""
    while True:
        await ws.recv()


async def _scenario(cluster: Cluster) -> None:
    sessions = await _open_until_both_used(cluster.url)
    for s in sessions:
        toggle_stations(s.book)  # a filter change: the view now lives in the session and the URL
        await s.rerun()
    home = {id(s): _replica_of(s) for s in sessions}
    assert len(set(home.values())) == 2, f"all {len(sessions)} sessions on one replica"
    victim = home[id(sessions[0])]
    workspace_id = _save_workspace(cluster)

    cluster.kill(cluster.replica_at(victim))
    orphans = [s for s in sessions if home[id(s)] == victim]
    others = [s for s in sessions if home[id(s)] != victim]
    for s in orphans:
        with pytest.raises(websockets.ConnectionClosed):  # the browser sees its websocket drop
            await asyncio.wait_for(_drain(s.ws), 10)
        s.upstream.clear()
        await s.reconnect()  # a new websocket through nginx, and a complete script run
        assert set(s.upstream) == {home[id(others[0])]}, s.upstream
        # the toggle turned stations on (they are one click away in the first view): kept after the failover
        assert "Stations" in s.book.by_key("m_overlays").state.string_array_value.data
        assert "layers=" in s.query, s.query  # the view came back from the URL, on the other replica
        toggle_stations(s.book)
        await s.rerun()
    for s in others:  # the survivors' users noticed nothing
        toggle_stations(s.book)
        await s.rerun()
        assert _replica_of(s) == home[id(s)]
    await _assert_workspace_intact(orphans[0], workspace_id)
    for s in sessions:
        await s.close()


def test_route_cookie_is_set_once_and_names_the_replica(cluster):
    first = Session(cluster.url)
    first._get("/_stcore/health")
    cookie = first.cookies[ROUTE_COOKIE]
    assert re.fullmatch(r"[0-9a-f]{32}", cookie)
    for _ in range(5):
        first._get("/_stcore/health")
    assert first.cookies[ROUTE_COOKIE] == cookie
    assert len(set(first.upstream)) == 1


def test_sessions_stick_to_one_replica_and_fail_over(cluster):
    _run(asyncio.wait_for(_scenario(cluster), SCENARIO_TIMEOUT))
    routes = _access_log_routes(cluster)
    assert len(routes) >= 4
    before_kill = {route: ups for route, ups in routes.items() if len(ups) == 1}
    moved = {route: ups for route, ups in routes.items() if len(ups) > 1}
    # Every session on one replica, except those that lost theirs: they moved once, to the survivor.
    assert before_kill and all(len(ups) == 2 for ups in moved.values()), routes
