"""Find the words of a text that may be place names: gazetteer matches over capitalized token runs.

Each candidate carries the features the recognition classifier scores (cue words, capitalization,
ambiguity with common words and personal names, population); the learned weights decide.
"""

from __future__ import annotations

import math
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from sitrep.geo.folding import fold, loose
from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.lexicon import cues, demonyms, us_state_abbreviations, us_state_codes

# Initialisms ("U.S.", "B.C."), words with inner apostrophes/hyphens ("Jaba'", "Al-Bireh"), numbers.
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_](?:[\w'’‘ʿ`\-]*[^\W_])?['’‘ʿ`]?|\d+")
_POSSESSIVE = ("'s", "’s")
_POSSESSIVE_GAPS = ("'s ", "’s ")
_TRAILING = "'’‘ʿ`-"
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|ash|as|az|an|ar|at|ath|ed|en|es|et|ez)-\w", re.I)
# Lowercase words that may sit inside a multiword place name ("Isle of Man", "Rio de Janeiro").
_CONNECTORS = frozenset("of de del la le du des da do dos di y upon on the al el van von "
                         "ez az es ed ash adh ad ar wa ibn bin "  # Arabic article forms: "Deir ez Zor"
                         "in im am an der bei".split())  # German: "Neustadt in Holstein", "Halle an der Saale"
# Connectors inside a name that English does not also put between two names ("Kiev of Ukraine")
_INNER_CONNECTORS = _CONNECTORS - frozenset("of upon on the in an".split())
MAX_WORDS = 6
_AREA_NOUNS = frozenset("governorate province district county parish region state oblast prefecture".split())
MAX_ROWS_FOR_FEATURES = 40


class Token:
    """A word of the text by offsets; `capitalized` is computed once."""

    __slots__ = ("start", "end", "text", "capitalized")

    def __init__(self, start: int, end: int, text: str):
        self.start, self.end, self.text = start, end, text
        c = text[0]
        # letters without case (Arabic, Hebrew, CJK) count as capitalized: they may be names
        # ("-" in text[2:4]: the article's hyphen, tested before the pattern for speed)
        self.capitalized = c.isupper() or (c.isalpha() and not c.islower() and c.lower() == c.upper()) or (
            c in "aAeE" and "-" in text[2:4] and _ARTICLE_PREFIX.match(text) is not None)


@dataclass
class Candidate:
    """A span that matches a gazetteer name (rows) or a demonym (country code)."""

    start: int
    end: int
    text: str
    key: str
    rows: tuple[int, ...] = ()
    demonym_of: str = ""
    loose: bool = False  # matched only through a spelling variant
    state_abbreviation: bool = False  # "W.Va." after a comma
    first_token: int = 0
    last_token: int = 0
    features: dict[str, float] = field(default_factory=dict)
    score: float = 0.0


def tokenize(text: str) -> list[Token]:
    out = []
    for m in _TOKEN.finditer(text):
        t = m.group()
        if t[-1] in _TRAILING or t.endswith(_POSSESSIVE):
            s, e = m.span()
            if t.endswith(_POSSESSIVE) and len(t) > 3:
                e -= 2
            while e > s and text[e - 1] in _TRAILING:
                e -= 1
            if e > s:
                out.append(Token(s, e, text[s:e]))
        else:
            out.append(Token(m.start(), m.end(), t))
    return out


def _possessive_area(text: str, before: Token, area: Token) -> bool:
    """ "Prince George's County", "St. Mary's Parish": a county named in the possessive goes on
    past the "'s" the tokenizer cut off (else "Prince George" is read as a Virginia town)."""
    return text[before.end:area.start] in _POSSESSIVE_GAPS and fold(area.text) in _AREA_NOUNS


def find_candidates(text: str, gaz: Gazetteer, with_demonyms: bool = True) -> tuple[list[Token], list[Candidate]]:
    """Longest gazetteer matches inside runs of capitalized words, and demonyms."""
    tokens = tokenize(text)
    rows_for, loose_rows_for = gaz.rows_for, gaz.loose_rows_for
    dem = demonyms() if with_demonyms else {}
    abbreviations = cues()["name_abbreviations"]
    area_nouns, spot_nouns, not_given = cues()["area_name_nouns"], cues()["spot_name_nouns"], cues()["not_given_names"]
    out: list[Candidate] = []
    n = len(tokens)
    i = 0
    while i < n:
        if not tokens[i].capitalized:
            i += 1
            continue
        # the run of capitalized words (with connectors) that starts here
        j = i + 1
        while j < n and (text[tokens[j - 1].end:tokens[j].start] in (" ", "-", ". ") or _possessive_area(
                text, tokens[j - 1], tokens[j])) and (
                tokens[j].capitalized or (tokens[j].text in _CONNECTORS and j + 1 < n and (
                    tokens[j + 1].capitalized or tokens[j + 1].text in _CONNECTORS and j + 2 < n
                    and tokens[j + 2].capitalized))):
            if (text[tokens[j - 1].end:tokens[j].start] == ". " and not tokens[j - 1].text.endswith(".")
                    and fold(tokens[j - 1].text) not in abbreviations):
                break  # a sentence ends between them ("St. Augustine" is one name)
            j += 1
        area_end = _area_name_end(text, tokens, i, j, area_nouns)
        k = i
        while k < j:
            matched = False
            for m in range(min(MAX_WORDS, j - k), 0, -1):
                last = tokens[k + m - 1]
                if last.text in _CONNECTORS:
                    continue
                span_text = text[tokens[k].start:last.end]
                key = fold(span_text)
                if tokens[k].text in _CONNECTORS:
                    break
                if m <= 2 and span_text in dem and (m == 1 or " " in span_text):
                    out.append(Candidate(tokens[k].start, last.end, span_text, key, demonym_of=dem[span_text],
                                         first_token=k, last_token=k + m - 1))
                    k += m
                    matched = True
                    break
                rows = rows_for(key)
                is_loose = False
                if not rows and len(key) >= 5 and key.isascii() and (m > 1 or not tokens[k].text.isupper()):
                    rows = loose_rows_for(loose(key))
                    is_loose = True
                if rows and j == k + m and k + m < n and fold(tokens[k + m].text) in _AREA_NOUNS:
                    # "the Jenin governorate": the area, not its namesake town
                    area_key = key + " " + fold(tokens[k + m].text)
                    area = rows_for(area_key)
                    if area and text[last.end:tokens[k + m].start] == " ":
                        last = tokens[k + m]
                        m += 1
                        rows, is_loose, span_text, key = area, False, text[tokens[k].start:last.end], area_key
                if (rows and k == i and (k + m + 1 == area_end or k + m < j and tokens[k + m].text in _INNER_CONNECTORS)
                        and fold(tokens[k + m].text) not in not_given
                        and not any(fold(gaz.name[r]) == key for r in rows)):
                    # "Intan Jaya regency", "Morro do Fuba": the first word of a name the gazetteer
                    # lacks, only another place's old name (Yingtan's, Morro Bay's)
                    break
                if rows and m == 1 and k == j - 1 and k > i and key in spot_nouns:
                    break  # "Al Farshah Junction": the noun of a named spot, not a town of that name
                if rows:
                    out.append(Candidate(tokens[k].start, last.end, span_text, key, rows, first_token=k,
                                         last_token=k + m - 1, loose=is_loose))
                    k += m
                    matched = True
                    break
            if not matched:
                k += 1
        i = j
    out = [c for c in out if not _saints_institution(text, tokens, c, abbreviations)]
    _add_state_abbreviations(text, tokens, out, gaz)
    return tokens, out


def _area_name_end(text: str, tokens: list[Token], i: int, j: int, area_nouns: frozenset[str]) -> int:
    """Where the name ends when the run of capitalized words `i`..`j` names an area by its noun
    ("Intan Jaya regency", "Intan Jaya Regency": the token after "Jaya"); -1 when it names none."""
    if fold(tokens[j - 1].text) in area_nouns and j - 1 > i:
        return j - 1
    if j < len(tokens) and text[tokens[j - 1].end:tokens[j].start] == " " and fold(tokens[j].text) in area_nouns:
        return j
    return -1


def _saints_institution(text: str, tokens: list[Token], c: Candidate, abbreviations: frozenset[str]) -> bool:
    """ "St. John's Health System", "St. James United Methodist Church": a saint's name that
    names a parish, school or hospital, not the town of that name."""
    if fold(tokens[c.first_token].text) not in abbreviations:
        return False
    if text[c.end:c.end + 2] in ("'s", "’s"):
        return True
    after = c.last_token + 1
    return (after < len(tokens) and text[c.end:tokens[after].start] == " "
            and fold(tokens[after].text) in cues()["saint_institution_words"])


# dotted initials ("S.C.", "W.Va.") are state names anywhere; word abbreviations ("Ind.", "Miss.")
# only after a comma
# (the lookahead, true of every match, only makes the scan of a text twice as fast)
_INITIALISM = re.compile(r"(?=[A-Z]\.)(?<![\w.])((?:[A-Z]\.\s?){2}|[A-Z]\.\s?[A-Z][a-z]\.)")
_ABBREVIATION = re.compile(r",\s([A-Z]{2}(?![\w.])|(?:[A-Z]\.\s?){2}|[A-Z]\.\s?[A-Z][a-z]\.|[A-Z][a-z]{1,4}\.)")


def _add_state_abbreviations(text: str, tokens: list[Token], out: list[Candidate], gaz: Gazetteer) -> None:
    """ "Beckley, W.Va." and "Columbia, S.C.": news-style state abbreviations after a comma."""
    abbreviations = us_state_abbreviations()
    postal = us_state_codes()  # read only right after a comma ("Paris, TX")
    starts = None  # speed: token starts are indexed only when an abbreviation turns up (most texts have none)
    for m in itertools.chain(_ABBREVIATION.finditer(text), _INITIALISM.finditer(text)):
        if starts is None:
            starts = {t.start: i for i, t in enumerate(tokens)}
        state = abbreviations.get(m.group(1).strip())
        if state is None and m.group(1) in postal:  # "Paris, TX": only after a capitalized name
            before = text[max(0, m.start() - 30):m.start()].split()
            state = postal[m.group(1)] if before and before[-1][:1].isupper() else None
        if not state or m.start(1) not in starts:
            continue
        if any(c.start == m.start(1) and c.state_abbreviation for c in out):
            continue
        out[:] = [c for c in out if c.start != m.start(1)]  # "Kan." after a comma is Kansas, not Kano
        rows = tuple(r for r in gaz.lookup(state) if gaz.feature_code[r] == "ADM1" and gaz.country_code[r] == "US")
        if rows:
            # the final period ends the sentence as often as the abbreviation
            end = m.end(1) - 1 if m.group(1).endswith(".") else m.end(1)
            first = starts[m.start(1)]
            last = max(i for i in range(first, min(first + 4, len(tokens))) if tokens[i].start < end)
            out.append(Candidate(m.start(1), end, text[m.start(1):end], fold(state), rows, first_token=first,
                                 last_token=last, state_abbreviation=True))
    out.sort(key=lambda c: c.start)


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘(":
        i -= 1
    return i < 0 or text[i] in ".!?\n:;"


_NAME_FEATURES: dict = {}


def _name_features(rows: tuple[int, ...], key: str, gaz: Gazetteer) -> dict[str, float]:
    """What the gazetteer says about a name, whatever the text: computed once per name."""
    cache_key = (id(gaz), key, rows)
    f = _NAME_FEATURES.get(cache_key)
    if f is None:
        top = rows[:MAX_ROWS_FOR_FEATURES]
        pop = max((gaz.population[r] for r in top), default=0)
        f = {"log_population": math.log10(pop + 1) / 7,
             "is_country": float(any(gaz.is_country(r) for r in top)),
             "is_admin1": float(any(gaz.feature_code[r] == "ADM1" for r in top)),
             "is_admin2": float(any(gaz.feature_code[r] == "ADM2" for r in top)),
             "primary_name": float(any(fold(gaz.name[r]) == key for r in top)),
             "log_candidates": math.log10(len(rows)) / 2}
        if len(_NAME_FEATURES) > 100_000:
            _NAME_FEATURES.clear()
        _NAME_FEATURES[cache_key] = f
    return f


def recognition_features(text: str, tokens: list[Token], cands: list[Candidate], gaz: Gazetteer) -> None:
    """Fill `features` of every candidate (document-level ones included)."""
    cue = cues()
    preps, nouns_of, nouns_after = cue["place_prepositions"], cue["place_nouns_before_of"], cue["place_nouns_after"]
    speech, titles, common, personal = (cue["speech_verbs"], cue["person_titles"], cue["common_words"],
                                        cue["also_personal_names"])
    settlements, facilities = cue["settlement_nouns"], cue["facility_nouns"]
    continuations, given_not = cue["not_name_continuations"], cue["not_given_names"]
    lower_words = {t.text for t in tokens if t.text[0].islower()}
    n = len(tokens)
    for c in cands:
        prev = tokens[c.first_token - 1] if c.first_token > 0 else None
        prev2 = tokens[c.first_token - 2] if c.first_token > 1 else None
        nxt = tokens[c.last_token + 1] if c.last_token + 1 < n else None
        gap_before = text[prev.end:c.start] if prev else ""
        gap_after = text[c.end:nxt.start] if nxt else ""
        pw = fold(prev.text) if prev else ""
        nw = fold(nxt.text) if nxt else ""
        f = {"bias": 1.0}
        if c.demonym_of:
            f["demonym"] = 1.0
            f["demonym_before_capital"] = float(bool(nxt) and nxt.capitalized and gap_after == " ")
        else:
            f.update(_name_features(c.rows, c.key, gaz))
            f["loose_match"] = float(c.loose)
        f["state_abbreviation"] = float(c.state_abbreviation)
        f["multiword"] = float(c.last_token > c.first_token)
        f["short"] = float(len(c.key) <= 3)
        f["all_caps"] = float(c.text.isupper() and len(c.text) > 1)
        f["sentence_initial"] = float(_sentence_initial(text, c.start))
        f["after_preposition"] = float(pw in preps and prev is not None and prev.text[0].islower())
        f["after_place_noun_of"] = float(pw == "of" and prev2 is not None and fold(prev2.text) in nouns_of)
        f["before_place_noun"] = float(nw in nouns_after and gap_after in (" ", "-"))
        f["after_settlement_of"] = float(pw == "of" and prev2 is not None and fold(prev2.text) in settlements)
        f["comma_before_capital"] = float(gap_after.strip() == "," and nxt is not None and nxt.capitalized)
        f["after_comma_place"] = float(gap_before.strip() == "," and prev is not None and prev.capitalized)
        f["before_facility_noun"] = float(nw in facilities and gap_after in (" ", "-") and nxt is not None
                                          and nxt.capitalized)
        f["before_speech_verb"] = float(nw in speech and gap_after.strip() in ("", ","))
        f["after_title"] = float(pw in titles and prev is not None and prev.text[0].isupper() is not None)
        f["run_continues"] = float(nxt is not None and nxt.capitalized and gap_after == " "
                                   and nw not in continuations)
        f["run_precedes"] = float(prev is not None and prev.capitalized and gap_before == " "
                                  and pw not in given_not)
        f["common_word"] = float(c.key in common)
        f["personal_name"] = float(c.key in personal)
        f["lowercase_in_doc"] = float(c.text.lower() in lower_words)
        f["in_parentheses"] = float(gap_before.endswith("(") or gap_after.startswith(")"))
        c.features = f
    _document_features(cands, gaz)


def _document_features(cands: list[Candidate], gaz: Gazetteer) -> None:
    """Support from the rest of the document: the same name with a cue, the document's countries."""
    cued = {c.key for c in cands if c.features.get("after_preposition") or c.features.get("before_place_noun")
            or c.features.get("after_place_noun_of") or c.features.get("comma_before_capital")}
    countries: dict[str, int] = {}
    for c in cands:
        if c.demonym_of:
            countries[c.demonym_of] = countries.get(c.demonym_of, 0) + 1
        elif len(c.rows) == 1 or any(gaz.is_country(r) for r in c.rows[:3]):
            cc = gaz.country_code[c.rows[0]]
            countries[cc] = countries.get(cc, 0) + 1
    top = max(countries.values(), default=0)
    strong = {cc for cc, n in countries.items() if n >= max(1, top // 2)}  # the document's countries
    counts = Counter(c.key for c in cands)
    # "John Jones said ... Jones added": a name used like a person's anywhere in the text
    person_like = {c.key for c in cands if c.features.get("before_speech_verb") or c.features.get("after_title")
                   or (c.features.get("run_precedes") and not c.features.get("multiword"))}
    for c in cands:
        f = c.features
        f["cued_elsewhere"] = float(c.key in cued)
        f["repeated"] = float(counts[c.key] > 1)
        f["person_like_elsewhere"] = float(c.key in person_like)
        if c.rows:
            f["in_doc_country"] = float(top > 0 and any(
                gaz.country_code[r] in strong for r in c.rows[:MAX_ROWS_FOR_FEATURES]))
