"""Imported once by the worker's forkserver (geo/worker.py): the heavy modules, imported and warmed here,
are shared by every worker forked from it, so a call costs milliseconds instead of a Python start."""

from geo import worker

worker._in_worker = True  # the readers called below, and in every worker, run in their own process

from geo import export_formats, uploads  # noqa: E402 - after the flag: warming them must not start a worker
from geo.workspace import reading  # noqa: E402, F401

uploads.read_points("warm.csv", "name,longitude,latitude\n测试平台 1,116.3975,39.9087\n".encode())
export_formats.FORMATS  # noqa: B018 - matplotlib, openpyxl and python-pptx are imported with it

import gc  # noqa: E402

# The warmed heap is the workers' shared, read-only base: moved out of the collector's sight, each worker's
# collection between calls looks at the call's own objects only (milliseconds instead of a second).
gc.collect()
gc.freeze()
