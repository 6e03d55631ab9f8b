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
        kind = type(obj)
        module = kind.__dict__.get("__module__")  # a property on some classes, absent on builtins
        name = f"{module if isinstance(module, str) else 'builtins'}.{kind.__name__}"
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


def _describe(obj) -> str:
    name = f"{type(obj).__module__}.{type(obj).__name__}"
    if isinstance(obj, dict):
        return name + str([k for k in list(obj)[:4]])
    return name


def _holders(type_name: str) -> list[list[str]]:
    """For each live object of ``type_name`` (module.Class, at most 3), one chain of what refers to it,
    up to 12 steps or a module, a class or a thread: what keeps it alive."""
    found = [o for o in gc.get_objects() if f"{type(o).__module__}.{type(o).__name__}" == type_name][:3]
    chains: list[list[str]] = []
    mine = {id(found), id(chains)}  # the search's own lists refer to what it looks at
    for index in range(len(found)):
        chain, here = [], found[index]
        mine.add(id(chain))
        for _ in range(12):
            mine.add(id(here))
            refs = gc.get_referrers(here)
            mine.add(id(refs))
            refs = [r for r in refs if id(r) not in mine and type(r).__name__ != "frame"]
            mine.add(id(refs))
            if not refs:
                chain.append("(no referrer but frames)")
                break
            here = refs[0]
            chain.append(_describe(here) + (f" +{len(refs) - 1} more" if len(refs) > 1 else ""))
            if type(here).__name__ in ("module", "type", "Thread") or (
                    isinstance(here, dict) and "__name__" in here and "__builtins__" in here):
                break
        chains.append(chain)
    return chains


def _page_namespaces() -> dict[str, int]:
    """How many namespaces of each page script are alive (each run of a page makes one)."""
    counts: collections.Counter = collections.Counter()
    for obj in gc.get_objects():
        if isinstance(obj, dict) and obj.get("__name__") == "__main__" and isinstance(obj.get("__file__"), str):
            counts[os.path.basename(obj["__file__"])] += 1
    return dict(counts)


def _trim() -> dict:
    """Resident memory before and after glibc's ``malloc_trim(0)`` (what a trim now would return)."""
    import psutil
    me = psutil.Process()
    before = me.memory_info().rss / 2**20
    ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)
    return {"rss_before_mb": before, "rss_after_mb": me.memory_info().rss / 2**20}


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
    try:
        report = {"python": _objects(), "sessions": _sessions(), "arrow": _arrow(), "glibc": _glibc(),
                  "page_namespaces": _page_namespaces()}
        if os.environ.get("JJJ_MEMORY_TRIM"):
            report["trim"] = _trim()
        if os.environ.get("JJJ_MEMORY_HOLDERS"):
            report["holders"] = _holders(os.environ["JJJ_MEMORY_HOLDERS"])
    except Exception as err:  # noqa: BLE001 - a report must never stop the server being measured
        report = {"error": repr(err)}
    with open(os.environ["JJJ_MEMORY_REPORT"], "a", encoding="utf-8") as out:
        out.write(json.dumps(report) + "\n")


if __name__ == "__main__":
    signal.signal(signal.SIGUSR1, _report)
    from streamlit.web import cli
    sys.argv = ["streamlit", *sys.argv[1:]]
    sys.exit(cli.main())
