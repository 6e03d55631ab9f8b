"""Bounded worker processes: parse an upload or render an export away from the server's process.

A heavy read (one ``json.loads``, openpyxl's first pass over a sheet, a pandas read) is a single C call
that holds the GIL and cannot look at a clock, so in the server's process it stalled every other
session and could not be stopped. Here it runs in a long-lived worker process with a hard wall-clock cap
(the worker is killed when the cap passes) and a memory cap (``RLIMIT_AS`` set in the worker), and the
result comes back pickled (GeoDataFrames pickle). The server's thread waits on a pipe, which releases
the GIL, and the read's memory stays in the worker.

The workers are forked from multiprocessing's "forkserver", which imports and warms the heavy modules
once (``geo.worker_preload``), so a call costs milliseconds, not a Python start. One call at a time per
worker, ``limits.WORKER_PROCESSES`` workers at most; a killed or crashed worker is replaced on the next
call. The caps live in ``geo/limits.py``; the callers (``geo.uploads``, ``geo.workspace.reading``, the
export panel and ``geo.snapshot_cli``) turn ``WorkerFailed`` into a message in the user's language.

The in-process path is explicit: inside a worker (no nesting), inside ``in_process()`` (tests that
patch the reader's internals), with ``JJJ_WORKER=off`` in the environment, or where no worker can be
started (then one warning says so, and the caps fall back to the parse clock alone).
"""

from __future__ import annotations

import multiprocessing as mp
import os
import queue
import threading
import time
import warnings
from collections.abc import Callable
from contextlib import contextmanager

from geo import limits

PRELOAD = ["geo.worker_preload"]  # imported once by the forkserver; every worker is forked from it


class WorkerFailed(Exception):
    """A call was stopped: ``reason`` is "time" (past ``limit`` seconds), "memory" (past ``limit`` MB)
    or "died" (the worker exited without an answer)."""

    def __init__(self, reason: str, limit: float | int | None = None):
        super().__init__(f"worker {reason}" + (f" (limit {limit:g})" if limit is not None else ""))
        self.reason, self.limit = reason, limit


_in_worker = False  # set in the forkserver and its workers by geo.worker_preload
_local_only = threading.local()  # in_process() of this thread


def in_worker() -> bool:
    return _in_worker


@contextmanager
def in_process():
    """Run this thread's calls in this process (tests that monkeypatch a reader's internals)."""
    before = getattr(_local_only, "on", False)
    _local_only.on = True
    try:
        yield
    finally:
        _local_only.on = before


def _runs_here() -> bool:
    return _in_worker or getattr(_local_only, "on", False) or os.environ.get("JJJ_WORKER", "").lower() == "off"


# ---------------------------------------------------------------- the worker's side


def _cap_memory(megabytes: int) -> None:
    """Cap the worker's address space at what the preloaded modules take plus ``megabytes``."""
    import resource

    import psutil
    cap = psutil.Process().memory_info().vms + megabytes * 2**20
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


def _serve(conn, megabytes: int) -> None:
    """A worker's loop: one (function, args, kwargs, workspace) at a time; answers ("ok", value),
    ("raise", exception) or ("memory", None). A MemoryError ends the worker (its heap is suspect)."""
    import signal
    global _in_worker
    _in_worker = True  # a call made here runs here (a forked worker did not import geo.worker_preload)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which ends its workers
    _cap_memory(megabytes)
    conn.send(("ready", os.getpid()))
    while True:
        try:
            fn, args, kwargs, workspace = conn.recv()
        except (EOFError, OSError):
            return  # the server is gone
        except MemoryError:  # the call's arguments alone pass the cap
            _send_and_exit(conn, ("memory", None))
        try:
            answer = ("ok", _call(fn, args, kwargs, workspace))
        except MemoryError:
            answer = None
        except Exception as err:  # the caller re-raises it: the same behaviour as in process
            answer = ("raise", err)
        if answer is None:
            _send_and_exit(conn, ("memory", None))
        try:
            conn.send(answer)
        except MemoryError:
            _send_and_exit(conn, ("memory", None))
        except Exception as err:  # an answer that does not pickle
            conn.send(("raise", RuntimeError(f"{type(err).__name__}: {err}")))
        answer = None
        _release()


def _call(fn: Callable, args: tuple, kwargs: dict, workspace) -> object:
    if workspace is None:
        return fn(*args, **kwargs)
    from geo.workspace import active
    active.activate(*workspace)
    try:
        return fn(*args, **kwargs)
    finally:
        active.activate(None)


def _send_and_exit(conn, answer) -> None:
    try:
        conn.send(answer)
    finally:
        os._exit(3)


def _release() -> None:
    """Between calls: hand the call's memory back (the next call may be another session's)."""
    import gc

    from geo import memory
    gc.collect()
    memory.trim()


# ---------------------------------------------------------------- the server's side


class _Worker:
    """One worker process and the server's end of its pipe."""

    def __init__(self, ctx):
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(child, limits.MAX_WORKER_MEMORY_MB), daemon=True,
                                   name="jjj-worker")
        self.process.start()
        child.close()
        try:
            if not self.conn.poll(limits.WORKER_START_SECONDS):
                raise EOFError("no answer")
            self.conn.recv()  # ("ready", pid)
        except EOFError as err:  # e.g. a __main__ that cannot be imported again (a script read from stdin)
            self.kill()
            raise OSError(f"the worker did not start: {err or 'it exited'}") from None

    def call(self, fn: Callable, args: tuple, kwargs: dict, workspace, seconds: float) -> object:
        try:
            self.conn.send((fn, args, kwargs, workspace))
            if not self.conn.poll(seconds):
                raise WorkerFailed("time", seconds)
            status, value = self.conn.recv()
        except (EOFError, BrokenPipeError, ConnectionResetError):
            raise WorkerFailed("died") from None
        if status == "memory":
            raise WorkerFailed("memory", limits.MAX_WORKER_MEMORY_MB)
        if status == "raise":
            raise value
        return value

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class _Pool:
    """At most ``limits.WORKER_PROCESSES`` workers, each serving one call at a time."""

    def __init__(self, method: str | None = None):
        self._idle: queue.SimpleQueue[_Worker] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._live = 0
        self._ctx = None
        self._method = method  # None: forkserver (spawn where there is none), long-lived workers
        self.replaced = 0  # workers killed or found dead (for tests and the bench)

    def _context(self):
        if self._ctx is None and self._method:
            self._ctx = mp.get_context(self._method)
        elif self._ctx is None:
            methods = mp.get_all_start_methods()
            self._ctx = mp.get_context("forkserver" if "forkserver" in methods else "spawn")
            if "forkserver" in methods:
                self._ctx.set_forkserver_preload(PRELOAD)
        return self._ctx

    def _acquire(self) -> _Worker:
        """An idle worker, a new one while fewer than ``limits.WORKER_PROCESSES`` live, else the next freed
        (looked for again every 0.1 s: a busy worker may be killed instead of freed)."""
        while True:
            with self._lock:
                try:
                    return self._idle.get_nowait()
                except queue.Empty:
                    pass
                start = self._live < limits.WORKER_PROCESSES
                if start:
                    self._live += 1
            if start:
                try:
                    return _Worker(self._context())
                except BaseException:
                    with self._lock:
                        self._live -= 1
                    raise
            try:
                return self._idle.get(timeout=0.1)
            except queue.Empty:
                continue

    def run(self, fn: Callable, args: tuple, kwargs: dict, workspace, seconds: float) -> object:
        worker = self._acquire()
        try:
            value = worker.call(fn, args, kwargs, workspace, seconds)
        except WorkerFailed:
            self._discard(worker)
            raise
        except BaseException as err:
            if worker.process.is_alive() and not isinstance(err, KeyboardInterrupt):
                self._idle.put(worker)  # the call's own exception: the worker is fine
            else:
                self._discard(worker)
            raise
        if self._method == "fork":  # a fork is a copy of this moment's process: one call each, never reused
            self._discard(worker, replaced=False)
        else:
            self._idle.put(worker)
        return value

    def _discard(self, worker: _Worker, replaced: bool = True) -> None:
        worker.kill()
        with self._lock:
            self._live -= 1
            self.replaced += replaced

    def pids(self) -> list[int]:
        """The idle workers' process ids (for the bench's memory figures)."""
        workers = []
        while True:
            try:
                workers.append(self._idle.get_nowait())
            except queue.Empty:
                break
        for worker in workers:
            self._idle.put(worker)
        return [w.process.pid for w in workers]


_pool = _Pool()
_fork_pool = _Pool("fork")
_warned = False


def run(fn: Callable, *args, seconds: float, workspace: bool = False, fork: bool = False, **kwargs):
    """``fn(*args, **kwargs)`` in a worker, killed past ``seconds``; raises ``WorkerFailed`` when it is
    stopped, and re-raises ``fn``'s own exception. ``fn`` must be a module-level function (it is sent by
    name). ``workspace=True`` carries this run's open workspace (geo.workspace.active) to the worker.
    ``fork=True`` forks this process for the one call instead (a single-threaded command line: its
    imports are done, a forkserver would import them again)."""
    if _runs_here():
        return fn(*args, **kwargs)
    context = _workspace_context() if workspace else None
    try:
        return (_fork_pool if fork else _pool).run(fn, args, kwargs, context, seconds)
    except OSError as err:  # no worker could start (no /dev/shm, a process limit ...): the one explicit fallback
        _warn_once(err)
        return fn(*args, **kwargs)


def _workspace_context():
    from geo.workspace import active
    loaded = active.current()
    return None if loaded is None else (loaded, active.mode())


def _warn_once(err: OSError) -> None:
    global _warned
    if not _warned:
        _warned = True
        warnings.warn(f"geo.worker: no worker process ({err}); parsing and rendering run in this process, "
                      "bounded by the parse clock only", RuntimeWarning, stacklevel=3)


def warm() -> None:
    """Start one worker in the background, so the first upload or export does not wait for it."""
    if _runs_here() or _pool._live:
        return

    def start():
        try:
            _pool.run(time.monotonic, (), {}, None, limits.WORKER_START_SECONDS)
        except (OSError, WorkerFailed):
            pass

    threading.Thread(target=start, name="jjj-worker-warm", daemon=True).start()


def replaced() -> int:
    """How many workers were killed (past a cap) or found dead since the server started."""
    return _pool.replaced + _fork_pool.replaced


def worker_pids() -> list[int]:
    return _pool.pids()


def render_message(failed: WorkerFailed, export: str, lang: str) -> str:
    """The message of an export its worker stopped, naming the export and the limit (geo.vocab)."""
    from geo.vocab import ui
    if failed.reason == "time":
        return ui("render_too_slow", lang).format(export=export, limit=f"{limits.MAX_RENDER_SECONDS:g}")
    key = "render_too_much_memory" if failed.reason == "memory" else "render_died"
    return ui(key, lang).format(export=export, limit=f"{limits.MAX_WORKER_MEMORY_MB:,}")


def render(fn: Callable, *args, fork: bool = False, **kwargs):
    """An export (``geo.export_formats``'s export_all, export_atlas, export_film) in a worker, with this
    run's open workspace, killed past ``limits.MAX_RENDER_SECONDS``; raises ``WorkerFailed``."""
    return run(fn, *args, seconds=limits.MAX_RENDER_SECONDS, workspace=True, fork=fork, **kwargs)
