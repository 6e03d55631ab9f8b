"""What a workspace holds: the kinds of rows, their template columns, and the templates themselves.

Every label, drop-down value and help text comes from ``geo.vocab``; the XLSX template has a data
sheet with drop-down lists (openpyxl ``DataValidation``), a help sheet and a sheet of the allowed
values. The CSV template is the same header with one row of hints.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

import openpyxl
from openpyxl.worksheet.datavalidation import DataValidation

from geo import boundaries
from geo.uploads import _Layout
from geo.vocab import (
    COVERAGE_YEARS,
    EDITIONS,
    INDICATORS,
    MODES,
    PLATFORM_SYSTEMS,
    PLATFORM_TYPES,
    WORKSPACE_FIELD_HELP,
    WORKSPACE_FIELDS,
    WORKSPACE_KINDS,
    Term,
)

# Control characters a spreadsheet drops on writing; stripped first, so the guard sees the final text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


@dataclass(frozen=True)
class Kind:
    """One template kind: its columns (field ids), the required ones and the row kind it stores."""

    id: str
    stored: str  # platform / park / project / indicator
    fields: tuple[str, ...]
    required: tuple[str, ...]
    geojson: bool = True

    @property
    def layout(self) -> _Layout:
        return _layout(self.fields, self.required)


_PLACE = ("province", "city", "county", "longitude", "latitude", "precision")
_SOURCE = ("source", "source_url", "notes")
KINDS: dict[str, Kind] = {
    "platforms": Kind("platforms", "platform",
                      ("name", "name_en", "aliases", "system", "platform_type", "tier", *_PLACE, "year",
                       "industries", "area_km2", *_SOURCE), ("name",)),
    "parks": Kind("parks", "park",
                  ("name", "name_en", "aliases", "origin", *_PLACE, "modes", "year", "industries", *_SOURCE),
                  ("name",)),
    "projects": Kind("projects", "project",
                     ("name", "name_en", "aliases", "origin", *_PLACE, "year", "investment", "industry", *_SOURCE),
                     ("name",)),
    "indicators": Kind("indicators", "indicator",
                       ("city", "year", "indicator", "value", "unit", "edition", *_SOURCE),
                       ("city", "year", "indicator", "value"), geojson=False),
    "indicators_wide": Kind("indicators_wide", "indicator", ("city",), ("city",), geojson=False),
}
STORED_KINDS = ("platform", "park", "project", "indicator")

_layouts: dict[tuple, _Layout] = {}


def _layout(fields: tuple[str, ...], required: tuple[str, ...]) -> _Layout:
    key = (fields, required)
    if key not in _layouts:
        headers = {f: (f, WORKSPACE_FIELDS[f].zh, WORKSPACE_FIELDS[f].en) for f in fields}
        if "longitude" in headers:
            headers["longitude"] += ("lon", "lng")
            headers["latitude"] += ("lat",)
        _layouts[key] = _Layout(headers, required)
    return _layouts[key]


def kind(kind_id: str) -> Kind:
    """The template kind ``kind_id``; ``KeyError`` names the known ones."""
    if kind_id not in KINDS:
        raise KeyError(f"unknown kind {kind_id!r}; expected one of {', '.join(KINDS)}")
    return KINDS[kind_id]


def safe_text(value):
    """Text as it will finally be written to a spreadsheet or CSV: control characters stripped, then
    anything a spreadsheet would run as a formula (after leading blanks too) prefixed with an apostrophe.
    Text that is apostrophes before such a formula gets one more, so ``unguarded`` gives back exactly
    what was guarded. Non-text passes."""
    if not isinstance(value, str):
        return value
    text = _CONTROL.sub("", value)
    return "'" + text if _needs_guard(text) else text


def unguarded(text: str) -> str:
    """The text ``safe_text`` was given (control characters aside): one guarding apostrophe removed."""
    return text[1:] if text.startswith("'") and _needs_guard(text[1:]) else text


_BLANKS = " \u00a0\u3000"


def _needs_guard(text: str) -> bool:
    return text.lstrip("'").lstrip(_BLANKS).startswith(FORMULA_PREFIXES)


# ---------------------------------------------------------------- drop-down lists


def choice_lists() -> dict[str, list[str]]:
    """The values offered in the templates' drop-downs, by field id (ids and labels from geo.vocab)."""
    cities = boundaries.cities()
    return {
        "system": list(PLATFORM_SYSTEMS),
        "platform_type": list(PLATFORM_TYPES),
        "modes": list(MODES),
        "city": list(cities["name_zh"]),
        "county": county_choices(),
        "indicator": list(INDICATORS),
        "edition": list(EDITIONS),
        "precision": ["exact", "approximate"],
        "province": list(boundaries.provinces()["name_zh"]),
    }


def county_choices() -> list[str]:
    """County names for the drop-down, in code order; a name two counties share carries its code."""
    counties = boundaries.counties()
    shared = counties["name_zh"].duplicated(keep=False)
    return [f"{name} {code}" if dup else name for name, code, dup in
            zip(counties["name_zh"], counties["code"], shared)]


def _labelled_lists(lang: str) -> list[tuple[str, str, str]]:
    """(field, value, label) rows for the lists sheet."""
    rows = []
    for value, term in PLATFORM_SYSTEMS.items():
        rows.append(("system", value, term(lang)))
    for value, term in PLATFORM_TYPES.items():
        rows.append(("platform_type", value, term(lang)))
    for value, term in MODES.items():
        rows.append(("modes", value, term(lang)))
    for value, spec in INDICATORS.items():
        rows.append(("indicator", value, f"{spec.term(lang)} ({spec.unit})"))
    for value, term in EDITIONS.items():
        rows.append(("edition", value, term(lang)))
    for row in boundaries.cities().itertuples():
        rows.append(("city", row.name_zh, f"{row.code} {row.name_en}"))
    for value, row in zip(county_choices(), boundaries.counties().itertuples()):
        rows.append(("county", value, f"{row.code} {row.name_en}"))
    return rows


# ---------------------------------------------------------------- templates


def template_columns(kind_id: str) -> list[str]:
    """The header of a template (field ids; the wide form: city then the years)."""
    if kind_id == "indicators_wide":
        return ["city", *map(str, COVERAGE_YEARS)]
    return list(kind(kind_id).fields)


def template_csv(kind_id: str, lang: str = "zh") -> bytes:
    """A CSV template: the header and, for the wide form, the indicator row above it. UTF-8 with BOM."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    if kind_id == "indicators_wide":
        writer.writerow(["indicator", "gdp"])
    writer.writerow(template_columns(kind_id))
    return out.getvalue().encode("utf-8-sig")


def template_xlsx(kind_id: str, lang: str = "zh") -> bytes:
    """An XLSX template: a data sheet with drop-downs, a help sheet and the allowed values."""
    from geo.vocab import (
        ui,  # local: ui() is the vocabulary's accessor, kept next to its use
    )

    book = openpyxl.Workbook()
    data = book.active
    data.title = ui("ws_sheet_data", lang)
    header_row = 1
    if kind_id == "indicators_wide":
        data.append(["indicator", "gdp"])
        header_row = 2
    data.append(template_columns(kind_id))
    lists = book.create_sheet(ui("ws_sheet_lists", lang))
    _write_lists(lists, lang)
    _add_dropdowns(data, lists, kind_id, header_row)
    help_sheet = book.create_sheet(ui("ws_sheet_help", lang), 0)
    _write_help(help_sheet, kind_id, lang)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _write_help(sheet, kind_id: str, lang: str) -> None:
    sheet.append([safe_text(WORKSPACE_KINDS[kind_id](lang))])
    sheet.append([])
    for field in template_columns(kind_id)[:1] if kind_id == "indicators_wide" else template_columns(kind_id):
        term: Term = WORKSPACE_FIELDS[field]
        required = field in kind(kind_id).required
        help_text = WORKSPACE_FIELD_HELP.get(field)
        sheet.append([field, term(lang), "*" if required else "", help_text(lang) if help_text else ""])
    if kind_id == "indicators_wide":
        sheet.append(["indicator / year", WORKSPACE_FIELDS["indicator"](lang), "*",
                      WORKSPACE_FIELD_HELP["indicator"](lang)])
    sheet.column_dimensions["D"].width = 90


def _write_lists(sheet, lang: str) -> None:
    sheet.append(["field", "value", "label"])
    for row in _labelled_lists(lang):
        sheet.append([safe_text(cell) for cell in row])


def _add_dropdowns(data, lists, kind_id: str, header_row: int) -> None:
    """One list validation per column that has allowed values, over every data row the reader accepts
    (the row cap, ``Limits.max_rows``: one range per column, so the file does not grow with it); other
    values warn, not refuse (a platform may belong to several systems, written with semicolons)."""
    from geo.workspace.reading import Limits  # reading imports this module
    last_row = header_row + Limits().max_rows
    columns = template_columns(kind_id)
    ranges: dict[str, tuple[int, int]] = {}
    for number, (field, _, _) in enumerate(_labelled_lists("zh"), start=2):
        first, _ = ranges.get(field, (number, number))
        ranges[field] = (first, number)
    for index, field in enumerate(columns, start=1):
        if field not in ranges:
            continue
        first, last = ranges[field]
        letter = openpyxl.utils.get_column_letter(index)
        rule = DataValidation(type="list", formula1=f"'{lists.title}'!$B${first}:$B${last}",
                              allow_blank=True, errorStyle="warning", showErrorMessage=True)
        rule.add(f"{letter}{header_row + 1}:{letter}{last_row}")
        data.add_data_validation(rule)
    if kind_id == "indicators_wide":  # the indicator named above the header
        first, last = ranges["indicator"]
        rule = DataValidation(type="list", formula1=f"'{lists.title}'!$B${first}:$B${last}", allow_blank=False)
        rule.add("B1")
        data.add_data_validation(rule)
