"""The timeline as a film: one frame per as-of year, platforms and parks appearing as they are set up.

``frames(state)`` draws the view once per year from ``FIRST_YEAR`` to ``LAST_YEAR`` (the as-of filter,
without the undated: a platform appears in the year its source gives), with the year in large type
on the map. ``to_gif`` writes an animated GIF with Pillow; ``to_mp4`` an H.264 MP4 (yuv420p, which
PowerPoint, Keynote and browsers play) with the FFmpeg that the ``imageio-ffmpeg`` wheel ships,
never a system binary.

    python -m geo.snapshot --film mp4 --out timeline.mp4
"""

from __future__ import annotations

import datetime as dt
import io
import tempfile
from pathlib import Path

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from PIL import Image

from geo import captions, filters, snapshot
from geo.vocab import INK, ui

FIRST_YEAR, LAST_YEAR = 2013, 2025  # the coordination strategy (2014) and the year before the latest data
FRAME_SECONDS = 1.0
HOLD_LAST_SECONDS = 3.0
FILM_FORMATS = ("gif", "mp4")


def years(first: int = FIRST_YEAR, last: int = LAST_YEAR) -> list[int]:
    if first > last:
        raise ValueError(f"film years {first}–{last}: the first year must not be after the last")
    return list(range(first, last + 1))


def _frame(state: filters.ViewState, year: int, title: str, preset: str, size, bounds, approval_no: str,
           today: dt.date) -> np.ndarray:
    view = state.with_(as_of=year, include_undated=False)
    layers = filters.visible_layers(view)
    subtitle = captions.SEPARATOR.join(p for p in (captions.filter_words(view),
                                                   captions.count_words(view, layers.counts())) if p)
    snap = snapshot.render(view, title=title, subtitle=subtitle, preset=preset, size=size, bounds=bounds,
                           approval_no=approval_no, today=today, layers=layers)
    try:
        inset = snap.figure.axes[2].get_position()  # the year stands above the locator, off the map
        with snapshot._style():
            snap.figure.text(inset.x1, inset.y1 + 0.035, str(year), ha="right", va="bottom", gid="film:year",
                             fontsize=60 * min(snap.figure.get_size_inches()) / snapshot.DESIGN_SHORT_SIDE_IN,
                             color=INK["label"])
            canvas = FigureCanvasAgg(snap.figure)
            canvas.draw()
            return np.asarray(canvas.buffer_rgba())[..., :3].copy()
    finally:
        snap.figure.clear()


def frames(state: filters.ViewState, *, first: int = FIRST_YEAR, last: int = LAST_YEAR, title: str | None = None,
           preset: str = "1920x1080", size=None, bounds=None, approval_no: str = "",
           today: dt.date | None = None) -> list[np.ndarray]:
    """One RGB frame (height × width × 3) per year."""
    title = title or ui("film_title", state.lang).format(first=first, last=last)
    today = today or dt.date.today()
    return [_frame(state, year, title, preset, size, bounds, approval_no, today) for year in years(first, last)]


def to_gif(images: list[np.ndarray]) -> bytes:
    """An animated GIF (loops forever), one image per second, the last held longer."""
    pictures = [Image.fromarray(i).quantize(colors=255, method=Image.Quantize.MEDIANCUT) for i in images]
    durations = [int(FRAME_SECONDS * 1000)] * (len(pictures) - 1) + [int(HOLD_LAST_SECONDS * 1000)]
    out = io.BytesIO()
    pictures[0].save(out, format="GIF", save_all=True, append_images=pictures[1:], duration=durations, loop=0,
                     optimize=False, disposal=1)
    return out.getvalue()


def to_mp4(images: list[np.ndarray]) -> bytes:
    """An H.264 MP4 (yuv420p) at one frame per second, the last held ``HOLD_LAST_SECONDS``."""
    import imageio.v2 as imageio  # only here: the GIF and the maps need neither

    sequence = images + [images[-1]] * int(HOLD_LAST_SECONDS / FRAME_SECONDS - 1)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "film.mp4"
        writer = imageio.get_writer(path, fps=1 / FRAME_SECONDS, codec="libx264", quality=8, macro_block_size=8,
                                    pixelformat="yuv420p", ffmpeg_log_level="error")
        try:
            for image in sequence:
                writer.append_data(image)
        finally:
            writer.close()
        return path.read_bytes()


def film(state: filters.ViewState, fmt: str = "mp4", **options) -> bytes:
    """The timeline of ``state`` as ``gif`` or ``mp4`` bytes (options as for ``frames``)."""
    if fmt not in FILM_FORMATS:
        raise ValueError(f"film format {fmt!r}: choose gif or mp4")
    images = frames(state, **options)
    return to_gif(images) if fmt == "gif" else to_mp4(images)
