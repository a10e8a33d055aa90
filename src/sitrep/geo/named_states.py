"""Which US states a report names: outright, by its counties and towns, and by its outlet.

A state named is the strongest cue to which namesake a bare town means ("Jacksonville" in a report
naming Onslow County, N.C.). A known outlet's state counts as named, and the towns and counties
of its report are read as their namesakes in that state unless the report names the state they
were read in (`home.report_home` uses these states throughout).
"""

from __future__ import annotations

from functools import lru_cache

from sitrep.geo.folding import fold
from sitrep.geo.gazetteer import get_gazetteer
from sitrep.geo.lexicon import us_state_codes
from sitrep.geo.namesakes import is_town, namesake_in_named_state
from sitrep.model import Place, Toponym


@lru_cache(maxsize=1)
def us_state_names() -> frozenset[str]:
    return frozenset(fold(name) for name in us_state_codes().values())


def named_states(toponyms: list[Toponym]) -> set[str]:
    """The first-level areas (US states) the text names, itself or by a county, folded. A county's
    name ("Wayne County": a dozen states have one) counts only when it is the only county of that
    name or a town of the text lies in its state."""
    gaz = get_gazetteer()
    states = {fold(t.place.admin1) for t in toponyms if t.place is not None and t.place.feature_code == "ADM1"}
    town_states = {fold(t.place.admin1) for t in toponyms if is_town(t.place)}
    for t in toponyms:
        if t.place is None or t.place.feature_code != "ADM2" or not t.place.admin1:
            continue
        state = fold(t.place.admin1)
        namesakes = [r for r in gaz.lookup(t.span.text) if gaz.feature_code[r] == "ADM2"
                     and gaz.country_code[r] == t.place.country_code]
        if len(namesakes) == 1 or state in town_states:
            states.add(state)
    return states


def outlet_states(placed: list[Toponym], title_states: set[str], outlet: Place) -> set[str]:
    """The US states a known outlet's report names: its own, those named outright, and those of
    the counties and towns it names, each read as its namesake in the outlet's state unless the
    report names the state it was read in ("MONTGOMERY COUNTY (WSLS 10)" is no Alabama report).
    Another country's first-level area ("Berlin") is a misreading, no state the report names."""
    own = fold(outlet.admin1)
    named = {fold(t.place.admin1) for t in placed if t.place.feature_code == "ADM1"} | title_states | {own}
    moved = {id(t): namesake_in_named_state(t, {own}, placed) for t in placed if fold(t.place.admin1) not in named}
    # a name with no namesake in the outlet's state keeps its own state named ("Ripley County" with
    # Doniphan, Mo. is Missouri's in an Evansville station's report)
    # ... unless another name read in that state has a namesake in the outlet's: "Plymouth, Orange
    # County" of an Orlando paper read together in Indiana is Florida's Orange County and a place
    # of it the gazetteer lacks
    contradicted = {fold(t.place.admin1) for t in placed if moved.get(id(t)) is not None}
    kept = named | {fold(t.place.admin1) for t in placed if id(t) in moved and moved[id(t)] is None
                    and fold(t.place.admin1) not in contradicted and local_county(t.span.text, {own}) is None}
    reread = [Toponym(t.span, moved[id(t)], t.score) if moved.get(id(t)) is not None
              and fold(t.place.admin1) not in kept else t for t in placed]
    return {s for s in named_states(reread) | title_states | {own} if s in us_state_names()}


def local_county(name: str, states: set[str]) -> Place | None:
    """The county of that name in one of `states` ("DeKalb" -> DeKalb County, Ga.), when no town
    of theirs bears the name: a name local news gives its county's police or people."""
    return _local_county(fold(name), frozenset(states))


@lru_cache(maxsize=2048)
def _local_county(name: str, states: frozenset[str]) -> Place | None:
    gaz = get_gazetteer()
    rows = gaz.lookup(name)
    if any(gaz.feature_code[r].startswith("PPL") and fold(gaz.admin1[r]) in states for r in rows):
        return None
    counties = [r for r in gaz.lookup(name + " County") if gaz.feature_code[r] == "ADM2"
                and fold(gaz.admin1[r]) in states]
    return gaz.place(counties[0]) if len(counties) == 1 else None
