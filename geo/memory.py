"""Hand memory a big read freed back to the operating system, now and once the sessions holding it are gone.

glibc keeps freed memory in its heaps; CPython's objects of a read (millions of small strings and
lists) come back as free chunks that ``malloc_trim(0)`` returns. Trimming right after a read is not
enough: the read's rows and the uploaded file stay in the session until it ends and Streamlit drops it
(``server.disconnectedSessionTTL``, 120 s after the tab closes), and nothing trims after that. So a
second trim runs ``limits.TRIM_AGAIN_AFTER_SECONDS`` after the last read, from a daemon thread (the
C call releases the GIL). Measured in docs/limits.md (``python -m bench.bench_hostile --server``).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import threading
import time

from geo import limits


def _libc():
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim  # noqa: B018 - only glibc has it
        return libc
    except (OSError, AttributeError):  # not glibc (macOS, musl): nothing to trim
        return None


_LIBC = _libc()
_lock = threading.Lock()
_due = 0.0  # monotonic time of the next delayed trim
_waiter: threading.Thread | None = None


def trim() -> bool:
    """Return glibc's free heap memory to the system now; False where there is no glibc."""
    if _LIBC is None:
        return False
    _LIBC.malloc_trim(0)
    return True


def release() -> None:
    """After a heavy read: collect cycles, trim now, and trim again once its sessions may have ended."""
    gc.collect()
    trim()
    trim_later(limits.TRIM_AGAIN_AFTER_SECONDS)


def trim_later(seconds: float) -> None:
    """Trim ``seconds`` from now; a later call moves the one pending trim instead of adding another."""
    global _due, _waiter
    if _LIBC is None:
        return
    with _lock:
        _due = time.monotonic() + seconds
        if _waiter is None:
            _waiter = threading.Thread(target=_trim_when_due, name="jjj-malloc-trim", daemon=True)
            _waiter.start()


def _trim_when_due() -> None:
    global _waiter
    while True:
        with _lock:
            wait = _due - time.monotonic()
            if wait <= 0:
                _waiter = None
                break
        time.sleep(wait)
    trim()


def pending() -> bool:
    """Whether a delayed trim is waiting (for tests)."""
    with _lock:
        return _waiter is not None
