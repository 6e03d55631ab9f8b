"""``streamlit run app.py`` with the upload row cap raised, for benches only (never the app's own limit).

    python -m bench.uncapped_server ROWS [streamlit run options...]

geo.limits.MAX_DATA_ROWS (50,000) bounds an upload; bench/bench_bigpoints.py measures 100,000 points
through the same Data page and Map page by starting the server in this process with the cap raised
before Streamlit runs the app (the app's modules are imported once, so they read the raised value).
Uploads are read in this process (``JJJ_WORKER=off``): a worker (geo/worker.py) is forked from a server
that imports ``geo.limits`` afresh, so it would keep the app's own cap.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from geo import limits, uploads

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    rows = int(sys.argv[1])
    os.environ["JJJ_WORKER"] = "off"  # the raised cap is this process's only
    limits.MAX_DATA_ROWS = rows
    uploads._ROW_LIMIT = rows + uploads.HEADER_SEARCH_ROWS
    from streamlit.web import cli
    sys.argv = ["streamlit", "run", str(ROOT / "app.py"), *sys.argv[2:]]
    sys.exit(cli.main())


if __name__ == "__main__":
    main()
