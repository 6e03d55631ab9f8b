"""A corpus of hostile upload files, generated (not committed): each case says what it attacks and
the problem code the workspace reader must answer with. Run ``python -m tests.hostile_workspace_corpus DIR``
to write the files out for manual tries; the tests build them in memory.
"""

from __future__ import annotations

import codecs
import csv
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


@dataclass(frozen=True)
class RowCase:
    """A file whose every row is refused; each expected (row, column as the user wrote it, code) is named."""

    id: str
    kind: str
    filename: str
    data: bytes
    problems: tuple[tuple[int, str | None, str], ...]


# A good row of each kind other than platforms (clearly fictional names, real counties and cities).
HEADERS = {"parks": "name,county,modes", "projects": "name,county,investment",
           "indicators": "city,year,indicator,value", "indicators_wide": "indicator,gdp\ncity,2019"}
GOOD_ROWS = {"parks": "测试园区 001 / Test park 001,蓟州区,", "projects": "测试项目 001 / Test project 001,固安县,10",
             "indicators": "北京,2019,gdp,100", "indicators_wide": "北京,100"}
# Formula prefixes as a cell may hold them before the reader strips it and the writer drops control characters.
FORMULAS = ("\u0001=HYPERLINK(\"http://evil.example\",\"点我\")", " =1+1", "\t+1+1", "@SUM(1)", "-1+1",
            "\r=cmd|' /C calc'!A0", "\u00a0=1+1", "\u3000@SUM(1)", "=1+1", "\u0001\u00a0=1+1", "\u0000=1+1",
            "'=1+1")


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


def _text(kind: str, rows: list[str]) -> str:
    return HEADERS[kind] + "\n" + "".join(row + "\n" for row in rows)


def _wide_csv(columns: int, rows: int) -> bytes:
    header = "indicator,gdp\ncity," + ",".join(str(1949 + i % 150) for i in range(columns)) + "\n"
    return (header + "".join("北京," + ",".join("1" for _ in range(columns)) + "\n" for _ in range(rows))).encode()


def _many_columns_xlsx(kind: str, columns: int) -> bytes:
    first = HEADERS[kind].split("\n")[-1].split(",")
    return _xlsx([first + [f"c{i}" for i in range(columns)], GOOD_ROWS[kind].split(",") + ["x"] * columns])


def kind_cases() -> list[Case]:
    """File-level attacks on every kind besides platforms: each refuses the whole file with its own code."""
    out = []
    for kind in ("parks", "projects", "indicators", "indicators_wide"):
        text = _text(kind, [GOOD_ROWS[kind]])
        big_cell = _text(kind, ["x" * 2**20 + GOOD_ROWS[kind][GOOD_ROWS[kind].index(","):]])
        first = HEADERS[kind].split("\n")
        rows = "\n".join(first[:-1] + [first[-1]]) + "\n" + (GOOD_ROWS[kind] + "\n") * 20_001
        out += [
            Case(f"{kind}_utf16_csv", kind, "u16.csv", codecs.BOM_UTF16_LE + text.encode("utf-16-le"), "encoding"),
            Case(f"{kind}_utf16_no_bom_csv", kind, "u16.csv", text.encode("utf-16-be"), "encoding"),
            Case(f"{kind}_utf32_csv", kind, "u32.csv", codecs.BOM_UTF32_BE + text.encode("utf-32-be"), "encoding"),
            Case(f"{kind}_utf32_no_bom_csv", kind, "u32.csv", text.encode("utf-32-le")[4:], "encoding"),
            Case(f"{kind}_nul_bytes_csv", kind, "nul.csv", text.encode().replace(b",", b",\0", 1), "binary"),
            Case(f"{kind}_one_mb_cell_csv", kind, "big.csv", big_cell.encode(), "cell_too_long"),
            Case(f"{kind}_one_mb_cell_xlsx", kind, "big.xlsx",
                 _xlsx([line.split(",") for line in big_cell.splitlines()]), "cell_too_long"),
            Case(f"{kind}_zip_bomb_named_xlsx", kind, "bomb.xlsx", _zip_bomb(120), "too_large"),
            Case(f"{kind}_600_members_named_xlsx", kind, "many.xlsx", _many_members(600), "too_many_members"),
            Case(f"{kind}_rows_past_the_cap_csv", kind, "rows.csv", rows.encode(), "too_many_rows"),
            Case(f"{kind}_rows_past_the_cap_xlsx", kind, "rows.xlsx", rows_xlsx(25_000), "too_many_rows"),
            Case(f"{kind}_3000_columns_csv", kind, "wide.csv",
                 (text.rstrip("\n") + ",x" * 3000 + "\n").encode(), "too_many_cells"),
            Case(f"{kind}_3000_columns_xlsx", kind, "wide.xlsx", _many_columns_xlsx(kind, 3000), "too_many_cells"),
        ]
        if kind in ("parks", "projects"):  # GeoJSON is allowed: nesting is the attack
            out += [Case(f"{kind}_geojson_nested_400", kind, "deep.geojson", _deep_geojson(400), "too_deep"),
                    Case(f"{kind}_property_nested_500", kind, "deep.json", _deep_property(500), "too_deep")]
        else:  # tables only: a GeoJSON is refused by its type before it is parsed
            out.append(Case(f"{kind}_geojson_refused", kind, "deep.geojson", _deep_geojson(400), "unsupported_type"))
    # Wide tables multiply: each filled cell is a row, so 200 cities × 150 years pass the 20,000-row cap.
    out += [Case("wide_cells_past_the_row_cap", "indicators_wide", "amplified.csv", _wide_csv(150, 200),
                 "too_many_rows"),
            Case("wide_5000_year_columns", "indicators_wide", "years.csv", _wide_csv(5000, 2), "too_many_cells"),
            Case("wide_12000_rows_199_years", "indicators_wide", "big.csv", _wide_csv(199, 12_000), "too_many_rows")]
    return out


def row_cases() -> list[RowCase]:
    """Bad numbers, years, units, modes and places per kind: every row refused, each named with its column."""
    return [
        RowCase("park_bad_year_mode_coordinates", "parks", "p.csv", (
            "name,county,modes,year,longitude,latitude\n"
            "测试园区 001,蓟州区,,20x9,,\n"
            "测试园区 002,蓟州区,teleport,1800,,\n"
            "测试园区 003,蓟州区,,,abc,40.0\n"
            "测试园区 004,蓟州区,,,117.4,\n"
            "测试园区 005,蓟州区,,,1e309,40.0\n"
            "测试园区 006,Atlantis,,,,\n").encode(),
            ((2, "year", "bad_year"), (3, "year", "bad_year"), (3, "modes", "unknown_mode"),
             (4, "longitude", "not_a_number"), (5, "longitude/latitude", "half_coordinates"),
             (6, "longitude", "not_a_number"), (7, "county", "unknown_county"))),
        RowCase("project_bad_investment", "projects", "j.csv", (
            "name,county,investment,year\n"
            "测试项目 001,固安县,NaN,\n"
            "测试项目 002,固安县,1_000,\n"
            "测试项目 003,固安县,1e16,\n"
            "测试项目 004,固安县,-inf,\n"
            "测试项目 005,固安县,十亿,\n"
            "测试项目 006,固安县,,99999\n").encode(),
            ((2, "investment", "not_a_number"), (3, "investment", "not_a_number"),
             (4, "investment", "out_of_range"), (5, "investment", "not_a_number"),
             (6, "investment", "not_a_number"), (7, "year", "bad_year"))),
        RowCase("indicator_bad_values_years_units", "indicators", "i.csv", (
            "city,year,indicator,value,unit\n"
            "北京,2019,gdp,inf,\n"
            "北京,2019,population,-5,\n"
            "北京,2019,gdp,100,亿美元\n"
            "北京,99999,gdp,100,\n"
            "北京,2019,rockets,1,\n"
            "上海,2019,gdp,1,\n"
            "北京,2019,gdp,1e16,\n").encode(),
            ((2, "value", "not_a_number"), (3, "value", "not_positive"), (4, "unit", "unit_mismatch"),
             (5, "year", "bad_year"), (6, "indicator", "unknown_indicator"), (7, "city", "unknown_area"),
             (8, "value", "out_of_range"))),
        RowCase("wide_bad_cells_and_years", "indicators_wide", "w.csv", (
            "indicator,population\n"
            "city,2019,20x9\n"
            "北京,abc,1\n"
            "上海,1,\n"
            "天津,-3,\n").encode(),
            ((3, "2019", "not_a_number"), (3, "year", "bad_year"), (4, "city", "unknown_area"),
             (5, "2019", "not_positive"))),
    ]


def formula_files() -> list[tuple[str, str, bytes]]:
    """(kind, file name, bytes) whose every free-text cell starts with a formula once the reader has
    stripped it and control characters are gone; the rows are accepted and every exporter must defuse them."""
    out = []
    for kind, extra in (("platforms", {"platform_type": "innovation", "tier": None}),
                        ("parks", {"origin": None}), ("projects", {"origin": None, "industry": None})):
        features = []
        for i, formula in enumerate(FORMULAS):
            texts = {"name": formula + f" {i}", "name_en": formula, "aliases": formula, "industries": formula,
                     "source": formula, "source_url": formula, "notes": formula}
            texts.update({k: v or formula for k, v in extra.items()})
            if "origin" in texts:
                texts["origin"] = formula
            features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [117.41, 40.05]},
                             "properties": {**texts, "county": "蓟州区"}})
        out.append((kind, f"{kind}.geojson", json.dumps({"type": "FeatureCollection", "features": features})
                    .encode()))
    table = io.StringIO(newline="")
    writer = csv.writer(table)
    writer.writerow(["city", "year", "indicator", "value", "source", "source_url", "notes"])
    for i, formula in enumerate(FORMULAS):
        if not any(c in formula for c in "\u0000\u0001"):  # a CSV with control characters is refused as binary
            writer.writerow(["北京", 2000 + i, "gdp", i + 1, formula, formula, formula])
    out.append(("indicators", "i.csv", table.getvalue().encode()))
    return out


def formula_geojson() -> bytes:
    """A point named with a control character before a formula, in a valid FeatureCollection."""
    feature = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [117.41, 40.05]},
               "properties": {"name": "\u0001=HYPERLINK(\"http://evil.example\",\"点我\")", "county": "蓟州区",
                              "platform_type": "innovation"}}
    return json.dumps({"type": "FeatureCollection", "features": [feature]}).encode()


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile")
    target.mkdir(parents=True, exist_ok=True)
    every = cases() + kind_cases() + row_cases()
    for case in every:
        (target / f"{case.id}_{case.filename}").write_bytes(case.data)
    print(f"{len(every)} files in {target}")
