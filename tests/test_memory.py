"""geo.memory: the trims that hand a heavy read's memory back (figures: docs/limits.md)."""

from __future__ import annotations

import threading
import time

import pytest

from geo import limits, memory, uploads

pytestmark = pytest.mark.skipif(memory._LIBC is None, reason="malloc_trim exists only in glibc")


def _counting(monkeypatch) -> list[float]:
    calls: list[float] = []
    monkeypatch.setattr(memory, "trim", lambda: calls.append(time.monotonic()) or True)
    return calls


def _wait_until_idle(timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while memory.pending() and time.monotonic() < deadline:
        time.sleep(0.01)


def test_a_later_call_moves_the_one_pending_trim(monkeypatch):
    _wait_until_idle()
    calls = _counting(monkeypatch)
    start = time.monotonic()
    memory.trim_later(0.2)
    memory.trim_later(0.4)
    assert memory.pending()
    assert len([t for t in threading.enumerate() if t.name == "jjj-malloc-trim"]) == 1
    _wait_until_idle()
    assert len(calls) == 1 and calls[0] - start >= 0.4


def test_release_trims_now_and_again_after_the_sessions_ttl(monkeypatch):
    _wait_until_idle()
    calls, later = _counting(monkeypatch), []
    monkeypatch.setattr(memory, "trim_later", later.append)
    uploads.release_memory()
    assert len(calls) == 1 and later == [limits.TRIM_AGAIN_AFTER_SECONDS]
    assert limits.TRIM_AGAIN_AFTER_SECONDS > 120  # past Streamlit's default server.disconnectedSessionTTL


def test_trim_calls_glibc():
    assert memory.trim() is True
