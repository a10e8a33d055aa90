"""Add the US towns of the ZIP code list (the `zipcodes` package) to a gazetteer, outside its name index.

GeoNames' cities500 lacks many small US towns and all New England towns (they are townships there):
Monroe, Conn., Berlin, Conn., Madison, Tenn. Their names are common words and surnames as often as
towns, so they are not offered to the recognizer; `home` looks them up (`Gazetteer.local_rows_for`)
only to read a name already taken for a place as the town of that name in a state the report names.
"""

from __future__ import annotations

from collections import defaultdict

from sitrep.geo.folding import fold
from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.lexicon import us_state_codes


def add_us_zip_towns(gaz: Gazetteer) -> int:
    """Append one row per town of the ZIP list absent from the gazetteer's towns of its state
    (at the median of its ZIP points); returns how many. Without the package, adds none."""
    try:
        import zipcodes
    except ImportError:
        return 0
    from sitrep.geo.build import centroid

    state_names = us_state_codes()
    points: dict[tuple[str, str], list] = defaultdict(list)
    for z in zipcodes.list_all():
        if z.get("zip_code_type") != "STANDARD" or z.get("state") not in state_names:
            continue
        try:
            points[(z["city"], z["state"])].append((float(z["lat"]), float(z["long"])))
        except (KeyError, TypeError, ValueError):
            continue
    known = {(fold(gaz.name[r]), gaz.admin1[r]) for r in range(len(gaz))
             if gaz.country_code[r] == "US" and gaz.feature_code[r].startswith("PPL")}
    added = 0
    for (city, state), pts in sorted(points.items()):
        name, admin1 = city.replace("Mc ", "Mc"), state_names[state]
        key = fold(name)
        if (key, admin1) in known:
            continue
        lat, lon = centroid(pts)
        row = gaz.add_place(None, name, lat, lon, 0, "US", admin1, "", "PPL", index_name=False)
        gaz.local_names[key] = gaz.local_names.get(key, ()) + (row,)
        added += 1
    return added
