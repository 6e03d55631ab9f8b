"""Clearly fictional platforms for workspace tests and benches ("测试平台 001 / Test platform 001").

Each is placed by a real county's name (no coordinates, so it sits at the county's reference point);
the names, types and counties are test data, not claims about any real platform.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from streamlit.testing.v1 import AppTest

from geo.workspace import Store

TYPE_COUNTS = {"innovation": 15, "manufacturing": 20, "services": 8, "agriculture": 3}  # the 46 of the 2017 list
COUNTIES = ("蓟州区", "武清区", "固安县", "正定县", "滦州市", "昌平区", "大兴区", "宝坻区")


def platforms_csv(type_counts: dict[str, int] = TYPE_COUNTS, prefix: str = "测试平台 / Test platform",
                  start: int = 1) -> bytes:
    """A filled platform template (CSV) with ``type_counts`` fictional platforms, numbered from ``start``."""
    zh, en = prefix.split(" / ")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["name", "platform_type", "county", "source"])
    number = start
    for platform_type, count in type_counts.items():
        for _ in range(count):
            writer.writerow([f"{zh} {number:03d} / {en} {number:03d}", platform_type,
                             COUNTIES[number % len(COUNTIES)], "测试数据 / test data"])
            number += 1
    return out.getvalue().encode("utf-8")


APP = str(Path(__file__).resolve().parents[1] / "app.py")


def run_app(params: dict, lang: str = "en", page: str | None = None) -> AppTest:
    """The app under AppTest opened with ``params`` in ``lang``, after the Map page's two first runs
    (its first run stops after the map; the controls and the sidebar come in the second), then on
    ``page`` if given."""
    at = AppTest.from_file(APP, default_timeout=120)
    for name, value in params.items():
        at.query_params[name] = value
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception, at.exception
    at.run()
    assert not at.exception, at.exception
    if page:
        at.switch_page(page).run()
        assert not at.exception, at.exception
    return at


def sqlite_store(tmp_path, monkeypatch) -> Store:
    """A fresh embedded store in ``tmp_path``, the app pointed at it (no database URL)."""
    monkeypatch.setenv("JJJ_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("JJJ_DATABASE_URL", raising=False)
    return Store(f"sqlite:///{tmp_path / 'workspaces.sqlite'}")
