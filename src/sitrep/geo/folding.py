"""Fold place names to the form the gazetteer is keyed by: lowercase, no diacritics, no quote marks."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Marks that transliterations of Arabic and Hebrew use for ayin/hamza, and apostrophes:
# "‘Azzūn", "`Azzun" and "Azzun" are the same name.
_MARKS = dict.fromkeys(map(ord, "‘’'`ʿʾʻʼ´ʹ′"), None)
_DASHES = dict.fromkeys(map(ord, "-‐‑‒–—_"), " ")
_SPACES = re.compile(r"\s+")
# Letters that NFKD does not decompose into a base letter plus a mark.
_SPECIAL = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "ı": "i",
                          "þ": "th", "œ": "oe", "ħ": "h"})


@lru_cache(maxsize=200_000)
def fold(name: str) -> str:
    """ "‘Azzūn" -> "azzun", "Al-Khalil" -> "al khalil", "São Paulo" -> "sao paulo"."""
    if name.isascii():
        # speed: every new span of a text misses the cache (tens per document); for ASCII, the
        # translate tables and NFKD (6 us) come down to these four replaces (1.5 us)
        s = name.lower().replace("'", "").replace("`", "").replace("-", " ").replace("_", " ")
    else:
        s = name.lower().translate(_MARKS).translate(_DASHES).translate(_SPECIAL)
        s = unicodedata.normalize("NFKD", s)
        s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return _SPACES.sub(" ", s).strip(" .,")


def same_name(a: str, b: str) -> bool:
    """Two names that agree once folded, with only their letters and digits kept ("Sa'dah" = "Sadah")."""
    return _letters(a) == _letters(b)


def _letters(name: str) -> str:
    return "".join(ch for ch in fold(name) if ch.isalnum())


_DOUBLED = re.compile(r"(.)\1+")
_ARTICLE = re.compile(r"^(?:al|el|ad|as|ash|an|ar|at|az|ed|es) ")
_FINAL_H = re.compile(r"(?<=[aeiou])h\b")
_SOUNDS = (("ou", "u"), ("ee", "i"), ("y", "i"), ("q", "k"), ("ph", "f"), ("kh", "k"), ("dh", "d"),
           ("j", "g"), ("w", "u"))


@lru_cache(maxsize=200_000)
def loose(key: str) -> str:
    """A folded name reduced further for transliteration variants: "qalqilya" ~ "qalqiliyah".

    Used only when the folded name itself is not in the gazetteer.
    """
    s = _ARTICLE.sub("", key)
    for a, b in _SOUNDS:
        s = s.replace(a, b)
    s = _FINAL_H.sub("", s)
    s = _DOUBLED.sub(r"\1", s)
    return s.replace("ii", "i").replace("ia", "a")
