"""Choose which place each recognized name refers to: learned weights over candidate features.

Features: population, feature type, the countries and admin1 areas the document names, a
containing name right after ("Springfield, Illinois", "Hebron (West Bank)") and the distance to the
other places of the text ("the village of Sir, south of Jenin" is the Sir near Jenin).
"""

from __future__ import annotations

import math
from collections import Counter

from sitrep.geo.distance import flat_km
from sitrep.geo.folding import fold
from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.recognize import Candidate

MAX_ROWS = 15
SUPPORT_ROWS = 12  # candidates per name that count as support for the other names' candidates
_CONTAINER_GAPS = (", ", ",", " (", " , ", ", the ")


def candidate_rows(c: Candidate, gaz: Gazetteer, countries: Counter) -> list[int]:
    """The most populous rows of a name, plus every row in a country the document names."""
    rows = sorted(c.rows, key=lambda r: -gaz.population[r])
    if len(rows) <= MAX_ROWS:
        return rows
    keep = rows[:MAX_ROWS]
    keep += [r for r in rows[MAX_ROWS:] if gaz.country_code[r] in countries][:MAX_ROWS]
    return keep


class DocumentContext:
    """What the whole text says about where it is: countries, admin1 areas, provisional anchors."""

    def __init__(self, text: str, cands: list[Candidate], gaz: Gazetteer):
        self.gaz = gaz
        self.countries: Counter = Counter()
        self.repeated: Counter = Counter()  # (country, name) -> what the name's repeats added to `countries`
        self.admin1: set[str] = set()
        seen: set[str] = set()
        for c in cands:
            votes: Counter = Counter()  # what this name adds to each country
            if c.demonym_of:
                votes[c.demonym_of] += 1
            elif any(gaz.is_country(r) for r in c.rows):
                votes[next(gaz.country_code[r] for r in c.rows if gaz.is_country(r))] += 2
            elif len(c.rows) == 1:
                votes[gaz.country_code[c.rows[0]]] += 1
            for r in () if c.demonym_of else c.rows:
                if gaz.feature_code[r] == "ADM1":
                    self.admin1.add(fold(gaz.admin1[r]))
                    votes[gaz.country_code[r]] += 1
            self.countries.update(votes)
            if c.key in seen:
                self.repeated.update({(cc, c.key): n for cc, n in votes.items()})
            seen.add(c.key)
        self.total = sum(self.countries.values()) or 1
        self.top = self.countries.most_common(1)[0][0] if self.countries else ""
        self.containers = _containers(text, cands, gaz)
        self.rows = {id(c): self._not_its_container(c, candidate_rows(c, gaz, self.countries))
                     for c in cands if c.rows}
        self.top_population = {k: max((gaz.population[r] for r in rows), default=0) for k, rows in self.rows.items()}
        self.cells: dict[tuple[int, int], set[str]] = {}  # 1-degree cells -> names with a candidate there
        # a country or admin1 area supports every place inside it, a town a place within about 100 km:
        # an area's centre is no neighbour ("Udaipur (Udaipur, Rajasthan)" is the city, not the small
        # Udaipur near the middle of Rajasthan; "Shirvan" in a text naming Iran is Iran's)
        self.areas: dict[tuple[str, str], set[str]] = {}  # (country, admin1 or "") -> names that can be it
        for c in cands:
            for r in self.rows.get(id(c), ())[:SUPPORT_ROWS]:
                if gaz.is_country(r):
                    self.areas.setdefault((gaz.country_code[r], ""), set()).add(c.key)
                elif gaz.feature_code[r] == "ADM1":
                    self.areas.setdefault((gaz.country_code[r], gaz.admin1[r]), set()).add(c.key)
                else:
                    self.cells.setdefault((int(gaz.lat[r] // 1), int(gaz.lon[r] // 1)), set()).add(c.key)
        self.n_keys = len({c.key for c in cands if c.rows})
        self._support: dict[tuple[int, str], int] = {}
        self.guess_countries: Counter = Counter()  # countries of the first guesses of all names
        self.anchors = self._anchors(cands)
        self.memo: dict[tuple[str, str], list] = {}

    def _not_its_container(self, c: Candidate, rows: list[int]) -> list[int]:
        """A name's rows when a container follows it: not the place the container names, and not a
        place that merely has the name as an alias when the container holds a place of that very
        name. In "Oleksandrivka, Donetsk" the village is neither Donetsk city (an old name of it)
        nor the city district Oleksandrivskyi."""
        container = self.containers.get(id(c))
        if container is None or not container.rows:
            return rows
        gaz = self.gaz
        # only a place the container calls by its own name: "Salvador, Bahia" is still Salvador,
        # although Bahia is one of Salvador's old names
        held = {r for r in container.rows if fold(gaz.name[r]) == container.key}
        kept = [r for r in rows if r not in held or fold(gaz.name[r]) == c.key] or rows
        if any(fold(gaz.name[r]) == c.key and self.container_match(c, r) > 0 for r in kept):
            kept = [r for r in kept if fold(gaz.name[r]) == c.key or gaz.is_country(r)
                    or gaz.feature_code[r] in ("ADM1", "ADM2")]
        return kept

    def naming(self, country: str, key: str) -> int:
        """How much the text points to `country`, a name's repeats left out ("Namtu town ...
        coded as Namtu town" is one name of Togo, not two)."""
        return self.countries.get(country, 0) - self.repeated.get((country, key), 0)

    def _anchors(self, cands: list[Candidate]) -> list[tuple[str, float, float]]:
        """A first guess for each distinct name (container, then country, then population)."""
        gaz, out, seen = self.gaz, [], set()
        for c in cands:
            if not c.rows or c.key in seen:
                continue
            seen.add(c.key)
            rows = self.rows[id(c)]
            best = max(rows, key=lambda r: (self.container_match(c, r), self.support(r, c.key),
                                            self.countries.get(gaz.country_code[r], 0),
                                            gaz.feature_code[r].startswith("PPL"), gaz.population[r]))
            self.guess_countries[gaz.country_code[best]] += 1
            if not gaz.is_country(best) and gaz.feature_code[best] != "ADM1":
                out.append((c.key, gaz.lat[best], gaz.lon[best]))
        return out[:12]

    def support(self, row: int, key: str) -> int:
        """How many other names of the text could be a place within about 100 km of this one, or its
        country or admin1 area."""
        # speed: the first guesses and the features ask the same (row, name) twice; the cells are fixed
        found = self._support.get((row, key))
        if found is None:
            found = self._support[(row, key)] = self._count_support(row, key)
        return found

    def _count_support(self, row: int, key: str) -> int:
        if self.gaz.is_country(row) or self.gaz.feature_code[row] in ("CONT", "RGN", "ADM1"):
            return 0
        y, x = int(self.gaz.lat[row] // 1), int(self.gaz.lon[row] // 1)
        near: set[str] = set()
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                near |= self.cells.get((y + dy, x + dx), set())
        cc = self.gaz.country_code[row]
        near |= self.areas.get((cc, ""), set()) | self.areas.get((cc, self.gaz.admin1[row]), set())
        near.discard(key)
        return len(near)

    def container_match(self, c: Candidate, row: int) -> int:
        container = self.containers.get(id(c))
        if container is None:
            return 0
        gaz = self.gaz
        for r in container.rows or ():
            if gaz.is_country(r) and gaz.country_code[r] == gaz.country_code[row]:
                return 1
            if gaz.feature_code[r] in ("ADM1", "ADM2") and gaz.country_code[r] == gaz.country_code[row] and (
                    gaz.admin1[r] == gaz.admin1[row] or gaz.admin2[r] and gaz.admin2[r] == gaz.admin2[row]):
                return 1
        if container.demonym_of == gaz.country_code[row]:
            return 1
        return -1

    def features(self, c: Candidate, row: int, rank: int) -> dict[str, float]:
        gaz = self.gaz
        cc = gaz.country_code[row]
        fc = gaz.feature_code[row]
        f = {"bias": 1.0,
             "log_population": math.log10(gaz.population[row] + 1) / 7,
             # how far below the most populous namesake: 8,000 vs 3,000 people is no strong reason
             "log_population_gap": math.log10((self.top_population.get(id(c), 0) + 1) / (gaz.population[row] + 1)) / 3,
             "is_country": float(gaz.is_country(row)),
             "is_admin1": float(fc == "ADM1"),
             "is_admin2": float(fc == "ADM2"),
             "is_capital": float(fc == "PPLC"),
             "primary_name": float(fold(gaz.name[row]) == c.key),
             "doc_country_share": self.countries.get(cc, 0) / self.total,
             "doc_top_country": float(cc == self.top),
             "guess_country_share": self.guess_countries.get(cc, 0) / max(1, self.n_keys),
             "admin1_named": float(bool(gaz.admin1[row]) and fold(gaz.admin1[row]) in self.admin1
                                   and fc != "ADM1"),
             "log_candidates": math.log10(len(c.rows)) / 2}
        if fc in ("ADM1", "ADM2") or fc in ("CONT", "RGN"):
            # "Chattogram" names a city and its division: news means the city more often
            f["area_with_namesake_town"] = float(any(
                gaz.feature_code[r].startswith("PPL") and gaz.country_code[r] == cc and gaz.population[r] >= 1000
                for r in self.rows.get(id(c), ())))
        support = self.support(row, c.key)
        f["support_share"] = support / max(1, self.n_keys - 1)
        f["has_support"] = float(support > 0)
        match = self.container_match(c, row)
        f["container_match"] = float(match > 0)
        f["container_mismatch"] = float(match < 0)
        dists = [flat_km(gaz.lat[row], gaz.lon[row], lat, lon) for key, lat, lon in self.anchors if key != c.key]
        if dists and not gaz.is_country(row):
            d = min(dists)
            f["near_25km"] = float(d <= 25)
            f["near_100km"] = float(d <= 100)
            f["log_nearest_km"] = math.log10(d + 1) / 4
        else:
            f["no_anchor"] = 1.0
        return f


    def candidate_features(self, c: Candidate) -> list[tuple[int, dict[str, float]]]:
        """(row, features) for each candidate place of a name, with features relative to the others:
        the candidate closest to the text's other places, the most populous."""
        rows = self.rows.get(id(c), ())
        feats = [(row, self.features(c, row, rank)) for rank, row in enumerate(rows)]
        if any(f["primary_name"] for _, f in feats):
            for _, f in feats:  # "Richmond" is a town's own name: a town that merely has it as an alias loses
                f["alias_beside_own_name"] = 1.0 - f["primary_name"]
        dists = [f.get("log_nearest_km", 9.0) for _, f in feats]
        if len(feats) > 1 and min(dists) < 9.0:
            nearest = dists.index(min(dists))
            if min(dists) <= 0.58:  # log10(200 km) / 4: near enough to tell
                feats[nearest][1]["nearest_candidate"] = 1.0
        return feats


def _containers(text: str, cands: list[Candidate], gaz: Gazetteer) -> dict[int, Candidate]:
    """For "Springfield, Illinois" and "Hebron (West Bank)": the name that contains the one before it."""
    out = {}
    for i, a in enumerate(cands):
        # "Kongo (Oyam, Northern)", "Kinyamahura (Bwisha, Rutshuru, Nord-Kivu)": the list after a
        # name goes from district to region; its first area is the container
        prev = a
        for b in cands[i + 1:i + 4]:
            gap = text[prev.end:b.start]
            if gap not in _CONTAINER_GAPS or (prev is not a and gap not in (", ", ",")):
                break
            if b.demonym_of or any(gaz.is_country(r) or gaz.feature_code[r] in ("ADM1", "ADM2") for r in b.rows):
                out[id(a)] = b
                break
            prev = b
        if id(a) not in out and text[a.end:a.end + 2] == " (":
            # "Orikhove (Sievierodonetskyi, Luhansk)": district names the gazetteer lacks
            close = text.find(")", a.end, a.end + 120)
            for b in cands[i + 1:i + 5]:
                if close < 0 or b.end > close:
                    break
                if any(gaz.is_country(r) or gaz.feature_code[r] == "ADM1" for r in b.rows):
                    out[id(a)] = b
                    break
    return out


def score_rows(c: Candidate, ctx: DocumentContext, weights: dict[str, float]) -> list[tuple[int, float]]:
    """(row, probability) for each candidate row, best first (the same name with the same
    containing name scores the same everywhere in a text: computed once)."""
    container = ctx.containers.get(id(c))
    memo_key = (c.key, container.key if container else "")
    if memo_key in ctx.memo:
        return ctx.memo[memo_key]
    scored = []
    for row, feats in ctx.candidate_features(c):
        z = 0.0
        for k, v in feats.items():
            if v:  # speed: most features are 0.0 and add nothing to the sum
                z += weights.get(k, 0.0) * v
        scored.append((row, 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))))
    scored.sort(key=lambda x: -x[1])
    ctx.memo[memo_key] = scored
    return scored
