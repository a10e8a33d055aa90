"""Add a report's headline to its text, as a last paragraph of its own, so every stage reads it.

Local news often tells the event only in the headline ("2 dead, 3 hurt in Killeen apartment
shooting") above a body of boilerplate or follow-up detail. Evidence spans are offsets into
`Document.text`, so the headline must be part of the text for its words to count. It goes after
the body, not before: the body's offsets stay those of the input text (the contract of `sitrep
geoparse` and of evidence users check against their own records), and where the order of a
report's words matters the body's own sentences come first. A text that already opens with the
headline is left as it is. `Document.title` keeps the whole title, outlet's name included, for
the stages that read the outlet ("... - KWTX"); `Document.body_end` says where the body stops.
Every ingest path reads a report through here, so this is also where the text's page furniture
(other stories' headlines, playlists, share lines: `ingest.furniture`) is blanked, offsets kept.
"""

from __future__ import annotations

import re
from dataclasses import replace

from sitrep.ingest.furniture import without_furniture
from sitrep.model import Document

# "headline | Outlet", "headline :: Outlet": everything after is the outlet's
_OUTLET_BAR = re.compile(r"\s(?:\||::)\s")
# "headline - KSLA News 12 Shreveport": a short tail of names after a dash is the outlet's name
# ("... - syracuse.com", "... - WHIO TV 7 and WHIO Radio"); "Police: 1 dead - 2 hurt in shooting" is not
_OUTLET_DASH = re.compile(r"\s[-–—]\s")
_OUTLET_WORDS = 6
_OUTLET_WORD = re.compile(r"[A-Z0-9&'’.(]\S*|\S+\.(?:com|org|net|tv|us)|and|of|the|on|at|in")
# the text "opens with" the headline when it appears this early (after a stray "×" or "Updated:")
_OPENING_CHARS = 300
_SPACE = re.compile(r"\s+")


def headline_of(title: str | None) -> str:
    """The headline part of a page title: without the outlet's name after "|", "::" or a dash."""
    head = _OUTLET_BAR.split(title or "", maxsplit=1)[0].strip()
    dashes = list(_OUTLET_DASH.finditer(head))
    if dashes and dashes[-1].start() > 0:
        tail = head[dashes[-1].end():].split()
        if len(tail) <= _OUTLET_WORDS and all(_OUTLET_WORD.fullmatch(w) for w in tail):
            head = head[:dashes[-1].start()].strip()
    return _SPACE.sub(" ", head)


def with_headline(doc: Document) -> Document:
    """The document with its page furniture blanked and its headline as the last paragraph of its
    text (the same document when it has no furniture and no title, or its text already opens with
    the headline)."""
    if doc.body_end() < len(doc.text):  # read already: headline added, furniture blanked
        return doc
    head = headline_of(doc.title)
    text = without_furniture(doc.text, head)
    if head and head.lower() not in _SPACE.sub(" ", text[:_OPENING_CHARS + len(head)]).lower():
        text = f"{text}\n\n{head}"
    return doc if text == doc.text else replace(doc, text=text, content_hash="")
