import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# Team workspaces: pages and CLI runs in the tests write their SQLite store here, never to the user's
# data directory (a test that needs its own store sets JJJ_DATA_DIR itself).
import os  # noqa: E402
import tempfile  # noqa: E402

os.environ.setdefault("JJJ_DATA_DIR", tempfile.mkdtemp(prefix="jjj-test-data-"))
