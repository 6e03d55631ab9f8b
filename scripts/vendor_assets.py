"""Copy the pinned front-end files listed in ``geo/assets.py`` from the npm registry into ``static/vendor``.

``python -m scripts.vendor_assets`` (needs ``npm``). The result is committed, so running the app
needs neither npm nor the internet; rerun this only to change a version.
"""

from __future__ import annotations

import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from geo.assets import VENDOR_DIR, VENDOR_FILES


def _pack(package: str, version: str, workdir: Path) -> Path:
    out = subprocess.run(
        ["npm", "pack", f"{package}@{version}", "--silent"],
        cwd=workdir, check=True, capture_output=True, text=True,
    )
    return workdir / out.stdout.strip().splitlines()[-1]


def vendor() -> list[Path]:
    """Fetch each pinned package once and copy the listed files; returns the written paths."""
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        unpacked: dict[tuple[str, str], Path] = {}
        for item in VENDOR_FILES:
            key = (item.package, item.version)
            if key not in unpacked:
                target = workdir / f"{item.package}-{item.version}".replace("/", "_")
                with tarfile.open(_pack(item.package, item.version, workdir)) as tar:
                    tar.extractall(target, filter="data")
                unpacked[key] = target / "package"
            destination = VENDOR_DIR / item.local_path
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(unpacked[key] / item.path_in_package, destination)
            written.append(destination)
    return written


if __name__ == "__main__":
    for path in vendor():
        print(path.relative_to(VENDOR_DIR.parent.parent))
