"""A corpus of hostile upload files, generated (not committed): each case says what it attacks and
the problem code the workspace reader must answer with. Run ``python -m tests.hostile_workspace_corpus DIR``
to write the files out for manual tries; the tests build them in memory.
"""

from __future__ import annotations

import codecs
import io
import json
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import openpyxl

HEADER = "name,platform_type,county\n"


@dataclass(frozen=True)
class Case:
    id: str
    kind: str
    filename: str
    data: bytes
    code: str  # the file-level problem expected (the whole file refused)


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def _deep_geojson(depth: int) -> bytes:
    return ('{"type":"FeatureCollection","features":[' + _nested(depth) + "]}").encode()


def _deep_property(depth: int) -> bytes:
    value = '{"a":' * depth + "1" + "}" * depth
    return ('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":' + value +
            '},"geometry":{"type":"Point","coordinates":[117.4,40.0]}}]}').encode()


def _zip_bomb(megabytes: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * 2**20
            for _ in range(megabytes):
                member.write(chunk)
    return out.getvalue()


def _many_members(n: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for i in range(n):
            archive.writestr(f"m{i}.xml", "")
    return out.getvalue()


def _xlsx(rows: list[list]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def rows_xlsx(rows: int) -> bytes:
    """``rows`` rows × 1 cell and no ``<dimension>``: a tiny workbook whose sheet XML is replaced."""
    book = openpyxl.Workbook()
    book.active["A1"] = "name"
    small = io.BytesIO()
    book.save(small)
    rows = "".join(f'<row r="{i}"><c r="A{i}"><v>1</v></c></row>' for i in range(2, rows + 1))
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.'
             'org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c>'
             f'</row>{rows}</sheetData></worksheet>')
    out = io.BytesIO()
    with zipfile.ZipFile(small) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = sheet.encode() if info.filename == "xl/worksheets/sheet1.xml" else src.read(info)
            dst.writestr(info.filename, data)
    return out.getvalue()


def cases() -> list[Case]:
    text = HEADER + "测试平台 001 / Test platform 001,innovation,蓟县\n"
    return [
        Case("geojson_nested_400", "platforms", "deep.geojson", _deep_geojson(400), "too_deep"),
        Case("geojson_nested_900", "platforms", "deep.geojson", _deep_geojson(900), "too_deep"),
        Case("geojson_property_nested_500", "parks", "deep.json", _deep_property(500), "too_deep"),
        Case("zip_bomb_named_xlsx", "platforms", "bomb.xlsx", _zip_bomb(120), "too_large"),
        Case("zip_many_members_named_xlsx", "indicators", "many.xlsx", _many_members(600), "too_many_members"),
        Case("not_a_zip_named_xlsx", "platforms", "fake.xlsx", b"PK\x03\x04 not really", "bad_file"),
        Case("utf16_csv", "platforms", "u16.csv", codecs.BOM_UTF16_LE + text.encode("utf-16-le"), "encoding"),
        Case("utf32_csv", "platforms", "u32.csv", codecs.BOM_UTF32_LE + text.encode("utf-32-le"), "encoding"),
        Case("nul_bytes_csv", "platforms", "nul.csv", text.encode().replace(b",", b"\0,", 1), "binary"),
        Case("one_mb_cell_csv", "platforms", "big.csv", (HEADER + "x" * 2**20 + ",innovation,蓟县\n").encode(),
             "cell_too_long"),
        Case("fifty_thousand_char_cell_csv", "parks", "cell.csv", (HEADER + "x" * 50_000 + ",innovation,蓟县\n")
             .encode(), "cell_too_long"),
        Case("one_mb_cell_xlsx", "projects", "big.xlsx", _xlsx([["name", "county"], ["x" * 2**20, "蓟县"]]),
             "cell_too_long"),
        Case("wide_without_indicator", "indicators_wide", "wide.csv", b"city,2019,2020\n\xe5\x8c\x97\xe4\xba\xac,1,2\n",
             "no_year_or_indicator"),
        Case("too_many_columns", "platforms", "wide.csv", (HEADER.strip() + ",c" * 300 + "\n" + "a," * 300 + "\n")
             .encode(), "too_many_cells"),
        Case("exe_named_csv", "platforms", "x.csv", b"MZ\x90\x00\x03\x00\x00\x00", "binary"),
        # Its unpacked size is over the cap: refused before any row is read.
        Case("xlsx_1048576_rows_one_cell", "platforms", "rows.xlsx", rows_xlsx(1_048_576), "too_large"),
        Case("wrong_extension", "platforms", "x.exe", text.encode(), "unsupported_type"),
    ]


def formula_geojson() -> bytes:
    """A point named with a control character before a formula, in a valid FeatureCollection."""
    feature = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [117.41, 40.05]},
               "properties": {"name": "\u0001=HYPERLINK(\"http://evil.example\",\"点我\")", "county": "蓟州区",
                              "platform_type": "innovation"}}
    return json.dumps({"type": "FeatureCollection", "features": [feature]}).encode()


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile")
    target.mkdir(parents=True, exist_ok=True)
    for case in cases():
        (target / f"{case.id}_{case.filename}").write_bytes(case.data)
    print(f"{len(cases())} files in {target}")
