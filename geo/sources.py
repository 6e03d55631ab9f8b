"""Sources as records: one table (data/sources.csv) that every row's source points at, and one way to show it.

A row keeps its ``source_title`` / ``source_url`` columns; ``pairs`` splits them into (title, url)
pairs and ``key_of`` names the record each pair matches (by address, or by title for the seed
documents and other sources without one). ``scripts/build_sources.py`` collects every pair from
data/*.csv, grades it with the domain rules below plus the curated ``OVERRIDES`` and writes the
table; ``render`` shows a record to users as "outlet, date, title" with its link beside it and a
mark on weak sources, in the user's language.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd

from geo.vocab import SOURCE_GRADES, ui

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
SOURCES_PATH = DATA_DIR / "sources.csv"
COLUMNS = ["id", "title", "outlet", "date", "url", "grade", "notes"]
GRADES = tuple(SOURCE_GRADES)  # best first: official, mainstream, weak
SEED = re.compile(r"^(\d{3})_[0-9a-f]{16}\.txt$")

# Host suffixes and the outlet they stand for. Official: governments and statistics bureaus.
OFFICIAL_HOSTS = {
    "stats.gov.cn": "国家统计局", "tjj.beijing.gov.cn": "北京市统计局", "stats.tj.gov.cn": "天津市统计局",
    "tjj.hebei.gov.cn": "河北省统计局", "beijing.gov.cn": "首都之窗（北京市政府）", "tj.gov.cn": "天津市政府",
    "hebei.gov.cn": "河北省政府", "lf.gov.cn": "廊坊市政府", "cneb.gov.cn": "国家应急广播", "gov.cn": "政府网站",
}
MAINSTREAM_HOSTS = {
    "xinhuanet.com": "新华网", "news.cn": "新华网", "people.com.cn": "人民网", "cctv.com": "央视网",
    "cntv.cn": "央视网", "chinadaily.com.cn": "中国日报", "hebnews.cn": "河北新闻网（河北日报）",
    "hebei.com.cn": "长城网（河北日报）", "hbjjrb.com": "河北经济日报", "bjd.com.cn": "北京日报",
    "enorth.com.cn": "北方网（天津日报）", "tianjinwe.com": "天津日报", "gmw.cn": "光明网", "ce.cn": "中国经济网",
    "cnr.cn": "央广网", "cri.cn": "国际在线", "chinanews.com.cn": "中国新闻网", "chinanews.com": "中国新闻网",
    "china.com.cn": "中国网", "cssn.cn": "中国社会科学网", "youth.cn": "中国青年网", "bjnews.com.cn": "新京报",
    "workerbj.cn": "劳动午报（北京市总工会）", "71.cn": "中国共产党新闻网", "chinacourt.org": "中国法院网",
    "crntt.com": "中评社", "jschina.com.cn": "中国江苏网", "csteelnews.com": "中国冶金报",
}
# Content farms and a gambling brand: machine-written or fabricated tables, title-only pages, or a
# betting site's copy. A row may never cite them (the data check fails).
BLOCKED_HOSTS = {
    "mt5.net.cn": "machine-written or fabricated tables", "biaoken.com": "machine-written or fabricated tables",
    "bkwk.cn": "machine-written or fabricated tables", "drbdp.com": "machine-written or fabricated tables",
    "fengdujob.net": "title-only pages", "winyourdream24.com": "gambling-brand site (万博/manbetx)",
}
DATE_IN_TEXT = re.compile(r"(20\d{2}|19\d{2})-(\d{2})(?:-(\d{2}))?")
DATE_IN_URL = (re.compile(r"/(20\d{2})[-/]?(\d{2})[/-](\d{2})/"), re.compile(r"/t(20\d{2})(\d{2})(\d{2})_"),
               re.compile(r"/(20\d{2})(\d{2})(\d{2})/"), re.compile(r"/(20\d{2})-(\d{2})/(\d{2})/"))

# The seed documents by what their own text says (title, outlet, date); never shown by file name.
SEEDS = {
    "000": ("京津冀产业协同发展五年综述（新闻特写）", "报告平台预览稿（yunbaogao.cn）", "2019",
            "weak", "No headline in the text; it looks back on 5 years of coordination and quotes 2018 "
                    "figures, so 2019; the copy is a report-site preview ending in a yunbaogao.cn link."),
    "001": ("京津冀产业协同发展的进展、问题与提升路径", "《中国发展观察》", "2023-07-21", "mainstream",
            "Title is the text's first line; the text ends '中国发展观察2023-7-21'."),
    "002": ("产业一体化是京津冀协同发展关键支撑（“协同发展看京津冀”专栏）", "报纸专版（报名未载）", "",
            "mainstream", "Headline and column name as printed; the newspaper and date are not in the text."),
    "003": ("“京津冀高质量协同发展”智库圆桌专家会", "智库圆桌纪要（刊载报刊未载）", "", "mainstream",
            "Described by its opening sentence; named experts with affiliations; outlet and date not in the text."),
    "004": ("京津冀产业转移的重要进展与困境摆脱", "柳天恩、王利动，学术期刊（文章编号 2095-5766(2022)01-0117-07）",
            "2022-01", "mainstream", "Title, authors and article number as printed; received 2021-09-02."),
}


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    outlet: str
    date: str
    url: str
    grade: str
    notes: str = ""

    @property
    def weak(self) -> bool:
        return self.grade == "weak"


def _cells(value) -> list[str]:
    return [p.strip() for p in str(value).split(";") if p.strip()] if isinstance(value, str) else []


def pairs(title, url) -> list[tuple[str, str]]:
    """A row's sources as (title, url) pairs: seeds by themselves, the rest matched to the addresses.

    Titles may contain ';' themselves, so they are split only when the parts match the addresses
    one for one; otherwise each address carries the whole title.
    """
    parts = _cells(title)
    seeds = [(p, "") for p in parts if SEED.match(p)]
    text = [p for p in parts if not SEED.match(p)]
    urls = [u for u in _cells(url) if u.startswith(("http://", "https://"))]
    if not urls:
        return seeds + ([("; ".join(text), "")] if text else [])
    if len(text) == len(urls):
        return seeds + list(zip(text, urls))
    return seeds + [("; ".join(text), u) for u in urls]


def key_of(title: str, url: str) -> str:
    """The record a (title, url) pair matches: the seed number, or a hash of the address (else the title)."""
    seed = SEED.match(title or "")
    if seed and not url:
        return f"seed_{seed.group(1)}"
    basis = url if url else "title:" + title
    return "src_" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:10]


def host(url: str) -> str:
    return (urlparse(url).hostname or "").lower() if url else ""


def _match_host(hostname: str, table: dict[str, str]) -> str | None:
    for suffix, outlet in table.items():
        if hostname == suffix or hostname.endswith("." + suffix):
            return outlet
    return None


def blocked_reason(url: str) -> str | None:
    """Why an address may not be cited (a content farm or gambling site), or None."""
    return _match_host(host(url), BLOCKED_HOSTS)


def grade_of(url: str) -> tuple[str, str]:
    """(grade, outlet) by the domain rules: governments and statistics bureaus official, the listed
    national and provincial news outlets mainstream, anything else weak (its host as the outlet)."""
    hostname = host(url)
    if not hostname:
        return "weak", ""
    if (outlet := _match_host(hostname, OFFICIAL_HOSTS)) or hostname.endswith(".gov.cn"):
        return "official", outlet or hostname
    if outlet := _match_host(hostname, MAINSTREAM_HOSTS):
        return "mainstream", outlet
    return "weak", hostname.removeprefix("www.").removeprefix("m.")


def date_of(title: str, url: str) -> str:
    """The date the title states (YYYY-MM(-DD)), else the one in a news address's path, else ''."""
    if found := DATE_IN_TEXT.search(title or ""):
        return "-".join(p for p in found.groups() if p)
    for pattern in DATE_IN_URL:
        if found := pattern.search(url or ""):
            return "-".join(found.groups())
    return ""


_BRACKETED = re.compile(r"\[[^\]]*\]|[(（][^()（）]*[)）]")
_DOMAIN = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:com|cn|net|org|xyz|cc|us)(?:\.cn|\.tw)?\b")
# An English word has a lower-case letter (acronyms such as R&D or GDP stay); letters with accents too.
_ENGLISH = re.compile(r"[\w'/&-]*[a-z\u00c0-\u024f][\w'/&-]*", re.ASCII)


def clean_title(title: str) -> str:
    """The title without the curators' English asides: English words and host names inside brackets
    are dropped (an aside left empty goes entirely); Chinese outlet names and dates stay."""
    def strip(match: re.Match) -> str:
        inner = _ENGLISH.sub("", _DOMAIN.sub("", match.group(0)[1:-1]))
        inner = re.sub(r"\s*([,;:，；：、])\s*(?=[,;:，；：、]|$)", "", inner)
        inner = re.sub(r"\s+([,;:/，；：、])", r"\1", re.sub(r"\s+", " ", inner))
        inner = re.sub(r"^[\s,;:/，；：、]+|[\s,;:/，；：、]+$", "", inner)
        if not re.search(r"[\u4e00-\u9fff\dA-Z]", inner):
            return ""
        return f"（{inner}）" if match.group(0)[0] in "(（" else ""
    cleaned = re.sub(r"\s+", " ", _BRACKETED.sub(strip, title))
    if re.search(r"[\u4e00-\u9fff]", cleaned):  # a Chinese title: an English word at its end is an aside
        cleaned = re.sub(r"(\s+[a-z][a-z ]*)+$", "", cleaned)
    cleaned = cleaned.strip(" ,;:")
    return cleaned or title


def record_for(title: str, url: str, overrides: dict[str, dict] | None = None) -> Source:
    """A record for one (title, url) pair: seeds from ``SEEDS``, others by rule, then curated overrides."""
    key = key_of(title, url)
    if key.startswith("seed_") and key[5:] not in SEEDS:  # a new seed: say so instead of showing its file name
        return Source(key, f"种子文档 {key[5:]}", "", "", "", "weak", "unknown seed: describe it in geo.sources.SEEDS")
    if key.startswith("seed_"):
        s_title, outlet, date, grade, notes = SEEDS[key[5:]]
        return Source(key, s_title, outlet, date, "", grade, notes)
    grade, outlet = grade_of(url)
    shown = clean_title(title)
    fields = {"title": shown, "outlet": outlet, "date": date_of(title, url), "grade": grade,
              "notes": "" if shown == title else f"cited as: {title}"}
    fields.update((overrides or {}).get(url or title, {}))
    return Source(key, fields["title"], fields["outlet"], fields["date"], url, fields["grade"], fields["notes"])


# --- the shipped table -----------------------------------------------------------------------------

def read_table(path: Path = SOURCES_PATH) -> pd.DataFrame:
    """data/sources.csv as text (empty frame with the columns when it does not exist yet)."""
    if not path.exists():
        return pd.DataFrame(columns=COLUMNS)
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


@lru_cache(maxsize=1)
def _records() -> dict[str, Source]:
    table = read_table()
    return {r["id"]: Source(**{c: r[c] for c in COLUMNS}) for _, r in table.iterrows()}


def records() -> dict[str, Source]:
    """Every source record by id."""
    return dict(_records())


def lookup(title, url) -> list[Source]:
    """The records of a row's sources; a pair without a record (e.g. a user's upload) is graded by rule."""
    known = _records()
    return [known.get(key_of(t, u)) or record_for(t, u) for t, u in pairs(title, url)]


def missing(title, url, known: dict[str, Source] | None = None) -> list[tuple[str, str]]:
    """The pairs of a row that have no record in the table."""
    known = _records() if known is None else known
    return [(t, u) for t, u in pairs(title, url) if key_of(t, u) not in known]


# --- how users see a source ------------------------------------------------------------------------

def label(source: Source, lang: str) -> str:
    """'outlet, date, title' (parts that are unknown left out), with the weak mark when weak."""
    title = f"《{source.title}》" if source.id.startswith("seed_") else source.title
    text = ", ".join(p for p in (source.outlet, source.date, title) if p)
    return text + (f" {ui('source_weak', lang)}" if source.weak else "")


def render(sources: list[Source], lang: str) -> list[dict]:
    """Each source as {'text', 'url', 'weak'} for any output (HTML, slide, image)."""
    return [{"text": label(s, lang), "url": s.url, "weak": s.weak} for s in sources]


def render_html(sources: list[Source], lang: str) -> str:
    """A list item per source: its label, and beside it a link showing the address's host."""
    items = []
    for item in render(sources, lang):
        link = (f' <a href="{html.escape(item["url"])}" target="_blank" rel="noopener noreferrer">'
                f'{html.escape(host(item["url"]) or item["url"])}</a>') if item["url"] else ""
        items.append(f"<li>{html.escape(item['text'])}{link}</li>")
    return (f"<i>{html.escape(ui('source', lang))}:</i>"
            f"<ul style='margin:2px 0 0 16px;padding:0'>{''.join(items)}</ul>")


def render_text(sources: list[Source], lang: str, with_links: bool = True) -> list[str]:
    """One plain line per source (for slides and image footers): label, then the address in brackets."""
    return [item["text"] + (f" <{item['url']}>" if with_links and item["url"] else "")
            for item in render(sources, lang)]


def row_html(row, lang: str) -> str:
    """The source block of a card for a row with source_title/source_url."""
    return render_html(lookup(row.get("source_title"), row.get("source_url")), lang)


def row_labels(title, url, lang: str) -> str:
    """A row's sources as one line of labels (for tables on the pages)."""
    return "; ".join(label(s, lang) for s in lookup(title, url))


def grade_table(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per table: rows, rows with at least one weak source, rows with only weak sources, and the share."""
    rows = []
    for table_id, frame in frames.items():
        if "source_title" not in frame or not len(frame):
            rows.append({"table": table_id, "rows": len(frame), "weak_only": 0, "weak_share": float("nan")})
            continue
        weak_only = sum(all(s.weak for s in lookup(t, u)) for t, u in zip(frame["source_title"], frame["source_url"]))
        rows.append({"table": table_id, "rows": len(frame), "weak_only": int(weak_only),
                     "weak_share": round(weak_only / len(frame), 3)})
    return pd.DataFrame(rows)


def cited_by(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The sources a table cites, as users read them: label, address, grade and how many rows cite each."""
    counts: dict[str, int] = {}
    found: dict[str, Source] = {}
    urls = frame["source_url"] if "source_url" in frame else [None] * len(frame)
    for title, url in zip(frame["source_title"], urls):
        for source in lookup(title, url):
            found[source.id] = source
            counts[source.id] = counts.get(source.id, 0) + 1
    rows = [{ui("source", lang): label(s, lang), "url": s.url, ui("source_grade", lang): SOURCE_GRADES[s.grade](lang),
             ui("rows", lang): counts[s.id]} for s in found.values()]
    return pd.DataFrame(rows, columns=[ui("source", lang), "url", ui("source_grade", lang), ui("rows", lang)])


def display_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A curated table as users read it on the Data page: sources as labels, the curators' English
    notes only in English (the download keeps every column as it is)."""
    out = frame.copy()
    if "source_title" in out:
        urls = out["source_url"] if "source_url" in out else [None] * len(out)
        out["source_title"] = [row_labels(t, u, lang) for t, u in zip(out["source_title"], urls)]
        out = out.rename(columns={"source_title": ui("source", lang)})
    if lang != "en":  # the curators' notes are English (area and section notes too)
        out = out.drop(columns=[c for c in CURATOR_NOTES if c in out])
    elif "notes" in out:  # notes cite seeds by file name: show their titles instead
        out["notes"] = out["notes"].map(lambda v: SEED_IN_TEXT.sub(_seed_title, v) if isinstance(v, str) else v)
    return out


CURATOR_NOTES = ("notes", "area_note", "section_note")
SEED_IN_TEXT = re.compile(r"\b(\d{3})_[0-9a-f]{16}\.txt")


def _seed_title(match: re.Match) -> str:
    seed = SEEDS.get(match.group(1))
    return f"《{seed[0]}》" if seed else f"seed {match.group(1)}"
