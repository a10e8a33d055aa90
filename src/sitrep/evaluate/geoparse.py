"""Score the geoparser on LGL, GeoVirus and TR-News: recognition P/R/F1 and resolution within 161 km.

Recognition counts a found name as correct when its span OVERLAPS a gold span (each gold span
matched at most once); the exact-span figures are reported beside it. Resolution accuracy is the
share of matched gold names placed within 161 km (100 miles) of the gold point, over matched names
and over all gold names (a missed name counts as wrong there).
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.evaluate.report import Report
from sitrep.geo.distance import haversine_km

CORPORA = ("lgl.xml", "GeoVirus.xml", "TR-News.xml")
KM_161 = 161.0


@dataclass
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float
    lon: float
    geonameid: int | None = None


@dataclass
class GoldDoc:
    id: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)


def _num(el, tag: str) -> float | None:
    v = el.findtext(tag)
    try:
        return float(v) if v not in (None, "") else None
    except ValueError:
        return None


def _align(text: str, start: int, end: int, phrase: str) -> tuple[int, int]:
    """Gold offsets as given when they hold the phrase, else the nearest place that does.

    GeoVirus counts from 1 and some TR-News offsets drift by a few characters; the phrase is
    the annotators' intent, so the span is moved (never resized) to where the phrase sits.
    """
    if not phrase or text[start:end] == phrase:
        return start, end
    for shift in sorted(range(-40, 41), key=abs):
        s = start + shift
        if 0 <= s and text[s:s + len(phrase)] == phrase:
            return s, s + len(phrase)
    return start, end


def load_gold(path: str | Path) -> list[GoldDoc]:
    """Articles and their gold place names from one corpus file (LGL/TR-News or GeoVirus layout)."""
    root = ET.parse(path).getroot()
    docs: list[GoldDoc] = []
    for i, art in enumerate(root.iter("article")):
        text = art.findtext("text") or ""
        doc = GoldDoc(id=art.get("docid") or f"{Path(path).stem}-{i}", text=text)
        for el in list(art.iter("toponym")) + list(art.iter("location")):
            start, end = _num(el, "start"), _num(el, "end")
            gaz = el.find("gaztag")
            src = gaz if gaz is not None else el
            lat, lon = _num(src, "lat"), _num(src, "lon")
            if start is None or end is None or lat is None or lon is None:
                continue  # a name the annotators could not place is not scored
            gid = gaz.get("geonameid") if gaz is not None else None
            phrase = (el.findtext("phrase") or el.findtext("name") or "").strip()
            start, end = _align(text, int(start), int(end), phrase)
            doc.toponyms.append(GoldToponym(start, end, text[start:end], lat, lon,
                                            int(gid) if gid and gid.isdigit() else None))
        docs.append(doc)
    return docs


def _files(gold: str | Path) -> list[Path]:
    p = Path(gold)
    if p.is_dir():
        found = [p / name for name in CORPORA if (p / name).exists()]
        if not found:
            raise FileNotFoundError(f"no {', '.join(CORPORA)} in {p}")
        return found
    return [p]


def score_corpus(docs: list[GoldDoc], geoparse_text) -> dict:
    """Figures for one corpus; `geoparse_text(doc_id, text)` returns sitrep Toponyms."""
    tp = exact = n_pred = n_gold = 0
    within = exact_id = n_id = 0
    errors: list[float] = []
    n_names = 0
    t0 = time.perf_counter()
    for d in docs:
        preds = geoparse_text(d.id, d.text)
        n_pred += len(preds)
        n_names += len(preds)
        n_gold += len(d.toponyms)
        used: set[int] = set()
        for g in d.toponyms:
            hit = next((i for i, p in enumerate(preds) if i not in used
                        and p.span.start < g.end and g.start < p.span.end), None)
            if hit is None:
                continue
            used.add(hit)
            tp += 1
            p = preds[hit]
            exact += p.span.start == g.start and p.span.end == g.end
            if p.place is None:
                errors.append(20038.0)  # half the Earth's circumference: unresolved
                continue
            km = haversine_km(g.lat, g.lon, p.place.latitude, p.place.longitude)
            errors.append(km)
            within += km <= KM_161
            if g.geonameid is not None:
                n_id += 1
                exact_id += p.place.geonameid == g.geonameid
    seconds = time.perf_counter() - t0
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    out = {"precision": precision, "recall": recall, "f1": f1,
           "exact_span_precision": exact / n_pred if n_pred else 0.0,
           "exact_span_recall": exact / n_gold if n_gold else 0.0,
           "acc161_found": within / tp if tp else 0.0,
           "acc161_all": within / n_gold if n_gold else 0.0,
           "mean_error_km": sum(errors) / len(errors) if errors else 0.0,
           "names_per_s": n_names / seconds if seconds else 0.0,
           "gold": n_gold, "predicted": n_pred, "matched": tp, "docs": len(docs)}
    if n_id:
        out["exact_geonameid"] = exact_id / n_id
    return out


def held_out_geoparser(corpus: str):
    """sitrep's geoparser for one gold corpus, each article scored by the weights of the fold
    that held it out in training (`python -m sitrep.geo.train`), when those weights exist.

    Demonyms are included: these corpora mark "Syrian" or "American" as place references.
    """
    import json
    from importlib import resources

    from sitrep.geo.geoparse import geoparse
    from sitrep.model import Document

    try:
        folds = json.loads(resources.files("sitrep.geo").joinpath("data", "weights_folds.json").read_text())["folds"]
    except FileNotFoundError:
        folds = None

    def run(doc_id: str, text: str):
        model = None
        if folds:
            from sitrep.geo.train import fold_of

            model = folds[fold_of(f"{corpus}:{doc_id}")]
        return geoparse(Document(id=doc_id, text=text), demonyms=True, model=model)

    return run


def score(gold: str | Path, limit: int | None = None, geoparse_text=None) -> Report:
    """Score every corpus in `gold` (a folder or one XML file); `limit` caps articles per corpus.

    Without `geoparse_text`, sitrep's geoparser runs with held-out fold weights (see
    `held_out_geoparser`), so the figures are cross-validated, not training fit.
    """
    from sitrep.geo.gazetteer import get_gazetteer

    get_gazetteer()  # the gazetteer load is not counted as speed
    report = Report(name="geoparse (recognition: overlapping spans; resolution: within 161 km; "
                         "held-out fold weights)")
    rows = []
    for path in _files(gold):
        corpus = path.stem
        docs = load_gold(path)[:limit] if limit else load_gold(path)
        fig = score_corpus(docs, geoparse_text or held_out_geoparser(corpus))
        for k, v in fig.items():
            if k in ("gold", "predicted", "matched", "docs"):
                report.counts[f"{corpus}.{k}"] = int(v)
            else:
                report.metrics[f"{corpus}.{k}"] = round(float(v), 4)
        rows.append(f"{corpus:<10} P {fig['precision']:.3f} R {fig['recall']:.3f} F1 {fig['f1']:.3f} "
                    f"acc161(found) {fig['acc161_found']:.3f} acc161(all) {fig['acc161_all']:.3f} "
                    f"mean km {fig['mean_error_km']:.0f}")
    report.details = "\n".join(rows)
    return report
