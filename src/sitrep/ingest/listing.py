"""Find the story teasers on a listing page (a section, tag or front page) by page structure.

A page is a listing when it holds at least two teaser blocks and no article body of its own
(paragraph text outside the teasers, banners and page furniture). A teaser block is an
`<article>` element, or one of two or more sibling elements of the same tag and class, that has
a headline (a heading element, or an element whose class says title or headline) of headline
length, a link to the story (in or around the headline, or "Read more"), some text, and little
enough text to be a summary rather than a story. Blocks inside navigation, headers, footers and
sidebars are ignored, so a "related stories" box beside an article does not turn the article
into a listing; on an article page, teaser blocks are removed before the text is extracted.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin

from sitrep.ingest.records import clean_text, parse_published

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_FURNITURE = ("nav", "header", "footer", "aside", "form", "menu")
_SKIP_TEXT_TAGS = {"script", "style", "noscript", "template", "button", "svg"}
_HEADLINE_CLASS = re.compile(r"title|headline|heading", re.I)
_DATE_CLASS = re.compile(r"date|time|published", re.I)
_READ_MORE = re.compile(r"^\s*(read|continue reading|more|full story)\b.{0,20}$", re.I)
_SPACES = re.compile(r"\s+")
_CUT_MARK = re.compile(r"\s*(\[(\u2026|\.\.\.)\]|\u2026)$")  # "[…]" where a summary was cut

MIN_TEASERS = 2
HEADLINE_CHARS = (8, 300)
MAX_TEASER_CHARS = 1500  # a block with more text than this is a story, not a teaser
# The page's own paragraph text outside the teasers: above MAX_BODY_CHARS the page is an
# article page; from MIN_BODY_CHARS too when it outweighs half the teasers' text.
MAX_BODY_CHARS = 600
MIN_BODY_CHARS = 100


@dataclass
class Teaser:
    """One story as a listing page shows it."""

    headline: str
    text: str
    url: str | None = None
    published: date | None = None


def _text(el) -> str:
    """The element's visible text with spaces normalized (no script, style or button text)."""
    parts: list[str] = []

    def walk(node) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if isinstance(child.tag, str) and child.tag not in _SKIP_TEXT_TAGS:
                walk(child)
            if child.tail:  # text after a child belongs to this node, even after a script
                parts.append(child.tail)

    walk(el)
    return _SPACES.sub(" ", " ".join(parts)).strip()


def _in_furniture(el) -> bool:
    for anc in el.iterancestors():
        if anc.tag in _FURNITURE:
            return True
        role = (anc.get("role") or "").lower()
        if role in ("navigation", "banner", "contentinfo", "complementary"):
            return True
    return False


def _headline_element(block):
    for el in block.iter(*HEADINGS):
        return el
    for el in block.iter():
        if isinstance(el.tag, str) and el is not block and _HEADLINE_CLASS.search(el.get("class") or ""):
            return el
    return None


def _teaser(block, base_url: str | None) -> Teaser | None:
    """The block as a Teaser, or None when it does not look like one."""
    head = _headline_element(block)
    if head is None:
        return None
    headline = _text(head)
    if not HEADLINE_CHARS[0] <= len(headline) <= HEADLINE_CHARS[1]:
        return None
    block_text = _text(block)
    if len(block_text) > MAX_TEASER_CHARS or len(block_text) <= len(headline):
        return None
    link = _story_link(block, head)
    if link is None:  # a teaser leads to its story; headed sections of one article do not
        return None
    url = urljoin(base_url or "", link.get("href").strip())
    published, date_el = _teaser_date(block)
    paragraphs = [_text(p) for p in block.iter("p") if not _is_within(p, head) and not _is_within(p, date_el)]
    paragraphs = [p for p in paragraphs if p and not _READ_MORE.match(p)]
    text = clean_text("\n\n".join(paragraphs))
    if not text:  # no <p>: what is left of the block once headline and date are taken out
        rest = block_text.replace(headline, "", 1)
        if date_el is not None:
            rest = rest.replace(_text(date_el), "", 1)
        text = clean_text(rest)
        if _READ_MORE.match(text):
            text = ""
    text = _CUT_MARK.sub("", text)
    return Teaser(headline=headline, text=text or headline, url=url, published=published)


def _story_link(block, head):
    """The link to the full story: in or around the headline, around the block, or "read more"."""
    for a in head.iter("a"):
        if _usable_href(a):
            return a
    for a in head.iterancestors("a"):
        if _usable_href(a):
            return a
    for a in block.iter("a"):
        if _usable_href(a) and _READ_MORE.match(_text(a)):
            return a
    return None


def _usable_href(a) -> bool:
    href = (a.get("href") or "").strip()
    return bool(href) and not href.startswith(("#", "javascript:", "mailto:"))


def _is_within(el, container) -> bool:
    return container is not None and (el is container or any(a is container for a in el.iterancestors()))


def _teaser_date(block) -> tuple[date | None, object]:
    candidates = list(block.iter("time"))
    candidates += [el for el in block.iter() if isinstance(el.tag, str) and el.tag not in HEADINGS
                   and _DATE_CLASS.search(el.get("class") or "")]
    for el in candidates:
        for value in (el.get("datetime"), el.get("content"), _text(el)):
            if value:
                try:
                    day = parse_published(value)
                except ValueError:
                    continue
                if day:
                    return day, el
    return None, None


def _candidate_groups(tree) -> list[list]:
    """Groups of blocks that may be teasers: all innermost <article>s, and same-signature siblings."""
    groups = []
    articles = [a for a in tree.iter("article") if next(a.iterdescendants("article"), None) is None]
    if articles:
        groups.append(articles)
    for parent in tree.iter():
        if not isinstance(parent.tag, str) or len(parent) < MIN_TEASERS:
            continue
        by_signature = defaultdict(list)
        for child in parent:
            if isinstance(child.tag, str) and child.tag not in _SKIP_TEXT_TAGS and child.tag != "article":
                by_signature[(child.tag, child.get("class") or "")].append(child)
        groups.extend(g for g in by_signature.values() if len(g) >= MIN_TEASERS)
    return groups


def _body_chars_outside(tree, blocks) -> int:
    """Characters of paragraph text outside the teaser blocks, page furniture and banners."""
    from sitrep.ingest.html import drop_boilerplate

    inside = {el for b in blocks for el in b.iter()}
    total = 0
    for p in tree.iter("p"):
        if p not in inside and not _in_furniture(p):
            total += len(drop_boilerplate(_text(p)))
    return total


def _has_own_article(body_chars: int, teasers: list[Teaser]) -> bool:
    """Whether the text outside the teasers is an article (a short news brief with "related
    stories" below it) rather than a listing's introduction."""
    teaser_chars = sum(len(t.text) for t in teasers)
    return body_chars > MAX_BODY_CHARS or (body_chars >= MIN_BODY_CHARS and body_chars > teaser_chars // 2)


def teaser_blocks(tree, base_url: str | None = None) -> dict:
    """{block element: Teaser} for every teaser on the page, innermost blocks only.

    Every group of two or more teasers counts (a front page has one per section); where teaser
    blocks nest, the innermost win.
    """
    chosen: dict = {}
    for group in _candidate_groups(tree):
        found = [(b, t) for b in group if not _in_furniture(b) and (t := _teaser(b, base_url))]
        if len(found) >= MIN_TEASERS:
            chosen.update(found)
    return {b: t for b, t in chosen.items() if not any(d in chosen for d in b.iterdescendants())}


def find_teasers(tree, base_url: str | None = None, blocks: dict | None = None) -> list[Teaser]:
    """The page's story teasers in page order, or [] when the page is not a listing page.

    A story shown twice (same link) is kept once. `blocks` is `teaser_blocks`' answer when the
    caller already has it.
    """
    blocks = teaser_blocks(tree, base_url) if blocks is None else blocks
    if len(blocks) < MIN_TEASERS or _has_own_article(_body_chars_outside(tree, blocks), list(blocks.values())):
        return []
    position = {el: n for n, el in enumerate(tree.iter())}
    teasers, seen = [], set()
    for block in sorted(blocks, key=position.__getitem__):
        teaser = blocks[block]
        key = teaser.url or teaser.headline
        if key not in seen:
            seen.add(key)
            teasers.append(teaser)
    return teasers if len(teasers) >= MIN_TEASERS else []
