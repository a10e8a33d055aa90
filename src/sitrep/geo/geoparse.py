"""Find and resolve the place names of a document: recognize candidates, keep the likely ones, resolve."""

from __future__ import annotations

import math
import re
from dataclasses import replace

from sitrep.geo.folding import fold
from sitrep.geo.gazetteer import Gazetteer, get_gazetteer
from sitrep.geo.lexicon import cues, weights
from sitrep.geo.recognize import Candidate, find_candidates, recognition_features
from sitrep.geo.resolve import DocumentContext, score_rows
from sitrep.model import Document, Span, Toponym

MAX_CHARS = 100_000  # longer texts are read in pieces of about this size; offsets stay global


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def recognition_score(c: Candidate, w: dict[str, float]) -> float:
    # speed: three features in four are 0.0 and add nothing; skipping them keeps the same sum
    z = 0.0
    for k, v in c.features.items():
        if v:
            z += w.get(k, 0.0) * v
    return _sigmoid(z)


def accept(cands: list[Candidate], w: dict, text: str = "") -> list[Candidate]:
    """The candidates the recognition weights keep, each with its `score`."""
    threshold = w.get("threshold", 0.5)
    best: dict[str, float] = {}
    gaz = get_gazetteer()
    listed = (_listed_with_areas(text, cands, gaz) | _named_with_its_area(text, cands, gaz)) if text else set()
    for c in cands:
        c.score = recognition_score(c, w["recognition"])
        if (c.features.get("after_settlement_of") or c.state_abbreviation or id(c) in listed) and c.rows:
            c.score = max(c.score, 0.9)  # "the village of Sir", "Beckley, W.Va.": the words say so
        best[c.key] = max(best.get(c.key, 0.0), c.score)
    # one sense per text: a name accepted once is a place wherever it recurs in the text
    accepted = [c for c in cands if c.score >= threshold or (best[c.key] >= threshold and c.score >= threshold / 3)]
    for c in accepted:
        c.score = max(c.score, best[c.key])
    return accepted


def _listed_with_areas(text: str, cands: list[Candidate], gaz: Gazetteer) -> set[int]:
    """ "Kongo (Oyam, Northern)", "Ndimo (Irumu, Ituri)", "Pau (Pyrenees-Atlantiques)": a name
    followed by a bracketed list of the areas holding it. Every known name of such a list, and the
    name before it, is a place when the list has two names or names an area (ids of those
    candidates). The names may be villages and districts the gazetteer lacks ("Kipese (Lubero,
    Nord-Kivu)", "community (Obowo, Imo)"): the list's shape says they are places."""
    out: set[int] = set()
    named = {(c.start, c.end): c for c in cands if c.rows and not c.demonym_of}
    if not named:
        return out
    ending_at = {e: c for (s, e), c in named.items()}
    for bracket in _AREA_LIST.finditer(text):
        parts, at = [], bracket.start(1)
        for part in bracket.group(1).split(", "):
            parts.append((at, at + len(part)))
            at += len(part) + 2
        if not all(_AREA_NAME.fullmatch(text, s, e) for s, e in parts) or any(
                text[s:e].isupper() for s, e in parts):  # "(CDC)", "(UN)": an organisation's initials
            continue
        known = [named[p] for p in parts if p in named]
        before = ending_at.get(bracket.start())
        if len(parts) == 1 and before is None and not _NAME_BEFORE.search(text, max(0, bracket.start() - 40),
                                                                         bracket.start()):
            continue  # "hit him (Davis)", "He (Barnett) didn't": a person named again, not a place
        area = any(gaz.is_country(r) or gaz.feature_code[r] in ("ADM1", "ADM2") or gaz.population[r] >= _CITY
                   for c in known for r in c.rows)
        # an area or a city among the names, or two names after a known one ("Nowshera (Nowshera,
        # KPK)"); not "community (Ahoada West, Rivers)", whose one known name is a Canadian village
        if not known or not (area or (len(parts) >= 2 and (before is not None or len(known) == len(parts)))):
            continue
        out.update(id(c) for c in known + ([before] if before is not None else []))
    return out


def _named_with_its_area(text: str, cands: list[Candidate], gaz: Gazetteer) -> set[int]:
    """ "Chkalovske, Kharkiv", "Nad Ali district, Helmand", "Pau, France": a name followed, after a
    comma, by a country or an admin area that holds one of the name's places. Both are places (ids
    of those candidates), whatever else the name may be: the pair's shape and the gazetteer's
    hierarchy agree."""
    out: set[int] = set()
    nouns = cues()["area_nouns_before_comma"]
    named = sorted((c for c in cands if c.rows and not c.demonym_of), key=lambda c: c.start)
    for c, d in zip(named, named[1:]):
        gap = text[c.end:d.start]
        if gap != ", ":
            # "Nad Ali district, Helmand"; but "(Loikaw district, Kayah state)" in brackets only
            # tells what holds the place before them
            noun = gap[1:-2] if gap.startswith(" ") and gap.endswith(", ") else ""
            if fold(noun) not in nouns or text.rfind("(", 0, c.start) > text.rfind(")", 0, c.start):
                continue
        areas = [r for r in d.rows if gaz.is_country(r) or gaz.feature_code[r] in ("ADM1", "ADM2")]
        if any(_holds(gaz, a, r) for a in areas for r in c.rows if r != a):
            out.update((id(c), id(d)))
    return out


def _holds(gaz: Gazetteer, area: int, row: int) -> bool:
    """Whether the country or admin area `area` holds the place `row` (by GeoNames' codes)."""
    if gaz.country_code[row] != gaz.country_code[area] or gaz.is_country(row):
        return False
    if gaz.is_country(area):
        return True
    if not gaz.admin1_code[area] or gaz.admin1_code[row] != gaz.admin1_code[area]:
        return False
    return gaz.feature_code[area] == "ADM1" or (gaz.admin2[row] == gaz.admin2[area] != "")


# what may stand before a lone bracketed city: a place noun ("Nowshera city (Nowshera)") or a name
# the gazetteer lacks ("Opume (Ogbia)"), not a pronoun or a verb ("hit him (Davis)", "He (Barnett)")
_NAME_BEFORE = re.compile(r"(?:\b(?:city|town|township|village|district|county|municipality|commune|province|"
                          r"region|state|governorate|area|neighbou?rhood|community|locality|camp|upazila|tehsil|"
                          r"woreda|kebele|regency|sub-?district|prefecture|department|parish|LGA)|"
                          r"(?-i:\b(?!(?:He|She|They|It|We|I|You|His|Her|Their)\b)[A-Z][\w'’-]+))$", re.I)
_SMALL_TOWN = 10_000  # another name of a town this small, abroad, is weak evidence (see `_stray`)
_CITY = 15_000  # a place this big named in such a list is the list's own, not a village abroad
# "(Lubero, Nord-Kivu)" after a word: a list of up to four names; each a capitalized name of a few words
_AREA_LIST = re.compile(r"(?<=\w) \(([^()\n]{2,90})\)")
_AREA_NAME = re.compile(r"[A-Z][\w'’.-]*(?: (?:[A-Z][\w'’.-]*|de|del|la|al|el|wa|and|of))*")


def geoparse(doc: Document, demonyms: bool = False, gazetteer: Gazetteer | None = None,
             model: dict | None = None) -> list[Toponym]:
    """Place names in `doc.text` with the place each refers to, in text order.

    Demonyms ("Syrian", "Israeli") name actors in event coding, so they are left out unless
    `demonyms=True` (the gold corpora mark them as place references); then they resolve to the
    country. `model` replaces the shipped weights (the scorer passes held-out fold weights).
    """
    text = doc.text or ""
    if not text.strip():
        return []
    gaz = gazetteer or get_gazetteer()
    out: list[Toponym] = []
    for start, end in pieces(text):
        out.extend(_geoparse_piece(doc.id, text[start:end], start, gaz, demonyms, model or weights()))
    return out


def pieces(text: str, size: int = MAX_CHARS) -> list[tuple[int, int]]:
    """Cut a long text at paragraph (else line, else space) breaks into pieces of about `size`."""
    out, start = [], 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = next((c for c in (window.rfind("\n\n"), window.rfind("\n"), window.rfind(" ")) if c > size // 2), -1)
        end = start + (cut + 1 if cut > 0 else size)
        out.append((start, end))
        start = end
    out.append((start, len(text)))
    return out


def _geoparse_piece(doc_id: str, text: str, offset: int, gaz: Gazetteer, demonyms: bool,
                    w: dict) -> list[Toponym]:
    tokens, cands = find_candidates(text, gaz, with_demonyms=True)
    recognition_features(text, tokens, cands, gaz)
    accepted = accept(cands, w, text)
    ctx = DocumentContext(text, accepted, gaz)
    chosen = {}
    for c in accepted:
        if c.rows and not c.demonym_of:
            ranked = score_rows(c, ctx, w["resolution"])
            chosen[id(c)] = ranked[0][0] if ranked else None
            country = next((r for r, _ in ranked if gaz.is_country(r)), None)
            if (country is not None and chosen[id(c)] != country and not gaz.is_country(chosen[id(c)])
                    and ctx.container_match(c, chosen[id(c)]) <= 0
                    and not gaz.feature_code[chosen[id(c)]] == "ADM1"):
                # a country's own name means the country unless the words say otherwise
                chosen[id(c)] = country
            area = next((r for r, _ in ranked if gaz.feature_code[r] == "ADM1" and fold(gaz.name[r]) == c.key), None)
            pick = chosen[id(c)]
            if (area is not None and pick is not None and pick != area and gaz.feature_code[pick].startswith("PPL")
                    and gaz.country_code[pick] == gaz.country_code[area] and gaz.admin1[pick] != gaz.admin1[area]
                    and ctx.container_match(c, pick) <= 0):
                # "in Louisiana" is the state, not the town of Louisiana, Missouri: a town named like
                # a first-level area outside it needs the words to say so ("Louisiana, Mo.")
                chosen[id(c)] = area
            if chosen[id(c)] is not None and _stray(c, chosen[id(c)], ctx):
                chosen[id(c)] = None
            if chosen[id(c)] is not None and ctx.container_match(c, chosen[id(c)]) < 0:
                chosen[id(c)] = _local_town_in_container(c, ctx) or chosen[id(c)]
    # one place per name per text: where "Springfield, Illinois" was written once, a later bare
    # "Springfield" is the same town
    contained = {c.key: chosen[id(c)] for c in accepted
                 if chosen.get(id(c)) is not None and ctx.container_match(c, chosen[id(c)]) > 0}
    moved = _place_approximate_areas(accepted, chosen, gaz)
    out = []
    for c in accepted:
        if c.demonym_of:
            if not demonyms:
                continue
            row = gaz.country_row(c.demonym_of)
            place = gaz.place(row) if row is not None else None
        else:
            row = contained.get(c.key, chosen.get(id(c)))
            place = gaz.place(row) if row is not None else None
            if row in moved:
                place = replace(place, latitude=moved[row][0], longitude=moved[row][1])
            if place is not None:
                place = _plain_name(place, c)
        span = Span(doc_id, offset + c.start, offset + c.end, c.text)
        out.append(Toponym(span=span, place=place, score=round(c.score, 4)))
    return out


def _local_town_in_container(c: Candidate, ctx: DocumentContext) -> int | None:
    """ "Monroe, Conn.": a town the name index lacks but the small-town list holds in the state
    written after it (see `us_towns`)."""
    container, gaz = ctx.containers.get(id(c)), ctx.gaz
    if container is None:
        return None
    areas = {(gaz.country_code[r], gaz.admin1[r]) for r in container.rows if gaz.feature_code[r] == "ADM1"}
    return next((r for r in gaz.local_rows_for(c.key) if (gaz.country_code[r], gaz.admin1[r]) in areas), None)


def _stray(c: Candidate, row: int, ctx: DocumentContext) -> bool:
    """ "Namtu" read as Niamtougou (Togo) in a report about Myanmar: a weak match in a country the
    text points to at most once (a name's repeats count once), while another country is clearly the text's,
    is a village the gazetteer lacks, not a place abroad. Weak: a spelling variant, a name of three
    letters or fewer ("Let" of the village Let Yet Kone), or another name of a small town ("Olan",
    an old name of Olemps in France, for a Syrian village). (Exact names abroad stay: local news
    names towns of other countries, and its main country is not always clear from its names.)"""
    gaz = ctx.gaz
    cc, top = gaz.country_code[row], ctx.top
    other_name = fold(gaz.name[row]) != c.key and gaz.population[row] < _SMALL_TOWN
    weak = c.loose or len(c.text) <= 3 or other_name
    # ("BANTAM", another name of Litchfield, stays in a report whose other towns are Connecticut's:
    # their first guesses lie in its country)
    return (weak and bool(top) and cc != top and ctx.countries.get(top, 0) >= 2 and ctx.naming(cc, c.key) <= 1
            and ctx.guess_countries.get(cc, 0) <= 1)


def _plain_name(place, c: Candidate):
    """ "Janīn" written "Jenin": ACLED names places in plain Latin letters, as English reports do,
    so a transliterated name takes the report's own spelling (a known name of that place)."""
    if place.name.isascii() or not c.text.isascii() or c.loose or c.state_abbreviation or c.key != fold(c.text):
        return place
    if any(ch.isdigit() for ch in c.text):
        return place
    return replace(place, name=c.text.title() if c.text.isupper() else c.text)


def _place_approximate_areas(accepted: list[Candidate], chosen: dict, gaz: Gazetteer) -> dict[int, tuple]:
    """A county known only by its state is put at the first town of the same state the text
    names (local news names the county's towns); returns row -> (lat, lon)."""
    moved = {}
    for c in accepted:
        row = chosen.get(id(c))
        if row is None or row not in gaz.approximate:
            continue
        for other in accepted:
            r = chosen.get(id(other))
            if (r is not None and gaz.feature_code[r].startswith("PPL") and gaz.country_code[r] == gaz.country_code[row]
                    and gaz.admin1[r] == gaz.admin1[row]):
                moved[row] = (gaz.lat[r], gaz.lon[r])
                break
    return moved
