"""Learn the recognition and resolution weights from LGL, GeoVirus and TR-News, cross-validated.

    python -m sitrep.geo.train [../shared/data/geoparsing]

Writes geo/data/weights.json (the weights trained on all articles, shipped with the package) and
geo/data/weights_folds.json (one set per held-out fold, so `sitrep evaluate geoparse` reports
held-out figures: every gold article is scored by weights that never saw it).
"""

from __future__ import annotations

import json
import sys
import zlib
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from sitrep.evaluate.geoparse import CORPORA, KM_161, load_gold
from sitrep.geo.distance import haversine_km
from sitrep.geo.gazetteer import get_gazetteer
from sitrep.geo.geoparse import accept
from sitrep.geo.lexicon import weights
from sitrep.geo.recognize import find_candidates, recognition_features
from sitrep.geo.resolve import DocumentContext

N_FOLDS = 5
DATA = Path(__file__).parent / "data"


def fold_of(doc_id: str) -> int:
    """The held-out fold of a gold article: stable, from its id."""
    return zlib.crc32(doc_id.encode()) % N_FOLDS


def collect(gold_dir: Path):
    """Feature rows for recognition (one per candidate) and resolution (one per candidate place)."""
    gaz = get_gazetteer()
    model = weights() if (DATA / "weights.json").exists() else None
    rec, res = [], []  # (fold, features, label) / (fold, group, features, label)
    group = 0
    for name in CORPORA:
        for d in load_gold(gold_dir / name):
            fold = fold_of(f"{Path(name).stem}:{d.id}")
            tokens, cands = find_candidates(d.text, gaz, with_demonyms=True)
            recognition_features(d.text, tokens, cands, gaz)
            matched = []
            for c in cands:
                g = next((g for g in d.toponyms if c.start < g.end and g.start < c.end), None)
                rec.append((fold, c.features, int(g is not None)))
                if g is not None and c.rows:
                    matched.append((c, g))
            # the context the resolver sees at run time: what recognition accepts (with the
            # shipped weights when there are some), plus the names being learned from
            kept = accept(cands, model) if model else []
            kept_ids = {id(c) for c in kept}
            ctx = DocumentContext(d.text, sorted(kept + [c for c, _ in matched if id(c) not in kept_ids],
                                                 key=lambda c: c.start), gaz)
            for c, g in matched:
                feats = ctx.candidate_features(c)
                labels = [int(haversine_km(g.lat, g.lon, gaz.lat[r], gaz.lon[r]) <= KM_161) for r, _ in feats]
                if not any(labels):
                    continue  # the gazetteer lacks the place: nothing to learn about choosing
                group += 1
                for (r, f), y in zip(feats, labels):
                    res.append((fold, group, f, y))
    return rec, res


def _matrix(feature_dicts, names):
    return np.array([[f.get(n, 0.0) for n in names] for f in feature_dicts])


def _fit(X, y, names, C=10.0) -> dict[str, float]:
    model = LogisticRegression(C=C, max_iter=2000, fit_intercept=False, class_weight=None)
    model.fit(X, y)
    return {n: round(float(w), 5) for n, w in zip(names, model.coef_[0])}


def _apply(X, w, names):
    z = X @ np.array([w[n] for n in names])
    return 1 / (1 + np.exp(-z))


def train(gold_dir: Path) -> dict:
    rec, res = collect(gold_dir)
    rec_names = sorted({k for _, f, _ in rec for k in f})
    res_names = sorted({k for _, _, f, _ in res for k in f})
    Xr, yr, fr = _matrix([f for _, f, _ in rec], rec_names), np.array([y for *_, y in rec]), np.array([f for f, *_ in rec])
    Xs, ys = _matrix([f for *_, f, _ in res], res_names), np.array([y for *_, y in res])
    fs, gs = np.array([f for f, *_ in res]), np.array([g for _, g, *_ in res])
    folds, pr = [], np.zeros(len(yr))
    correct = total = 0
    for k in range(N_FOLDS):
        tr, te = fr != k, fr == k
        wr = _fit(Xr[tr], yr[tr], rec_names)
        pr[te] = _apply(Xr[te], wr, rec_names)
        ws = _fit(Xs[fs != k], ys[fs != k], res_names)
        ps = _apply(Xs[fs == k], ws, res_names)
        for g in np.unique(gs[fs == k]):
            sel = gs[fs == k] == g
            correct += int(ys[fs == k][sel][np.argmax(ps[sel])])
            total += 1
        folds.append({"recognition": wr, "resolution": ws})
    threshold = _best_threshold(pr, yr)
    cv = {"candidates": int(len(yr)), "candidate_precision": float(((pr >= threshold) & (yr == 1)).sum() / max(1, (pr >= threshold).sum())),
          "candidate_recall": float(((pr >= threshold) & (yr == 1)).sum() / max(1, yr.sum())),
          "resolution_acc161_when_in_gazetteer": correct / max(1, total)}
    full = {"threshold": threshold, "recognition": _fit(Xr, yr, rec_names), "resolution": _fit(Xs, ys, res_names),
            "cross_validation": cv}
    for f in folds:
        f["threshold"] = threshold
    return {"full": full, "folds": folds}


def _best_threshold(p, y) -> float:
    """The cut that maximizes F1 over candidates, on held-out predictions."""
    best, best_f1 = 0.5, -1.0
    for t in np.arange(0.2, 0.8, 0.02):
        tp = ((p >= t) & (y == 1)).sum()
        prec, rec = tp / max(1, (p >= t).sum()), tp / max(1, y.sum())
        f1 = 2 * prec * rec / max(1e-9, prec + rec)
        if f1 > best_f1:
            best, best_f1 = round(float(t), 2), f1
    return best


def main(argv: list[str]) -> None:
    # default: ../shared/data/geoparsing beside the repository
    gold_dir = Path(argv[0]) if argv else Path(__file__).resolve().parents[4] / "shared" / "data" / "geoparsing"
    out = train(gold_dir)
    (DATA / "weights.json").write_text(json.dumps(out["full"], indent=1) + "\n", encoding="utf-8")
    (DATA / "weights_folds.json").write_text(json.dumps({"n_folds": N_FOLDS, "folds": out["folds"]}) + "\n",
                                             encoding="utf-8")
    print(json.dumps(out["full"]["cross_validation"], indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
