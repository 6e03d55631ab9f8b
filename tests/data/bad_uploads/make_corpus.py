"""Write the upload test corpus: bad files here, good files in ../good_uploads, each with expected.csv.

Run ``python tests/data/bad_uploads/make_corpus.py``; the output is byte-for-byte the same every time
(XLSX files are written by hand, uncompressed, with fixed timestamps), so the files can be committed.
Each case declares what the reader should report: a problem code and the row it names (empty for
file-level problems), and how many rows are accepted. A file with several expected problems has
several lines; an empty code means no problems.
The oversized file is made by the test at run time instead of being committed.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
GOOD = HERE.parent / "good_uploads"
FIELDS = ("file", "reader", "code", "row", "valid_rows")
FIXED_TIME = (2024, 1, 1, 0, 0, 0)
XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

HEADER = "city,year,indicator,value,unit,source\n"
GOOD_INDICATORS = HEADER + (
    "北京,2019,gdp,35445.1,亿元,北京统计年鉴（测试数据）\n"
    "北京市,2020,gdp,36102.6,亿元,北京统计年鉴（测试数据）\n"
    "Beijing,2021,gdp,40269.6,亿元,\n"
    "110100,2022,gdp,41610.9,亿元,\n"
    "110000,2023,gdp,43760.7,亿元,\n"
    "天津,2023,常住人口,1364,万人,天津统计公报（测试数据）\n"
    "石家庄,2023,GDP,7534.2,,\n"
    "shijiazhuang,2022,share_tertiary,62.1,%,\n"
)
GOOD_POINTS = (
    "name,longitude,latitude,kind,city,year,industries,source\n"
    "天安门测试点,116.3975,39.9087,park,北京,2020,新一代信息技术;医药健康,测试数据\n"
    "Tianjin test point,117.2008,39.0842,platform,Tianjin,,,\n"
    "石家庄测试点,114.5149,38.0428,,,2018,,\n"
)
INJECTIONS = ("<img src=x onerror=alert(1)>", "=cmd|' /C calc'!A0", "</script><script>alert(1)</script>")


def _point_collection(*features: dict) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": list(features)}, ensure_ascii=False).encode()


def _feature(geometry: dict | None, **properties) -> dict:
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def _point(lon: float, lat: float) -> dict:
    return {"type": "Point", "coordinates": [lon, lat]}


_XLSX_PARTS = {
    "[Content_Types].xml":
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels":
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="xl/workbook.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>',
    "xl/workbook.xml":
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels":
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="worksheets/sheet1.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/></Relationships>',
}


def _xlsx_cell(ref: str, value) -> str:
    if isinstance(value, str):
        return f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'
    return f'<c r="{ref}"><v>{value!r}</v></c>'


def _xlsx(rows: list[list], merge: str | None = None) -> bytes:
    """A minimal one-sheet workbook written by hand, so its bytes depend on nothing installed."""
    sheet_rows = "".join(
        f'<row r="{r}">' + "".join(_xlsx_cell(f"{'ABCDEFGH'[c]}{r}", v) for c, v in enumerate(row)) + "</row>"
        for r, row in enumerate(rows, start=1) if row)
    merged = f'<mergeCells count="1"><mergeCell ref="{merge}"/></mergeCells>' if merge else ""
    sheet = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             f"<sheetData>{sheet_rows}</sheetData>{merged}</worksheet>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:  # deflate output varies with zlib
        for name, xml in {**_XLSX_PARTS, "xl/worksheets/sheet1.xml": sheet}.items():
            archive.writestr(zipfile.ZipInfo(name, FIXED_TIME), XML_DECLARATION + xml.encode())
    return out.getvalue()


TITLE_ROWS = [["京津冀城市指标（测试）"], ["单位：见各行"], [],
              ["城市", "年份", "指标", "数值", "单位"],
              ["北京", 2023, "gdp", 43760.7, "亿元"],
              ["天津", 2023.0, "population", 1364, "万人"]]

# (file, reader, [(code, row)], valid rows, bytes)
BAD_CASES = [
    ("latin1_garbage.csv", "indicators", [("encoding", None)], 0,
     HEADER.encode() + "Café,2020,gdp,1,,Zürich\n".encode("latin-1")),
    ("invalid_utf8_bytes.csv", "indicators", [("encoding", None)], 0, HEADER.encode() + b"\xff\xfe\xfd,2020,gdp,1,,\n"),
    ("utf16.csv", "indicators", [("encoding", None)], 0, GOOD_INDICATORS.encode("utf-16")),
    ("utf16_no_bom.csv", "indicators", [("encoding", None)], 0, GOOD_INDICATORS.encode("utf-16-le")),
    ("empty.csv", "indicators", [("empty", None)], 0, b""),
    ("whitespace_only.csv", "indicators", [("empty", None)], 0, b"  \r\n\r\n  \n"),
    ("bom_only.csv", "indicators", [("empty", None)], 0, b"\xef\xbb\xbf"),
    ("header_only.csv", "indicators", [("no_rows", None)], 0, HEADER.encode()),
    ("pipe_delimiter.csv", "indicators", [("wrong_delimiter", None)], 0,
     b"city|year|indicator|value\n\xe5\x8c\x97\xe4\xba\xac|2020|gdp|1\n"),
    ("quoted_semicolon_header.csv", "indicators", [("wrong_delimiter", None)], 0,
     b'"city;year;indicator;value"\n"x;2020;gdp;1"\n'),
    ("missing_column.csv", "indicators", [("missing_column", None)], 0, "city,year,value\n北京,2020,1\n".encode()),
    ("no_header.csv", "indicators", [("header_not_found", None)], 0, "北京,2020,gdp,1\n天津,2020,gdp,2\n".encode()),
    ("xlsx_no_header.xlsx", "indicators", [("header_not_found", None)], 0,
     _xlsx([["说明"], ["北京", 2020, "gdp", 1], ["天津", 2020, "gdp", 2]])),
    ("text_named.xlsx", "indicators", [("bad_file", None)], 0, GOOD_INDICATORS.encode()),
    ("png_named.csv", "indicators", [("binary", None)], 0,
     b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"),
    ("png_named_points.csv", "points", [("binary", None)], 0, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
    ("unsupported.txt", "indicators", [("unsupported_type", None)], 0, GOOD_INDICATORS.encode()),
    ("huge_value.csv", "indicators", [("out_of_range", 3)], 1,
     (HEADER + "北京,2020,gdp,36102.6,,\n北京,2021,gdp,1e300,,\n").encode()),
    ("nan_inf.csv", "indicators", [("not_a_number", 2), ("not_a_number", 3), ("not_a_number", 4),
                                   ("not_a_number", 5)], 1,
     (HEADER + "北京,2020,gdp,nan,,\n天津,2020,gdp,NaN,,\n北京,2021,gdp,inf,,\n天津,2021,gdp,-Infinity,,\n"
      "保定,2021,gdp,3800.1,,\n").encode()),
    ("negative_population.csv", "indicators", [("not_positive", 2)], 1,
     (HEADER + "保定,2020,population,-924.3,万人,\n保定,2021,population,924.3,万人,\n").encode()),
    ("share_150.csv", "indicators", [("out_of_range", 3)], 1,
     (HEADER + "廊坊,2020,share_tertiary,55.2,%,\n廊坊,2021,share_tertiary,150,%,\n").encode()),
    ("duplicate_key.csv", "indicators", [("duplicate_key", 4)], 2,
     (HEADER + "唐山,2020,gdp,7210.9,,\n唐山,2021,gdp,8230.6,,\nTangshan,2020,地区生产总值,7211,,\n").encode()),
    ("unknown_city.csv", "indicators", [("unknown_city", 3)], 1,
     (HEADER + "北京,2020,gdp,36102.6,,\n上海,2020,gdp,38700.6,,\n").encode()),
    ("unknown_indicator.csv", "indicators", [("unknown_indicator", 2)], 0,
     (HEADER + "北京,2020,碳排放,1,,\n").encode()),
    ("not_a_number.csv", "indicators", [("not_a_number", 2), ("not_a_number", 3)], 1,
     (HEADER + "北京,2020,gdp,abc,,\n北京,2021,gdp,\"40269,6\",,\n北京,2022,gdp,\"41,610.9\",,\n").encode()),
    ("bad_year.csv", "indicators", [("bad_year", 2), ("bad_year", 3), ("missing_value", 4)], 1,
     (HEADER + "北京,20x9,gdp,1,,\n北京,1800,gdp,1,,\n北京,,gdp,1,,\n北京,2020年,gdp,1,,\n").encode()),
    ("unit_mismatch.csv", "indicators", [("unit_mismatch", 2)], 1,
     (HEADER + "北京,2020,gdp,3.6,万亿元,\n北京,2021,gdp,40269.6,亿元,\n").encode()),
    ("missing_value.csv", "indicators", [("missing_value", 2), ("missing_value", 3)], 0,
     (HEADER + "北京,2020,gdp,,,\n,2020,gdp,1,,\n").encode()),
    ("gbk_bad_city.csv", "indicators", [("unknown_city", 3)], 1,
     ("城市,年份,指标,数值\n北京,2020,gdp,1\n广州,2020,gdp,2\n").encode("gbk")),
    ("multiline_quoted.csv", "indicators", [("unknown_city", 4)], 1,
     (HEADER + '北京,2020,gdp,36102.6,亿元,"来源第一行\n来源第二行"\n上海,2020,gdp,1,,\n').encode()),
    ("xlsx_bad_value.xlsx", "indicators", [("not_a_number", 6)], 1,
     _xlsx([["标题"], [], ["city", "year", "indicator", "value"], ["北京", 2020, "gdp", 36102.6],
            [], ["天津", 2020, "gdp", "n/a"]], merge="A1:D1")),
    ("injection_indicators.csv", "indicators", [("", None)], 3,
     (HEADER + "".join(f'北京,{2020 + i},gdp,1,,"{text}"\n' for i, text in enumerate(INJECTIONS))).encode()),
    ("injection_points.csv", "points", [("", None)], 3,
     ("name,longitude,latitude\n" + "".join(f'"{text}",116.4,39.9\n' for text in INJECTIONS)).encode()),
    ("injection_city.csv", "indicators", [("unknown_city", 2)], 0,
     (HEADER + '"<img src=x onerror=alert(1)>",2020,gdp,1,,\n').encode()),
    ("swapped.csv", "points", [("swapped_coordinates", 3)], 1,
     "name,lon,lat\n北京点,116.4,39.9\n反了,39.9,116.4\n".encode()),
    ("shanghai.csv", "points", [("outside_region", 2)], 0, "名称,经度,纬度\n上海点,121.47,31.23\n".encode()),
    ("city_mismatch.csv", "points", [("city_mismatch", 2)], 1,
     "name,longitude,latitude,city\n天津的点,117.2,39.08,北京\n北京的点,116.4,39.9,北京市\n".encode()),
    ("point_unknown_city.csv", "points", [("unknown_city", 2)], 0,
     "name,longitude,latitude,city\n点,116.4,39.9,上海\n".encode()),
    ("point_bad_coordinate.csv", "points", [("not_a_number", 2), ("missing_value", 3)], 0,
     "name,longitude,latitude\nA,abc,39.9\nB,,39.9\n".encode()),
    ("missing_name.csv", "points", [("missing_value", 2)], 1,
     "name,longitude,latitude\n,116.4,39.9\nB,116.4,39.9\n".encode()),
    ("name_too_long.csv", "points", [("too_long", 2)], 0,
     f"name,longitude,latitude\n{'长' * 201},116.4,39.9\n".encode()),
    ("points_missing_column.csv", "points", [("missing_column", None)], 0, "name,longitude\nA,116.4\n".encode()),
    ("not_collection.geojson", "points", [("not_feature_collection", None)], 0,
     json.dumps(_feature(_point(116.4, 39.9), name="A")).encode()),
    ("top_level_array.json", "points", [("not_feature_collection", None)], 0, b"[]"),
    ("linestring.geojson", "points", [("not_a_point", 1)], 1,
     _point_collection(_feature({"type": "LineString", "coordinates": [[116.4, 39.9], [117.2, 39.1]]}, name="线"),
                       _feature(_point(116.4, 39.9), name="点"))),
    ("null_geometry.geojson", "points", [("not_a_point", 2)], 1,
     _point_collection(_feature(_point(116.4, 39.9), name="点"), _feature(None, name="无几何"))),
    ("geojson_shanghai.geojson", "points", [("outside_region", 1)], 0,
     _point_collection(_feature(_point(121.47, 31.23), name="上海"))),
    ("geojson_no_features.geojson", "points", [("no_rows", None)], 0, _point_collection()),
    ("malformed.geojson", "points", [("bad_json", None)], 0, b'{"type": "FeatureCollection", "features": [\n{"type": '),
]

GOOD_CASES = [
    ("indicators_utf8.csv", "indicators", 8, GOOD_INDICATORS.encode()),
    ("indicators_bom.csv", "indicators", 8, GOOD_INDICATORS.encode("utf-8-sig")),
    ("indicators_gbk.csv", "indicators", 8, GOOD_INDICATORS.encode("gbk")),
    # 䶮 is outside GBK: GB18030 writes it as four bytes.
    ("indicators_gb18030.csv", "indicators", 8, GOOD_INDICATORS.replace("测试数据", "测试数据䶮").encode("gb18030")),
    ("indicators_crlf.csv", "indicators", 8, GOOD_INDICATORS.replace("\n", "\r\n").encode()),
    ("indicators_semicolon.csv", "indicators", 8, GOOD_INDICATORS.replace(",", ";").encode()),
    ("indicators_tab.csv", "indicators", 8, GOOD_INDICATORS.replace(",", "\t").encode()),
    ("indicators_chinese_headers.csv", "indicators", 8,
     GOOD_INDICATORS.replace(HEADER, " 城市 ,年份, 指标,值,单位,来源\n").encode()),
    ("indicators_title_rows.xlsx", "indicators", 2, _xlsx(TITLE_ROWS, merge="A1:E1")),
    ("points.csv", "points", 3, GOOD_POINTS.encode()),
    ("points_gbk.csv", "points", 3, GOOD_POINTS.encode("gbk")),
    ("points.geojson", "points", 2, _point_collection(
        _feature(_point(116.3975, 39.9087), name="天安门测试点", city="北京", year=2020,
                 industries=["新一代信息技术", "医药健康"]),
        _feature(_point(117.2008, 39.0842), 名称="天津测试点", 类别="platform"))),
]


def _write_expected(folder: Path, lines: list[dict]) -> None:
    with open(folder / "expected.csv", "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(lines)


def main() -> None:
    GOOD.mkdir(exist_ok=True)
    lines = []
    for name, reader, expected, valid, data in BAD_CASES:
        (HERE / name).write_bytes(data)
        lines += [{"file": name, "reader": reader, "code": code, "row": "" if row is None else row,
                   "valid_rows": valid} for code, row in expected]
    _write_expected(HERE, lines)
    for name, _reader, _valid, data in GOOD_CASES:
        (GOOD / name).write_bytes(data)
    _write_expected(GOOD, [{"file": name, "reader": reader, "code": "", "row": "", "valid_rows": valid}
                           for name, reader, valid, _ in GOOD_CASES])


if __name__ == "__main__":
    main()
