"""The hostile upload corpus, generated (never committed: some cases are millions of rows).

``cases()`` yields every case as (name, reader, bytes, expected problem code or None). Run
``python tests/hostile_corpus.py OUT_DIR`` to write the files, e.g. to try them in the browser.
Names in the cases are fictional ("测试平台 / Test platform"); coordinates are Tiananmen's, which lies
in 北京市东城区 (the seed data's reference point), and no case claims a city for them.

Classes: deep nesting, row amplification, message amplification, huge cells, wide rows, control
characters, mathtext, formula prefixes that only show after normalisation, Markdown in every echoed
string, bad file names.
"""

from __future__ import annotations

import io
import json
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

from geo import limits

LON, LAT = 116.3975, 39.9087
POINT_HEADER = "name,longitude,latitude,kind,city,year,industries,source\n"
INDICATOR_HEADER = "city,year,indicator,value,unit,source\n"

MARKDOWN = ("![x](http://evil.example/p.png)", "[Log in](http://evil.example/login)", "**bold** _it_ `code`",
            "<img src=x onerror=alert(1)>", ":red[red] :material/home: :smile:", "# heading", "> quote",
            "| a | b |", "$x^2$")
MATHTEXT = (r"$\foo$", "a $x^$ b", "投资 $5 亿 和 $6 亿", "US$ 5 亿", r"\$ escaped", "$$")
# Each becomes a live formula (or a DDE call) in a spreadsheet unless guarded *after* the control
# characters are gone: the guard used to see "\x01" first.
FORMULAS = ("\x01=HYPERLINK(\"http://evil.example\",\"x\")", "\x0b=1+1", "\x1f@SUM(A1)", "\x7f+cmd|' /C calc'!A0",
            " =1+1", "\t=1+1", "\r=1+1", "-2+3", "@SUM(1)", "\u3000=1+1")
CONTROL = "".join(chr(c) for c in range(32) if chr(c) not in "\t\n\r") + "\x7f"


def _geojson(features: list[dict]) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=True).encode()


def point_feature(name: str, **properties) -> dict:
    """A valid Point feature at Tiananmen named ``name`` (other properties as given)."""
    return {"type": "Feature", "properties": {"name": name, **properties},
            "geometry": {"type": "Point", "coordinates": [LON, LAT]}}


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def deep_nesting() -> Iterator[tuple[str, str, bytes, str | None]]:
    for depth in (400, 990, 100_000):
        yield f"nested_{depth}.geojson", "points", _nested(depth).encode(), "too_deep"
        inner = '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":' + \
                _nested(depth) + '},"geometry":{"type":"Point","coordinates":[116.3975,39.9087]}}]}'
        yield f"nested_property_{depth}.geojson", "points", inner.encode(), "too_deep"
    brackets_in_strings = _geojson([point_feature("[" * 5000 + "{" * 5000)])
    yield "brackets_in_a_string.geojson", "points", brackets_in_strings, "cell_too_long"


def xlsx_rows(rows: int, cell: str = "x") -> bytes:
    """A one-sheet workbook of ``rows`` rows × 1 cell, deflated (a million rows is about 80 kB)."""
    # Rows without their number (readers count them): identical rows compress to almost nothing.
    body = f'<row><c t="inlineStr"><is><t>{cell}</t></is></c></row>' * rows
    parts = {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="xl/workbook.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
        '</Relationships>',
        "xl/workbook.xml": '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<Relationships '
        'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="worksheets/sheet1.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/></Relationships>',
        "xl/worksheets/sheet1.xml": '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{body}</sheetData></worksheet>",
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, xml in parts.items():
            archive.writestr(name, xml)
    return out.getvalue()


def row_amplification() -> Iterator[tuple[str, str, bytes, str | None]]:
    yield "rows_1048576.xlsx", "indicators", xlsx_rows(1_048_576), "too_large_unpacked"
    yield "rows_500000.xlsx", "indicators", xlsx_rows(500_000), "too_many_rows"
    just_under = limits.MAX_UPLOAD_BYTES - len(POINT_HEADER) - 1
    yield "messages_5mb.csv", "points", (POINT_HEADER + "x,,\n" * (just_under // 4)).encode(), "too_many_rows"
    yield "indicator_messages_5mb.csv", "indicators", (INDICATOR_HEADER + "x,x,x,x\n" * (just_under // 8)).encode(), \
        "too_many_rows"
    yield "blank_lines_5mb.csv", "points", (POINT_HEADER + f"测试平台 1,{LON},{LAT}\n" + "\n" * (just_under - 40)
                                            ).encode(), None


def message_amplification() -> Iterator[tuple[str, str, bytes, str | None]]:
    rows = limits.MAX_DATA_ROWS
    yield "messages_at_row_limit.csv", "points", (POINT_HEADER + "x,999,999,,Nowhere,1800,,\n" * rows).encode(), \
        "more_problems"
    yield "indicator_messages_at_row_limit.csv", "indicators", \
        (INDICATOR_HEADER + "Nowhere,1800,nothing,abc,,\n" * rows).encode(), "more_problems"


def huge_cells() -> Iterator[tuple[str, str, bytes, str | None]]:
    long = "测" * (limits.MAX_CELL_CHARS + 1)
    yield "cell_over_limit.csv", "points", (POINT_HEADER + f"{long},{LON},{LAT}\n").encode(), "cell_too_long"
    yield "cell_over_csv_field_limit.csv", "points", \
        (POINT_HEADER + '"' + "x" * 200_000 + f'",{LON},{LAT}\n').encode(), "cell_too_large"
    yield "cell_over_limit.geojson", "points", _geojson([point_feature(long)]), "cell_too_long"
    yield "cell_32k.xlsx", "indicators", xlsx_rows(3, "y" * 32_000), "header_not_found"
    wide = POINT_HEADER.strip() + "," * 1_000_000 + "\n" + f"测试平台 1,{LON},{LAT}\n"
    yield "row_of_a_million_cells.csv", "points", wide.encode(), None


def control_characters() -> Iterator[tuple[str, str, bytes, str | None]]:
    features = [point_feature(f"测试平台 {i} {CONTROL}", source=f"测试来源{CONTROL}", kind=CONTROL, industries=CONTROL)
                for i in range(3)]
    yield "control_characters.geojson", "points", _geojson(features), None
    yield "control_characters.csv", "points", (POINT_HEADER + f"a\x01b,{LON},{LAT}\n").encode(), "binary"


def mathtext() -> Iterator[tuple[str, str, bytes, str | None]]:
    features = [point_feature(f"测试平台 {i} {text}", source=text, kind=text) for i, text in enumerate(MATHTEXT)]
    yield "mathtext.geojson", "points", _geojson(features), None


def formulas() -> Iterator[tuple[str, str, bytes, str | None]]:
    features = [point_feature(text, source=text, kind=text, industries=text) for text in FORMULAS]
    yield "formulas.geojson", "points", _geojson(features), None


def markdown() -> Iterator[tuple[str, str, bytes, str | None]]:
    rows = "".join(f'"{text}",{LON},{LAT},"{text}",,,"{text}","{text}"\n' for text in MARKDOWN)
    yield "markdown.csv", "points", (POINT_HEADER + rows).encode(), None
    bad = "".join(f'"{text}",2020,gdp,1,,\n' for text in MARKDOWN)
    yield "markdown_indicators.csv", "indicators", (INDICATOR_HEADER + bad).encode(), "unknown_city"


def bad_names() -> Iterator[tuple[str, str, bytes, str | None]]:
    good = (POINT_HEADER + f"测试平台 1,{LON},{LAT}\n").encode()
    yield "../../etc/passwd", "points", good, "unsupported_type"
    yield "$\\foo$ [x](http://evil.example).csv", "points", good, None
    yield "a\x00b.csv", "points", good, None
    yield "CON.geojson.exe", "points", good, "unsupported_type"


CLASSES = {"deep nesting": deep_nesting, "row amplification": row_amplification,
           "message amplification": message_amplification, "huge cells": huge_cells,
           "control characters": control_characters, "mathtext": mathtext, "formula prefixes": formulas,
           "Markdown in echoed strings": markdown, "bad file names": bad_names}


def cases() -> Iterator[tuple[str, str, str, bytes, str | None]]:
    """(class, file name, reader, bytes, expected problem code or None) for every case."""
    for label, make in CLASSES.items():
        for name, reader, data, code in make():
            yield label, name, reader, data, code


def main(out: str) -> None:
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    for _, name, _, data, _ in cases():
        safe = "".join(c if c.isalnum() or c in "._-" else "_" for c in name)
        (folder / safe).write_bytes(data)
        print(f"{safe}: {len(data):,} bytes")


def shared_strings_xlsx(strings: int) -> bytes:
    """A workbook whose shared-string table holds ``strings`` one-letter strings: openpyxl reads the table in
    one call before any row (1,500,000 strings, a 63 kB file: 93 s in the workspace reader, 41 s in uploads,
    in process on this loaded machine)."""
    base = zipfile.ZipFile(io.BytesIO(xlsx_rows(1)))
    parts = {name: base.read(name).decode() for name in base.namelist()}
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace("</Types>", (
        '<Override PartName="/xl/sharedStrings.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'))
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace("</Relationships>", (
        '<Relationship Id="rId2" Target="sharedStrings.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/></Relationships>'))
    parts["xl/sharedStrings.xml"] = ('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                                     + "<si><t>x</t></si>" * strings + "</sst>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, xml in parts.items():
            archive.writestr(name, xml)
    return out.getvalue()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "hostile-corpus")
