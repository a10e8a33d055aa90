"""Load the merging rules (type compatibility, date/place windows, weights) from data/merge_rules.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from sitrep.data_files import read_yaml


@dataclass(frozen=True)
class Rules:
    """The merge rules, with the type-compatibility table expanded for O(1) look-ups."""

    raw: dict
    type_scores: dict[tuple[str, str], float]
    revision_phrases: tuple[str, ...]
    ignored_words: frozenset[str]
    ignored_names: frozenset[str]  # capitalized words every report uses (see data/merge_rules.yaml, names)
    loose_disorders: frozenset[str]  # disorder types whose type and place gates are penalties
    day_names: frozenset[str]  # words that name a day: weekdays, months (data/merge_rules.yaml, date_vote)
    figure_words: frozenset[str]  # words that state a figure ("three", "both"; data/merge_rules.yaml, tolls)
    majority_tolls: frozenset[str]  # disorder types whose death toll is the reports' majority (tolls)
    death_told: re.Pattern  # words that tell a death though no toll was read ("murder charges"; tolls)
    roundup: re.Pattern  # words of a toll told of several shootings ("in separate shootings"; tolls)
    alive: re.Pattern  # words that tell a shot victim lived ("wounded", "in critical condition"; tolls)
    dead_beside_wounded: re.Pattern  # words of a death in the wounded's sentence ("left another dead"; tolls)

    def __getitem__(self, key: str):
        return self.raw[key]

    def type_points(self, a: str, b: str) -> float | None:
        """Points for two sub-event types; None when they never describe the same event."""
        if a == b:
            return self.raw["type_compat"]["same"]
        return self.type_scores.get((a, b))


def _type_table(spec: dict) -> dict[tuple[str, str], float]:
    table: dict[tuple[str, str], float] = {}
    for pairs_of, score in ((spec.get("families") or [], spec["family_score"]),
                            (spec.get("weak") or [], spec["weak_score"]),
                            (spec.get("groups") or [], spec["group_score"])):
        for group in pairs_of:  # closer ties last: a pair in a family and a group gets the group's points
            for a in group:
                for b in group:
                    if a != b:
                        table[(a, b)] = score
    return table


@lru_cache(maxsize=1)
def rules() -> Rules:
    """The rules shipped in data/merge_rules.yaml, read once."""
    raw = read_yaml(resources.files("sitrep.incidents").joinpath("data/merge_rules.yaml"))
    return Rules(raw=raw, type_scores=_type_table(raw["type_compat"]),
                 revision_phrases=tuple(p.lower() for p in raw["revision_phrases"]),
                 ignored_words=frozenset(w.lower() for w in raw["text"]["ignore"]),
                 ignored_names=frozenset(w.lower() for w in raw["names"]["ignore"]),
                 loose_disorders=frozenset(raw["type_compat"].get("loose_disorders") or ()),
                 day_names=frozenset(w.lower() for w in raw["date_vote"]["day_names"]),
                 figure_words=frozenset(w.lower() for w in raw["tolls"]["figure_words"]),
                 majority_tolls=frozenset(raw["tolls"].get("by_majority") or ()),
                 death_told=re.compile("|".join(raw["tolls"]["death_told"]), re.I),
                 roundup=re.compile("|".join(raw["tolls"]["roundup"]), re.I),
                 alive=re.compile("|".join(raw["tolls"]["alive"]), re.I),
                 dead_beside_wounded=re.compile("|".join(raw["tolls"]["dead_beside_wounded"]), re.I))
