"""The export formats of a Map view, declared once: id, MIME type, file extension, label and writer.

``export_all(state, formats, ...)`` writes a view in several formats and draws the map picture only
once for all of them. ``export_atlas`` (one slide or page per city, type, system or industry,
geo.atlas) and ``export_film`` (the as-of years as a GIF or MP4, geo.film) are declared here too, so
the export panel and the command line reach every export the same way. The drawing is
``geo.snapshot``; the offline map ``geo.offline_html``; the slide and the data ``geo.exports``; the
command line ``geo.snapshot_cli``. The export panel's buttons and the CLI's ``--format`` choices
loop over ``FORMATS``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from geo import atlas, exports, film, filters, offline_html, snapshot


@dataclass
class ExportJob:
    """One view being exported: its layers, its options, and the snapshot drawn once on first use."""

    state: filters.ViewState
    layers: filters.Layers
    title: str
    subtitle: str | None
    preset: str
    size: tuple[int, int] | None
    bounds: tuple[float, float, float, float] | None
    approval_no: str
    user_points: object
    indicator_data: pd.DataFrame | None
    images: dict[str, bytes] = field(default_factory=dict)
    _snap: snapshot.Snapshot | None = None

    def subtitle_text(self) -> str:
        return snapshot.default_subtitle(self.state, self.layers.counts()) if self.subtitle is None else self.subtitle

    def snapshot(self) -> snapshot.Snapshot:
        if self._snap is None:
            self._snap = snapshot.render(self.state, title=self.title, subtitle=self.subtitle_text(),
                                         preset=self.preset,
                                         size=self.size, bounds=self.bounds, approval_no=self.approval_no,
                                         user_points=self.user_points, indicator_data=self.indicator_data)
        return self._snap

    def bare_png(self) -> bytes:
        """The map without title and subtitle: on a slide they are the slide's own text boxes."""
        bare = snapshot.render(self.state, title="", preset=self.preset, size=self.size, bounds=self.bounds,
                               approval_no=self.approval_no, user_points=self.user_points,
                               indicator_data=self.indicator_data)
        try:
            return snapshot.image_bytes(bare, "png")
        finally:
            bare.figure.clear()

    def image(self, fmt: str) -> bytes:
        if fmt not in self.images:
            self.images[fmt] = snapshot.image_bytes(self.snapshot(), fmt)
        return self.images[fmt]

    def close(self) -> None:
        if self._snap is not None:
            self._snap.figure.clear()  # free the drawing now; a session may keep the bytes


@dataclass(frozen=True)
class ExportFormat:
    """One export format. ``writer(job)`` returns its bytes."""

    id: str
    mime: str
    extension: str
    label: str  # the download button's text (a format name, the same in both languages)
    writer: Callable[[ExportJob], bytes]
    picture: bool = False  # drawn from the snapshot (the map is drawn once for all of these)


def _text(data: str | bytes) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else data


def _pptx(job: ExportJob) -> bytes:
    snap = job.snapshot()  # its sources: the bare picture draws the same layers
    return exports.to_pptx(job.bare_png(), job.title, snap.sources, snap.links, job.state.lang,
                           source_urls=snap.source_urls, subtitle=job.subtitle_text())


def _html(job: ExportJob) -> bytes:
    return offline_html.to_html(job.state, job.user_points, bounds=job.bounds, title=job.title,
                                indicator_data=job.indicator_data).encode("utf-8")


FORMATS: dict[str, ExportFormat] = {f.id: f for f in (
    ExportFormat("png", "image/png", "png", "PNG", lambda job: job.image("png"), picture=True),
    ExportFormat("svg", "image/svg+xml", "svg", "SVG", lambda job: job.image("svg"), picture=True),
    ExportFormat("pdf", "application/pdf", "pdf", "PDF", lambda job: job.image("pdf"), picture=True),
    ExportFormat("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx",
                 "PPTX", _pptx, picture=True),
    ExportFormat("html", "text/html", "html", "HTML", _html),
    ExportFormat("csv", "text/csv", "csv", "CSV", lambda job: _text(exports.to_csv(job.layers))),
    ExportFormat("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", "XLSX",
                 lambda job: _text(exports.to_xlsx(job.layers))),
    ExportFormat("geojson", "application/geo+json", "geojson", "GeoJSON",
                 lambda job: _text(exports.to_geojson(job.layers))),
)}
FORMAT_IDS = tuple(FORMATS)
MIME = {f.id: f.mime for f in FORMATS.values()}
ATLAS_EACH = atlas.EACH  # city, type, system, industry
ATLAS_FORMATS = ("pptx", "pdf")  # an atlas is a deck or one multi-page PDF
FILM_MIME = {"gif": "image/gif", "mp4": "video/mp4"}
FILM_FORMATS = tuple(FILM_MIME)


def export_all(state: filters.ViewState, formats=FORMAT_IDS, *, title: str | None = None,
               subtitle: str | None = None, preset: str = "1920x1080", size=None, bounds=None,
               approval_no: str = "", user_points=None, indicator_data: pd.DataFrame | None = None) -> dict[str, bytes]:
    """The view ``state`` in each of ``formats`` as bytes; the map is drawn once for all images.

    Title and subtitle default to ``snapshot.default_title`` and ``snapshot.default_subtitle``.
    """
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ValueError(f"format {unknown[0]!r}: choose one of {', '.join(FORMATS)}")
    job = ExportJob(state, filters.visible_layers(state, user_points), title or snapshot.default_title(state),
                    subtitle, preset, size, bounds, approval_no, user_points, indicator_data)
    try:
        # the data first, then the offline map, then the pictures (as the formats were always written)
        order = sorted(formats, key=lambda f: (FORMATS[f].picture, f != "html"))
        out = {fmt: FORMATS[fmt].writer(job) for fmt in order}
    finally:
        job.close()
    return {fmt: out[fmt] for fmt in formats}


def export(state: filters.ViewState, fmt: str, **options) -> bytes:
    """The view ``state`` in one format as bytes (options as for ``export_all``)."""
    return export_all(state, (fmt,), **options)[fmt]


def export_atlas(state: filters.ViewState, each: str, fmt: str, *, title: str | None = None,
                 preset: str = "1920x1080", size=None, approval_no: str = "") -> bytes:
    """An atlas of ``state``, one map per ``each`` item, as ``pptx`` or ``pdf`` bytes (geo.atlas)."""
    if fmt not in ATLAS_FORMATS:
        raise ValueError(f"--each writes pptx or pdf, not {fmt}: add --format pptx or --format pdf")
    return atlas.build(state, each, (fmt,), title=title, preset=preset, size=size, approval_no=approval_no).files[fmt]


def export_film(state: filters.ViewState, fmt: str, *, title: str | None = None, preset: str = "1920x1080",
                size=None, bounds=None, approval_no: str = "") -> bytes:
    """The as-of years of ``state`` as a ``gif`` or ``mp4`` film (geo.film)."""
    return film.film(state, fmt, title=title, preset=preset, size=size, bounds=bounds, approval_no=approval_no)
