"""An RSS or Atom feed to Documents: one per entry, its content or summary as the text."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from sitrep.ingest.html import drop_boilerplate, parse_tree, site_of
from sitrep.ingest.records import clean_text, parse_published, record_id
from sitrep.model import Document


class NotAFeed(ValueError):
    """The file parses as neither RSS nor Atom."""


def _entry_html(entry) -> str:
    """The fullest text the entry carries: content beats summary beats description."""
    contents = entry.get("content") or []
    best = max((c.get("value", "") for c in contents), key=len, default="")
    summary = entry.get("summary") or entry.get("description") or ""
    return best if len(best) >= len(summary) else summary


def html_to_text(fragment: str) -> str:
    """An HTML fragment (a feed summary) to plain text with paragraph breaks kept."""
    if "<" not in fragment:
        return clean_text(fragment)
    tree = parse_tree(fragment)
    if tree is None:
        return ""
    for br in tree.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in tree.iter("p", "div", "li", "h1", "h2", "h3", "h4", "blockquote"):
        block.tail = "\n\n" + (block.tail or "")
    for junk in list(tree.iter("script", "style")):
        junk.drop_tree()
    text = tree.text_content()
    return "\n\n".join(" ".join(p.split()) for p in clean_text(text).split("\n\n") if p.strip())


def feed_documents(data: bytes, name: str, warn: Callable[[str, str], None]) -> Iterator[Document]:
    """Documents of a feed file's bytes; `warn(record, reason)` hears of entries left out."""
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries and (feed.bozo or not feed.get("version")):
        reason = getattr(feed.get("bozo_exception"), "args", [""])[0] if feed.bozo else "no entries"
        raise NotAFeed(f"not an RSS or Atom feed: {reason}")
    outlet = feed.feed.get("title") or site_of(feed.feed.get("link"))
    for n, entry in enumerate(feed.entries, 1):
        label = f"{name}#{n}"
        try:
            text = drop_boilerplate(html_to_text(_entry_html(entry)))
            title = clean_text(html_to_text(entry.get("title", ""))) or None
        except Exception as e:  # one odd entry never loses the rest of the feed
            warn(label, f"could not read: {type(e).__name__}: {e}")
            continue
        if not text:
            warn(label, "feed entry has no text (no content, summary or description)")
            continue
        url = entry.get("link") or None
        published = None
        raw_date = entry.get("published") or entry.get("updated") or entry.get("dc_date")
        if raw_date:
            try:
                published = parse_published(raw_date)
            except ValueError as e:
                warn(label, f"published date dropped, document kept: {e}")
        ident = record_id({"url": url or entry.get("id")}, text)
        yield Document(id=ident, text=text, url=url, title=title, source=outlet, published=published)
