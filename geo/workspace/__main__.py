"""``python -m geo.workspace``: create workspaces, get templates, import files, list, revert, export.

A bad argument, an unknown workspace or a wrong key prints one line on stderr and exits with 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from geo.vocab import ui
from geo.workspace.archive import ArchiveError, export_zip, import_zip
from geo.workspace.kinds import KINDS, template_csv, template_xlsx
from geo.workspace.store import Store, WorkspaceError

USAGE_ERROR = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2 (argparse's own code), no usage dump
        print(f"error: {message}", file=sys.stderr)
        raise SystemExit(USAGE_ERROR)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m geo.workspace", description=__doc__)
    parser.add_argument("--lang", choices=("zh", "en"), default="en")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    commands.add_parser("create").add_argument("name")
    template = commands.add_parser("template")
    template.add_argument("kind", choices=list(KINDS))
    template.add_argument("--out", required=True, type=Path)
    imp = commands.add_parser("import")
    imp.add_argument("id")
    imp.add_argument("file", type=Path)
    imp.add_argument("--key", required=True)
    imp.add_argument("--kind", choices=list(KINDS), default="platforms")
    imp.add_argument("--source")
    imp.add_argument("--uploader")
    imp.add_argument("--replace", action="store_true")
    commands.add_parser("versions").add_argument("id")
    revert = commands.add_parser("revert")
    revert.add_argument("id")
    revert.add_argument("version", type=int)
    revert.add_argument("--key", required=True)
    export = commands.add_parser("export")
    export.add_argument("id")
    export.add_argument("--out", required=True, type=Path)
    commands.add_parser("import-zip").add_argument("zip", type=Path)
    return parser


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return USAGE_ERROR


def _read_file(path: Path) -> bytes:
    if not path.is_file():
        raise WorkspaceError("ws_bad_args", error=f"{path} is not a file")
    return path.read_bytes()


def _write_file(path: Path, data: bytes) -> None:
    if path.is_dir() or not path.parent.is_dir():
        raise WorkspaceError("ws_bad_args", error=f"cannot write {path}")
    path.write_bytes(data)


def run(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    lang = args.lang
    try:
        if args.command == "template":
            make = template_xlsx if args.out.suffix.lower() == ".xlsx" else template_csv
            _write_file(args.out, make(args.kind, lang))
            print(args.out)
            return 0
        store = Store()
        if args.command == "create":
            workspace_id, key = store.create(args.name)
            print(f"id {workspace_id}\nkey {key}")
        elif args.command == "import":
            data = _read_file(args.file)
            result, version = store.upload(args.id, args.key, args.kind, args.file.name, data,
                                           uploader=args.uploader, source=args.source, replace=args.replace)
            for problem in result.problems:
                print(problem.describe(lang), file=sys.stderr)
            if version is None:
                return _fail(ui("ws_rejected", lang))
            print(ui("ws_saved", lang).format(version=version, accepted=len(result.rows), total=result.total_rows))
        elif args.command == "versions":
            for v in store.versions(args.id):
                print("\t".join(str(x if x is not None else "") for x in (
                    v["id"], v["action"], v["kind"], v["file_name"], v["rows_accepted"], v["created"], v["uploader"],
                    v["sha256"], "reverted" if v["reverted"] else "", "live" if v["live"] else "")))
        elif args.command == "revert":
            print(store.revert(args.id, args.version, args.key))
        elif args.command == "export":
            _write_file(args.out, export_zip(store, args.id))
            print(args.out)
        elif args.command == "import-zip":
            workspace_id, key = import_zip(store, _read_file(args.zip))
            print(f"id {workspace_id}\nkey {key}")
        return 0
    except WorkspaceError as err:
        return _fail(err.message(lang))
    except ArchiveError as err:
        return _fail(err.problem.describe(lang))


if __name__ == "__main__":
    sys.exit(run())
