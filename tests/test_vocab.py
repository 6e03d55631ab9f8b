import json
import re
from collections import defaultdict
from dataclasses import fields, is_dataclass
from pathlib import Path

from geo import corridors, mapview, overlays, vocab


def test_every_label_exists_in_both_languages_and_differs():
    for key, term in {**vocab.UI, **{k: v.term for k, v in vocab.LAYERS.items()}}.items():
        assert term.zh.strip() and term.en.strip(), key
        assert term.zh != term.en, key


def test_unknown_language_falls_back_to_chinese():
    assert vocab.normalise_language("fr") == "zh"
    assert vocab.normalise_language(None) == "zh"
    assert vocab.normalise_language("en") == "en"
    assert vocab.ui("page_map", "en") == "Map" and vocab.ui("page_map", "zh") == "地图"


def test_expected_platform_counts_total_46():
    assert sum(vocab.EXPECTED_PLATFORM_COUNTS.values()) == 46
    assert set(vocab.EXPECTED_PLATFORM_COUNTS) == set(vocab.PLATFORM_TYPES)


# --- the vocabulary as the only source of colours, dashes, symbols and labels ------------------------

ROOT = Path(__file__).resolve().parents[1]
COLOUR_LITERAL = re.compile(r"(?<![&\w])#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b|\brgba?\(|[\"'](?:white|black)[\"']")


def _app_sources() -> list[Path]:
    """The app's own code: geo/, pages/, pages_support/, app.py and its JavaScript under static/."""
    files = [ROOT / "app.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "pages_support").glob("*.py"),
             *(ROOT / "geo").rglob("*.py"), *(p for p in (ROOT / "static").rglob("*.js") if "vendor" not in p.parts)]
    return [f for f in files if f != ROOT / "geo" / "vocab.py"]


def test_no_colour_literal_outside_the_vocabulary():
    found = [f"{path.relative_to(ROOT)}:{n}: {line.strip()}" for path in _app_sources()
             for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if COLOUR_LITERAL.search(line)]
    assert found == []


def test_the_colour_check_sees_a_literal():
    assert COLOUR_LITERAL.search('color: "#222"') and COLOUR_LITERAL.search("fill='#A1DAB4'")
    assert COLOUR_LITERAL.search("background: rgba(0,0,0,.3)") and COLOUR_LITERAL.search('foreground="white"')
    assert not COLOUR_LITERAL.search("# a comment") and not COLOUR_LITERAL.search("&#123;")


def _terms() -> list[tuple[str, vocab.Term]]:
    found = []

    def walk(obj, path):
        if isinstance(obj, vocab.Term):
            found.append((path, obj))
        elif isinstance(obj, dict):
            for key, value in obj.items():
                walk(value, f"{path}[{key}]")
        elif isinstance(obj, tuple | list):
            for i, value in enumerate(obj):
                walk(value, f"{path}[{i}]")
        elif is_dataclass(obj) and not isinstance(obj, type):
            for f in fields(obj):
                walk(getattr(obj, f.name), f"{path}.{f.name}")

    for name in dir(vocab):
        if name.isupper():
            walk(getattr(vocab, name), name)
    return found


def test_every_term_is_written_in_both_languages():
    terms = _terms()
    assert len(terms) > 200
    cjk = re.compile(r"[\u4e00-\u9fff]")
    assert [p for p, t in terms if not t.zh.strip() or not t.en.strip()] == []
    assert [p for p, t in terms if cjk.search(t.en)] == []  # an English label with Chinese left in it
    assert [p for p, t in terms if not cjk.search(t.zh) and t.zh == t.en] == []  # an untranslated label


def test_each_term_is_defined_once():
    definitions = defaultdict(dict)
    for path, term in _terms():
        definitions[term.zh][id(term)] = path  # the same Term object reused is one definition
    assert {zh: sorted(paths.values()) for zh, paths in definitions.items() if len(paths) > 1} == {}


def test_the_under_construction_dash_is_one_value_everywhere():
    lines = corridors.lines()
    layer = mapview.lines_layer(lines, "lines", vocab.ANALYSIS_COLOURS["line"], lambda row: [row["name_zh"]])
    for feature in layer.data["features"]:
        status = feature["properties"]["status"]
        assert layer.style_function(feature)["dashArray"] == vocab.STATUS_DASH[status]
    features = json.loads(overlays.line_overlay(lines, "zh").data_json.replace("<\\/", "</"))
    assert {f["properties"]["s"]["dashArray"] for f in features} <= set(vocab.STATUS_DASH.values())
