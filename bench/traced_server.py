"""``streamlit run`` with a memory report on SIGUSR1, for finding what holds the server's memory (bench only).

    python -m bench.traced_server run app.py --server.port 8599 ...   # then: kill -USR1 PID

The report (JSON, to the file named by ``JJJ_MEMORY_REPORT``) counts the live Python objects by type
with their shallow sizes, the sessions Streamlit still holds, pyarrow's allocator and glibc's view
(``mallinfo2``): whether memory left after the sessions end is held by objects or only by allocators.
"""

from __future__ import annotations

import collections
import ctypes
import ctypes.util
import gc
import json
import os
import signal
import sys


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in
                ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks",
                 "keepcost")]


def _glibc() -> dict:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.mallinfo2.restype = _MallInfo2
    except (OSError, AttributeError):
        return {}
    info = libc.mallinfo2()
    return {"heap_mb": (info.arena + info.hblkhd) / 2**20, "in_use_mb": (info.uordblks + info.hblkhd) / 2**20,
            "free_in_heap_mb": info.fordblks / 2**20}


def _objects() -> dict:
    gc.collect()
    counts, sizes = collections.Counter(), collections.Counter()
    for obj in _all_objects():
        name = type(obj).__module__ + "." + type(obj).__qualname__
        counts[name] += 1
        try:
            sizes[name] += sys.getsizeof(obj)
        except TypeError:
            pass
    top = sizes.most_common(25)
    return {"objects": sum(counts.values()), "shallow_mb": sum(sizes.values()) / 2**20,
            "top": [(name, counts[name], round(size / 2**20, 2)) for name, size in top]}


def _all_objects() -> list:
    """The objects the collector tracks and those they refer to directly (str, bytes, arrays are untracked)."""
    tracked = gc.get_objects()
    seen, everything = {id(o) for o in tracked}, list(tracked)
    for obj in tracked:
        for ref in gc.get_referents(obj):
            if id(ref) not in seen:
                seen.add(id(ref))
                everything.append(ref)
    return everything


def _sessions() -> int | None:
    try:
        from streamlit.runtime import Runtime
        return len(Runtime.instance()._session_mgr.list_sessions())
    except Exception:  # noqa: BLE001 - private API, a report only
        return None


def _arrow() -> dict:
    if "pyarrow" not in sys.modules:
        return {}
    import pyarrow
    pool = pyarrow.default_memory_pool()
    return {"backend": pool.backend_name, "allocated_mb": pool.bytes_allocated() / 2**20}


def _report(signum, frame) -> None:
    report = {"python": _objects(), "sessions": _sessions(), "arrow": _arrow(), "glibc": _glibc()}
    with open(os.environ["JJJ_MEMORY_REPORT"], "a", encoding="utf-8") as out:
        out.write(json.dumps(report) + "\n")


if __name__ == "__main__":
    signal.signal(signal.SIGUSR1, _report)
    from streamlit.web import cli
    sys.argv = ["streamlit", *sys.argv[1:]]
    sys.exit(cli.main())
