"""Score event classification against CASE 2021 task 2 snippets (ACLED sub-types + 5 others).

Each snippet goes through the pipeline as a document of its own (`sitrep.pipeline.extract`: nlp,
events, geo, the report's sentences of one event merged), as `sitrep run` would code it; the
predicted label is the sub-type of its most confident event, and a snippet with no event has none. While the extractor is still the placeholder that finds
nothing, the scorer classifies the whole snippet with `sitrep.events.classify` and says so in the
report. The snippets are a held-out measure: nothing in sitrep is trained or tuned on them.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

from sklearn.metrics import accuracy_score, f1_score

from sitrep.evaluate.report import Report
from sitrep.taxonomy import case_label_to_sub_type, case_outside_acled

NO_EVENT = "NO_EVENT"  # the prediction when the stage produces no event
CRIMINAL_LABEL = "ORG_CRIME"


def read_snippets(path: str | Path, limit: int | None = None) -> list[tuple[str, str, str]]:
    """(id, snippet, CASE label) rows of snippets.tsv (or of snippets.tsv inside a folder)."""
    path = Path(path)
    if path.is_dir():
        path = path / "snippets.tsv"
    known = set(case_label_to_sub_type()) | set(case_outside_acled())
    rows = []
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if not header or [h.strip() for h in header[:3]] != ["id", "EventSnippet", "SubType"]:
            raise ValueError(f"{path}: expected a TSV with columns id, EventSnippet, SubType")
        for n, row in enumerate(reader, 2):
            if len(row) < 3:
                continue
            label = row[2].strip()
            if label not in known:
                raise ValueError(f"{path}:{n}: unknown CASE label {label!r}")
            rows.append((row[0].strip(), row[1].strip(), label))
            if limit is not None and len(rows) >= limit:
                break
    return rows


def _extract_is_placeholder() -> bool:
    import importlib

    # by module name: the package `sitrep.events` re-exports the function under the same name
    extract_module = importlib.import_module("sitrep.events.extract")
    return "placeholder" in (extract_module.__doc__ or "").lower()


def predict(snippets: list[tuple[str, str]], whole_snippet: bool) -> list[tuple[str | None, bool]]:
    """(sub-event type or None, criminal) per (id, text) snippet."""
    if whole_snippet:
        from sitrep.events.classify import classify

        return [(c.sub_event_type, c.criminal) for c in classify([text for _, text in snippets])]
    from sitrep.model import Document
    from sitrep.pipeline import extract

    out = []
    for sid, text in snippets:
        try:
            found = extract([Document(id=f"case2021-{sid}", text=text)])
        except Exception as e:  # a failure on one snippet is scored as "no event", and said
            print(f"sitrep: case2021 snippet {sid}: {type(e).__name__}: {e}", file=sys.stderr)
            found = []
        if not found:
            out.append((None, False))
            continue
        best = max(found, key=lambda e: e.confidence)
        out.append((best.sub_event_type, best.disorder_type == "Criminal violence"))
    return out


def score(gold: str | Path, limit: int | None = None, whole_snippet: bool | None = None) -> Report:
    """Weighted/macro F1 and accuracy on the 25 ACLED labels, weighted F1 on all 30, non-event share."""
    rows = read_snippets(gold, limit)
    if whole_snippet is None:
        whole_snippet = _extract_is_placeholder()
    preds = predict([(sid, text) for sid, text, _ in rows], whole_snippet)
    to_case = {sub: case for case, sub in case_label_to_sub_type().items()}
    outside = case_outside_acled()
    non_events = {label for label, kind in outside.items() if kind == "none"}

    gold25, pred25, gold30, pred30 = [], [], [], []
    for (_, _, label), (sub, criminal) in zip(rows, preds):
        as_case = to_case.get(sub, NO_EVENT) if sub else NO_EVENT
        if label in to_case.values():
            gold25.append(label)
            pred25.append(as_case)
        if sub is None:
            p30 = label if label in non_events else NO_EVENT
        elif criminal:
            p30 = CRIMINAL_LABEL
        else:
            p30 = as_case
        gold30.append(label)
        pred30.append(p30)

    labels25 = sorted(case_label_to_sub_type())
    labels30 = labels25 + sorted(outside)
    ne_gold = [(g, p) for g, p in zip(gold30, pred30) if g in non_events]
    metrics = {
        "weighted_f1_acled25": f1_score(gold25, pred25, labels=labels25, average="weighted", zero_division=0),
        "macro_f1_acled25": f1_score(gold25, pred25, labels=labels25, average="macro", zero_division=0),
        "accuracy_acled25": accuracy_score(gold25, pred25) if gold25 else 0.0,
        "weighted_f1_all30": f1_score(gold30, pred30, labels=labels30, average="weighted", zero_division=0),
        "non_event_without_event": (sum(g == p for g, p in ne_gold) / len(ne_gold)) if ne_gold else 0.0,
    }
    counts = {
        "snippets": len(rows),
        "acled_label_snippets": len(gold25),
        "non_event_snippets": len(ne_gold),
        "acled_snippets_without_event": sum(p == NO_EVENT for p in pred25),
        "whole_snippet_classified": int(whole_snippet),
    }
    return Report("CASE 2021 task 2 (event sub-types)", metrics, counts, _details(gold30, pred30, whole_snippet))


def _details(gold: list[str], pred: list[str], whole_snippet: bool, top: int = 15) -> str:
    """The most frequent confusions, gold -> predicted."""
    pairs = Counter((g, p) for g, p in zip(gold, pred) if g != p)
    lines = []
    if whole_snippet:
        lines.append("note: each whole snippet was classified with sitrep.events.classify, not through "
                     "sitrep.events.extract (which is still a placeholder, or whole_snippet=True was asked)")
    lines.append(f"most frequent confusions (gold -> predicted), top {top}:")
    lines += [f"  {n:>3}  {g} -> {p}" for (g, p), n in pairs.most_common(top)]
    return "\n".join(lines)
