"""Limits that bound the work an input can cause, not only its bytes (docs/limits.md has the figures).

One place for every number, so the uploader widget, the server's request cap (.streamlit/config.toml),
the readers and the exports agree. Each limit that a user can hit has a message in ``geo.vocab``.
"""

from __future__ import annotations

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

# Big point layers (geo/bigpoints.py): payload files sent once to the browser, under static/cache/points/.
# A 20,000-point upload is about 3 MB; the least recently used files go first beyond either bound.
POINT_CACHE_FILES = 64
POINT_CACHE_BYTES = 400_000_000
# Static exports (geo/snapshot.py) draw a point layer of more points than this as counts per hexagon
# (a legend row says so): 20,000 symbols on a 1920 × 1080 image are one black blot.
SNAPSHOT_POINTS_AGGREGATE = 3_000
