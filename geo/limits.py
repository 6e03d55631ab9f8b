"""Limits that bound the work an input can cause, not only its bytes (docs/limits.md has the figures).

One place for every number, so the uploader widget, the server's request cap (.streamlit/config.toml),
the readers and the exports agree. Each limit that a user can hit has a message in ``geo.vocab``.
"""

from __future__ import annotations

import time

# Upload size. Streamlit's widget counts megabytes of 1,000,000 bytes on Linux (its frontend) while
# ``server.maxUploadSize`` counts 1,048,576; the reader takes the smaller, so the widget's "5MB", the
# reader's message and the server's request cap (which must equal MAX_UPLOAD_MB) never disagree.
MAX_UPLOAD_MB = 5
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1_000_000
# An .xlsx is a zip archive: refuse zip bombs unopened. openpyxl reads the whole sheet once just to
# size it (a sheet without a <dimension>: 6.7 s for 1,048,576 one-cell rows, 50 MB unpacked), so this
# bounds that pass too. 50,000 rows × 8 columns of ordinary cells unpack to about 15 MB.
MAX_UNZIPPED_BYTES = 30_000_000

# Rows, columns and cells, checked while the file is streamed (a small file can hold a million rows).
MAX_DATA_ROWS = 50_000  # rows read from a sheet or CSV, blank ones included, header rows aside
MAX_COLUMNS = 64  # cells of a row beyond this are never read
MAX_CELL_CHARS = 2_000  # a longer cell is refused with its row named

# Messages: the first few per column and problem, then one line counting the rest.
MAX_MESSAGES_PER_KIND = 20
MAX_MESSAGES = 500  # in all, summaries included

# GeoJSON nesting: a Point FeatureCollection needs depth 5; Python's parser recurses per level.
MAX_JSON_DEPTH = 32

# Exports: distinct source titles named on the image's footer ("… and N more" beyond).
MAX_SOURCES_SHOWN = 40
# Text a user typed that a figure prints (title, subtitle, approval number) is cut to this length.
MAX_FIGURE_TEXT = 300

# Parse time: one upload's read (bytes to checked rows) stops past this, whatever its size; nothing is
# kept. The slowest files within the limits above took 9-19 s on this contended 2-core machine (docs/limits.md).
MAX_PARSE_SECONDS = 60.0
# The clock is looked at every this many rows; there the reading thread also yields the GIL.
PARSE_CHECK_EVERY = 256


class ParseTooSlow(Exception):
    """A read ran past its time cap; the reader turns it into the ``too_slow`` message naming the file."""

    def __init__(self, seconds: float):
        super().__init__(f"reading took longer than {seconds:g} s")
        self.seconds = seconds


class ParseClock:
    """The parse-time cap of one read, shared by ``geo.uploads`` and ``geo.workspace.reading``.

    ``tick()`` is called once per row; every ``PARSE_CHECK_EVERY`` rows it sleeps 0 s, so other sessions'
    threads get the GIL (a read is pure Python for long stretches), and raises ``ParseTooSlow`` past the cap.
    """

    def __init__(self, seconds: float | None = None):
        self.seconds = MAX_PARSE_SECONDS if seconds is None else seconds
        self.deadline, self.ticks = time.monotonic() + self.seconds, 0

    def tick(self) -> None:
        self.ticks += 1
        if self.ticks % PARSE_CHECK_EVERY == 0:
            time.sleep(0)
            self.check()

    def check(self) -> None:
        """Raise ``ParseTooSlow`` if the cap has passed (between steps that cannot tick)."""
        if time.monotonic() >= self.deadline:
            raise ParseTooSlow(self.seconds)

# Memory: after a heavy read, glibc's free heap is trimmed again this long after the last read, when the
# sessions that held it may be gone (Streamlit's server.disconnectedSessionTTL is 120 s; geo/memory.py).
TRIM_AGAIN_AFTER_SECONDS = 130.0
# Big point layers (geo/bigpoints.py): payload files sent once to the browser, under static/cache/points/.
# A 20,000-point upload is about 3 MB; the least recently used files go first beyond either bound.
POINT_CACHE_FILES = 64
POINT_CACHE_BYTES = 400_000_000
# Static exports (geo/snapshot.py) draw a point layer of more points than this as counts per hexagon
# (a legend row says so): 20,000 symbols on a 1920 × 1080 image are one black blot.
SNAPSHOT_POINTS_AGGREGATE = 3_000

# Bounded workers (geo/worker.py): uploads are parsed and exports rendered in a worker process, which is
# killed past its wall-clock cap (a single C call cannot look at ParseClock) or stops at its memory cap.
# A parse is killed at MAX_PARSE_SECONDS + WORKER_GRACE_SECONDS (the grace lets the parse clock refuse first
# and the rows come back); a render (an export, an atlas, a film) at MAX_RENDER_SECONDS. The slowest
# exports measured take 6-9 s (docs/speed-and-size.md); the slowest reads within the limits 9-19 s.
MAX_RENDER_SECONDS = 120.0
WORKER_GRACE_SECONDS = 2.0
# Address space a worker may take beyond the preloaded modules (RLIMIT_AS). The heaviest read measured
# within the limits took +93 MB; the 1,048,576-row XLSX of issue 19 took 961 MB before it was refused unopened.
MAX_WORKER_MEMORY_MB = 1536
WORKER_PROCESSES = 2  # at most this many calls run at once (the machine has 2 cores); more wait for one
WORKER_START_SECONDS = 120.0  # the forkserver's first start imports geopandas and matplotlib (5-15 s)
