"""The protocol load generator (bench/load_protocol.py) against a live app server on loopback.

It must do what a browser does: its filter changes change what the Map page shows, the widget
values it sends are the page's own, and it never talks to another host.
"""

from __future__ import annotations

import asyncio
import random
from concurrent.futures import ThreadPoolExecutor

import pytest

from bench.load_protocol import Session, measure, random_change, require_loopback, toggle_stations
from tests.e2e.liveapp import app_process


def _run(coro):
    """asyncio.run in a thread of its own: Playwright's sync API (the e2e tests' session fixture) may
    hold an event loop in this thread for the whole test session."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


@pytest.fixture(scope="module")
def server():
    with app_process(timeout=120) as (base, proc):
        yield base, proc


@pytest.mark.parametrize("url", ["http://example.com:8501", "http://10.0.0.1:8501", "http://127.0.0.2:8501",
                                 "http://localhost.example.com"])
def test_refuses_hosts_other_than_loopback(url):
    with pytest.raises(SystemExit, match="refusing"):
        require_loopback(url)
    with pytest.raises(SystemExit, match="refusing"):
        Session(url)


def _captions(session: Session) -> list[str]:
    """Record the markdown the next runs send (the Map page's "Shown: ..." caption among them)."""
    seen: list[str] = []
    learn = session.book.learn

    def spy(msg):
        element = msg.delta.new_element
        if msg.WhichOneof("type") == "delta" and element.WhichOneof("type") == "markdown":
            seen.append(element.markdown.body)
        return learn(msg)

    session.book.learn = spy
    return seen


async def _toggle_twice(base: str) -> tuple[list[str], list[str], str]:
    session = Session(base)
    await session.open()
    captions = _captions(session)
    toggle_stations(session.book)
    await session.rerun()
    on = [c for c in captions if c.startswith("Shown")]  # stations are one click away in the first view
    captions.clear()
    toggle_stations(session.book)
    await session.rerun()
    off = [c for c in captions if c.startswith("Shown")]
    query = session.query
    await session.close()
    return on, off, query


def test_a_filter_change_at_the_protocol_changes_the_map_page(server):
    on, off, query = _run(_toggle_twice(server[0]))
    assert off and "Stations" not in off[0]
    assert on and "Stations 132" in on[0]
    assert "lang=en" in query  # the URL the app wrote, kept as a browser keeps it


async def _random_changes(base: str, count: int) -> list[str]:
    session = Session(base)
    await session.open()
    rng = random.Random(7)
    keys = []
    for _ in range(count):
        keys.append(random_change(session.book, rng))
        await session.rerun()  # raises on an exception delta or a failed run
    await session.close()
    return keys


def test_random_filter_changes_run_without_error(server):
    keys = _run(_random_changes(server[0], 12))
    assert len(set(keys)) >= 4  # several different filters, not one


def test_a_short_run_reports_its_figures(server):
    base, proc = server
    row = _run(measure(base, [proc.pid], sessions=3, think=0.3, duration=4, max_changes=15))
    assert row["opened"] == 3 and not row["errors"]
    assert 0 < row["changes"] <= 15
    assert 0 < row["p50"] <= row["p95"] <= row["max"]
    assert row["rss_idle"] > 0 and row["cpu_peak"] >= 0
