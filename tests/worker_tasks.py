"""Tasks the worker tests send to a worker (by name: a light module, so a worker imports it in a moment)."""

from __future__ import annotations

import time

MB = 2**20


def sleep_in_c(seconds: float) -> str:
    """One C call that looks at no clock (as json.loads or openpyxl's first pass over a sheet)."""
    time.sleep(seconds)
    return "woke"


def allocate(megabytes: int) -> int:
    return len(bytearray(megabytes * MB))
