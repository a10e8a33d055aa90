"""An HTML page to Documents: the article's main text and metadata, or one per listed story."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse

from sitrep.data_files import read_yaml
from sitrep.ingest.listing import find_teasers, teaser_blocks
from sitrep.ingest.records import clean_text, parse_published
from sitrep.model import Document

_BOILERPLATE_FILE = Path(__file__).parent / "data" / "boilerplate.yaml"
_BLANK_LINES = re.compile(r"\n{3,}")
_NOT_LETTERS = re.compile(r"[\W_]+")


@lru_cache(maxsize=1)
def _boilerplate() -> tuple[int, tuple[str, ...], frozenset[str]]:
    data = read_yaml(_BOILERPLATE_FILE)
    return (int(data["max_chars"]), tuple(p.lower() for p in data["contains"]),
            frozenset(_bare(p) for p in data["whole_paragraph"]))


def _bare(text: str) -> str:
    return _NOT_LETTERS.sub("", text.lower())


def drop_boilerplate(text: str) -> str:
    """The text without short paragraphs that are cookie banners, appeals or share buttons."""
    max_chars, phrases, labels = _boilerplate()
    kept = []
    for para in text.split("\n"):
        if len(para) < max_chars:
            low = para.lower()
            if any(p in low for p in phrases) or _bare(para) in labels:
                continue
        kept.append(para)
    return _BLANK_LINES.sub("\n\n", "\n".join(kept)).strip()


def site_of(url: str | None) -> str | None:
    """The host name of a url without "www.", as the outlet when the page names none."""
    if not url:
        return None
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.") or None


def parse_tree(html: str | bytes):
    """An lxml tree of the page, or None when it is not HTML at all."""
    from lxml import etree, html as lxml_html

    if isinstance(html, str):
        # lxml refuses str input that declares an encoding in an XML prolog.
        html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html, count=1)
    if not html.strip():
        return None
    try:
        return lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None


def page_documents(html: str | bytes, page_id: str, url: str | None = None,
                   split_listings: bool = True) -> list[Document]:
    """The page's article as one Document, or one Document per story on a listing page.

    Returns [] when the page holds no article text (an empty page, a bare menu, an error page).
    Listing-page stories get ids `page_id#1`, `page_id#2`, ... in page order.
    """
    tree = parse_tree(html)
    if tree is None:
        return []
    meta = _page_metadata(tree, url)
    blocks = teaser_blocks(tree, url or meta.get("url"))
    teasers = find_teasers(tree, blocks=blocks)
    if teasers and split_listings:
        return [Document(id=f"{page_id}#{n}", text=t.text, url=t.url or url, title=t.headline,
                         source=meta.get("source"), published=t.published)
                for n, t in enumerate(teasers, 1)]
    if not teasers:  # an article page's teasers are "related stories", not its text
        for block in blocks:
            if block.getparent() is not None:
                block.drop_tree()
    text = _article_text(tree, url)
    head, _, rest = text.partition("\n\n")
    if meta.get("title") and head.strip() == meta["title"]:
        text = rest.lstrip()  # the headline is the title, not the text
    if not text:
        return []
    return [Document(id=page_id, text=text, url=url or meta.get("url"), title=meta.get("title"),
                     source=meta.get("source"), published=meta.get("published"))]


def _article_text(tree, url: str | None) -> str:
    import trafilatura

    # `fast` skips trafilatura's fallback extractors: 2.3x quicker on GVA articles wrapped in
    # pages (benchmarks/bench_ingest.py), with the same text.
    text = trafilatura.extract(tree, url=url, fast=True, include_comments=False, include_tables=False,
                               favor_precision=True, deduplicate=False)
    if not text:
        return ""
    # One blank line between paragraphs, as in JSONL and feed texts.
    return drop_boilerplate(clean_text(text)).replace("\n\n", "\n").replace("\n", "\n\n")


def _page_metadata(tree, url: str | None) -> dict:
    """Title, date, outlet and canonical url from the page's own markup."""
    from trafilatura.metadata import extract_metadata

    try:
        meta = extract_metadata(tree, default_url=url, extensive=False)
    except Exception:  # trafilatura can trip on odd markup; metadata is a bonus, never fatal
        meta = None
    out: dict = {}
    if meta is not None:
        out["title"] = clean_text(meta.title) if meta.title else None
        out["url"] = meta.url or url
        out["source"] = meta.sitename or site_of(meta.url or url)
        try:
            out["published"] = parse_published(meta.date) if meta.date else None
        except ValueError:
            out["published"] = None
    else:
        out["source"] = site_of(url)
    return out
