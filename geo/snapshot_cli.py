"""``python -m geo.snapshot`` (or ``python -m geo.snapshot_cli``): export a view without a browser.

The filter options come from the filter table (geo/filter_table.py), the formats from
geo/export_formats.py and the size presets from geo/snapshot.py, so a copied Map URL (``--query``)
and every option are read and checked the same way as on the Map page.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from urllib.parse import parse_qsl

from geo import export_formats, filter_table, filters, snapshot, worker

# CLI option names → the Map page's URL parameters, so from_query checks every value: the filters'
# options come from the filter table (geo.filter_table), the view's after them.
_CLI_VIEW = (
    ("indicator", ("--indicator",), "colour cities by this indicator id, e.g. gdp"),
    ("year", ("--year",), "indicator year (default: the latest)"),
    ("cls", ("--scheme", "--cls"), "classification: quantiles, natural_breaks, equal_interval"),
    ("city", ("--city",), "selected city code (outlined)"),
    ("lang", ("--lang",), "zh or en"),
)


class _ArgumentParser(argparse.ArgumentParser):
    def error(self, message):  # argparse's own: usage, the message, exit code 2
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def cli_options() -> tuple[tuple[str, tuple[str, ...], str], ...]:
    """(URL parameter, flags, help) of every command-line view option."""
    return tuple((f.param, f.cli, f.help) for f in filter_table.FILTERS) + _CLI_VIEW


def _parser() -> argparse.ArgumentParser:
    parser = _ArgumentParser(prog="python -m geo.snapshot",
                             description="Export a view of the JJJ Atlas map (no browser needed).")
    parser.add_argument("--format", default="png", choices=export_formats.FORMAT_IDS)
    parser.add_argument("--preset", default="1920x1080", choices=list(snapshot.PRESETS))
    parser.add_argument("--size", help="WIDTHxHEIGHT in pixels (implies --preset custom)")
    parser.add_argument("--title", help="default: the app's name (and the indicator)")
    parser.add_argument("--subtitle", help="default: the visible layers with their counts")
    parser.add_argument("--approval", default="", help="map approval number (审图号), printed if given")
    parser.add_argument("--bounds", help="extent W,S,E,N in degrees (default: the three provinces)")
    parser.add_argument("--query", default="", help='Map page URL parameters, e.g. "type=innovation&prov=130000"')
    parser.add_argument("--out", help="output file (default: jjj-map.FORMAT)")
    parser.add_argument("--workspace", metavar="ID", help="include this team workspace's rows (its view-link id)")
    parser.add_argument("--each", choices=export_formats.ATLAS_EACH,
                        help="an atlas: one slide/page per item, as --format pptx or pdf (geo.atlas)")
    parser.add_argument("--film", choices=export_formats.FILM_FORMATS,
                        help="the as-of years as a film, one frame per year (geo.film)")
    for param, flags, text in cli_options():
        parser.add_argument(*flags, dest=f"q_{param}", metavar=flags[0][2:].upper().replace("-", "_"), help=text)
    return parser


def state_from_args(args: argparse.Namespace) -> filters.ViewState:
    """The ViewState of the --query string and the filter options (options win); bad values raise."""
    params = dict(parse_qsl(args.query, keep_blank_values=True))
    params.update({param: getattr(args, f"q_{param}") for param, _, _ in cli_options()
                   if getattr(args, f"q_{param}") is not None})
    state, ignored = filters.from_query(params)
    if ignored:
        flags = {param: flags[0] for param, flags, _ in cli_options()}
        raise ValueError("; ".join(f"invalid value {value!r} for {flags.get(key, key)}" for key, value in ignored))
    unknown = set(params) - {p for p, _, _ in cli_options()} - {"c", "z", "basemap"}
    if unknown:
        raise ValueError(f"unknown query parameter(s): {', '.join(sorted(unknown))}")
    return state

def _check_output_path(out: Path) -> None:
    """Refuse an --out the file cannot be written to, before any drawing (which takes seconds)."""
    if out.is_dir():
        raise ValueError(f"--out {out}: is a directory; give a file name, e.g. {out / 'jjj-map.png'}")
    folder = out.parent
    if not folder.is_dir():
        raise ValueError(f"--out {out}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise ValueError(f"--out {out}: the folder {folder} is not writable")


def _open_workspace(workspace_id: str, mode: str) -> bool:
    """Make the workspace (``$JJJ_DATA_DIR`` or ``$JJJ_DATABASE_URL``) the export's; False if unknown."""
    from geo import workspace
    from geo.workspace import active
    loaded = active.load(workspace.Store(), workspace_id.strip())
    active.activate(loaded, mode)
    return loaded is not None


def _source_mode(args: argparse.Namespace) -> str:
    """The curated / mine / both choice of ``--src`` (or the query's ``src``); a bad value is reported
    with the other options, so the workspace opens in the default meanwhile."""
    source = filter_table.by_field()["source"]
    value = getattr(args, f"q_{source.param}") or dict(parse_qsl(args.query)).get(source.param)
    return value if value in filter_table.SOURCE_MODES else source.default


def _indicator_data():
    """The indicators of ``--src`` with the open workspace (None without a workspace: the shipped ones)."""
    from geo import datasets
    from geo.workspace import active
    return None if active.current() is None else active.shown_indicators(datasets.load("indicators"))


def _export(args: argparse.Namespace, state: filters.ViewState, preset: str, size, bounds) -> bytes:
    """The bytes the options ask for: a film, an atlas, or the view in one format."""
    if args.film:
        return export_formats.export_film(state, args.film, title=args.title, preset=preset, size=size,
                                          bounds=bounds, approval_no=args.approval)
    if args.each:
        return export_formats.export_atlas(state, args.each, args.format, title=args.title, preset=preset,
                                           size=size, approval_no=args.approval)
    return export_formats.export(state, args.format, title=args.title, subtitle=args.subtitle, preset=preset,
                                 size=size, bounds=bounds, approval_no=args.approval,
                                 indicator_data=_indicator_data())


def _rendered(args: argparse.Namespace, state: filters.ViewState, preset: str, size, bounds) -> bytes:
    """``_export`` in a bounded worker (geo.worker), forked from this single-threaded process, so it
    starts with everything imported; killed past ``limits.MAX_RENDER_SECONDS``."""
    return worker.render(_export, args, state, preset, size, bounds, fork=True)


def main(argv: list[str] | None = None) -> int:
    """CLI entry point: 0 when the file is written, 2 with a message on a bad option."""
    parser = _parser()
    args = parser.parse_args(argv)
    # the workspace first: the filters accept its values too (an industry only its rows name)
    if args.workspace is not None and not _open_workspace(args.workspace, _source_mode(args)):
        print(f"{parser.prog}: error: --workspace {args.workspace!r}: no such workspace", file=sys.stderr)
        return 2
    try:
        state = state_from_args(args)
        size = snapshot.parse_size(args.size) if args.size else None
        preset = snapshot.CUSTOM if size else args.preset
        snapshot.pixel_size(preset, size)
        bounds = snapshot.parse_bounds(args.bounds) if args.bounds else None
    except ValueError as err:
        parser.error(str(err))
    if args.each and args.format not in export_formats.ATLAS_FORMATS:
        parser.error(f"--each writes pptx or pdf, not {args.format}: add --format pptx or --format pdf")
    if args.each and args.film:
        parser.error("--each and --film: choose one")
    out = Path(args.out or f"jjj-map.{args.film or export_formats.FORMATS[args.format].extension}")
    try:
        _check_output_path(out)
    except ValueError as err:  # the options are fine; only where to write is wrong: one line
        print(f"{parser.prog}: error: {err}", file=sys.stderr)
        return 2
    try:
        data = _rendered(args, state, preset, size, bounds)
    except worker.WorkerFailed as failed:  # past the render cap or the memory cap: one line, no file
        what = args.film or f"{args.format}{' --each ' + args.each if args.each else ''}"
        print(f"{parser.prog}: error: {worker.render_message(failed, what, 'en')}", file=sys.stderr)
        return 2
    try:
        out.write_bytes(data)
    except OSError as err:  # e.g. a full disk (ENOSPC): no half-written file, one line, exit 2
        out.unlink(missing_ok=True)
        print(f"{parser.prog}: error: cannot write {out}: {err.strerror or err}", file=sys.stderr)
        return 2
    pictured = args.film or (args.format == "png" and not args.each)
    detail = f" ({'×'.join(map(str, snapshot.pixel_size(preset, size)))} px)" if pictured else ""
    print(f"wrote {out}{detail}, {len(data):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
