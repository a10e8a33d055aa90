"""Show why GVA incidents get a wrong date: a diagnostic for the events' date rules.

Usage: python benchmarks/gva_dates_diagnose.py [N_INCIDENTS] [--quiet]
       python benchmarks/gva_dates_diagnose.py --time [N_ARTICLES]   (default 800)
--time prints what the date code costs per GVA article: nlp's `find_dates` and the events stage's
`document_dates` + `date_the_violence` (best of 5 passes; the rest of the pipeline excluded).
Runs the pipeline over the articles of the first N gold incidents, takes per incident the Event the
scorer takes (`sitrep.evaluate.gva`), and for each wrong date prints the gold date, the Event's date
and, per member mention, its document's publication date, its date and the words around the date's
evidence, with what those words date (`Mention.date_role`: violence, step, death, span, or "-" when
they do not say). Then a tally of the misses by kind:
- reconcile: some member mention had the gold date, the Event took another;
- no words: the mentions' dates rest on no words (the publication date was used);
- off by N days: the mention's date words resolved N days from the gold date.
Each miss is also marked "said" when some member report says the gold day in words (any date
expression resolving to it: the rules chose another) or "unsaid" (no words of the reports give it:
GVA's day comes from elsewhere, or the report's own date is off); a tally of both follows, and
one of the misses by the scored Event's type (the scorer may take a report's protest or riot).
Last, every scored Event (right or wrong) by what its date rests on: words told with the violence,
other words (a step, a span, an undated role), or no words at all (the publication day), with how
many are right and, for the wrong ones, how far GVA's day lies from the reports' first publication
day: the ceiling of reading dates from these reports.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import json
import time

from sitrep.events import extract as extract_events
from sitrep.events.dates import date_the_violence, document_dates
from sitrep.evaluate.gva import documents_by_incident, events_by_document, incident_event, load, to_document
from sitrep.ingest.headline import with_headline
from sitrep.nlp.dates import find_dates
from sitrep.pipeline import extract

GOLD = Path(__file__).resolve().parents[2] / "shared" / "data" / "gva"


def _context(text: str, span, before: int = 70, after: int = 50) -> str:
    s, e = span.start, span.end
    return (text[max(0, s - before):s] + "[[" + text[s:e] + "]]" + text[e:e + after]).replace("\n", " / ")


def _best_of(passes: int, run) -> float:
    best = float("inf")
    for _ in range(passes):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def time_dates(n: int) -> None:
    """Milliseconds per article of the date code over the first `n` GVA articles."""
    from sitrep.nlp import analyze
    with open(GOLD / "documents.jsonl", encoding="utf-8") as f:
        rows = [json.loads(line) for line, _ in zip(f, range(n))]
    docs = [with_headline(to_document(r)) for r in rows]
    analyses = [analyze(d) for d in docs]
    mentions = [extract_events(a) for a in analyses]  # all of them: an upper bound of the violent ones

    def nlp_dates():
        for d in docs:
            find_dates(d.text, d.published, d.id)

    def event_dates():
        for a, ms in zip(analyses, mentions):
            date_the_violence(a, ms, document_dates(a))

    print(f"{len(docs)} articles: nlp find_dates {_best_of(5, nlp_dates) / len(docs) * 1000:.3f} ms/article, "
          f"events document_dates + date_the_violence {_best_of(5, event_dates) / len(docs) * 1000:.3f} ms/article")


def main() -> None:
    if "--time" in sys.argv:
        rest = [a for a in sys.argv[1:] if a != "--time"]
        time_dates(int(rest[0]) if rest else 800)
        return
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    quiet = "--quiet" in sys.argv
    n = int(args[0]) if args else 200
    incidents, articles = load(GOLD, n)
    docs = {a["doc_id"]: with_headline(to_document(a)) for a in articles}  # evidence offsets count the headline
    events = extract(list(docs.values()))
    texts = {d.id: d.text for d in docs.values()}
    by_doc, docs_of = events_by_document(events), documents_by_incident(articles)
    kinds, said, types = Counter(), Counter(), Counter()
    resting: dict[str, Counter] = {}
    for inc in incidents:
        event = incident_event(docs_of[str(inc["incident_uri"])], by_doc, str(inc.get("address") or ""))
        if event is None:
            kinds["no event"] += 1
            continue
        gold = str(inc.get("date_iso"))
        _tally_resting(resting, event, gold)
        if event.date is not None and event.date.isoformat() == gold:
            kinds["right"] += 1
            continue
        members = event.mentions
        if any(m.date is not None and m.date.isoformat() == gold for m in members):
            kind = "reconcile"
        elif all("date" not in m.evidence for m in members):
            kind = "no words"
        else:
            off = (event.date - __import__("datetime").date.fromisoformat(gold)).days if event.date else None
            kind = f"off by {off:+d} days" if off is not None and abs(off) <= 7 else "off by more"
        kinds[kind] += 1
        types[f"{event.event_type}/{event.disorder_type}"] += 1
        told = any(d.value is not None and d.value.isoformat() == gold
                   for doc_id in {m.doc_id for m in members}
                   for d in find_dates(texts.get(doc_id, ""), docs[doc_id].published if doc_id in docs else None))
        said[(kind if kind in ("reconcile", "no words") else "off by", "said" if told else "unsaid")] += 1
        if quiet:
            continue
        print(f"=== incident {inc['incident_uri']} gold={gold} event={event.date} "
              f"[{kind}, {'said' if told else 'unsaid'}] sources={event.n_sources} "
              f"type={event.sub_event_type}/{event.disorder_type}")
        for m in members:
            span = m.evidence.get("date")
            words = _context(texts.get(m.doc_id, ""), span) if span is not None else "(no words)"
            print(f"  - {m.doc_id[:12]} pub={m.published} date={m.date} p={m.date_precision} "
                  f"role={m.date_role or '-'} :: {words!r}")
    total = sum(kinds.values()) or 1
    for kind, count in kinds.most_common():
        print(f"{kind:>16}: {count:5d}  {count / total:.3f}")
    print("misses by whether a member report says the gold day:")
    for (kind, told), count in sorted(said.items()):
        print(f"{kind:>16} {told:>6}: {count:5d}")
    print("misses by the scored event's type (a report's protest or riot may be the one scored):")
    for kind, count in types.most_common():
        print(f"{kind:>50}: {count:5d}")
    print("every scored event by what its date rests on (wrong ones by GVA's day minus first publication day):")
    for basis, tally in sorted(resting.items(), key=lambda kv: -sum(kv[1].values())):
        right, total = tally.pop("right", 0), sum(tally.values())
        offsets = ", ".join(f"{k}: {n}" for k, n in sorted(tally.items(), key=lambda kv: -kv[1])[:6])
        print(f"{basis:>22}: {right:4d} right of {right + total:4d} ({right / max(1, right + total):.3f})  wrong: {offsets}")


def _tally_resting(resting: dict[str, Counter], event, gold: str) -> None:
    """Count the event under what its date rests on, right or by how far GVA's day lies."""
    if event.date is None:
        return
    dating = [m for m in event.mentions if m.date == event.date and "date" in m.evidence]
    roles = {m.date_role for m in dating}
    basis = "no words" if not dating else "words, violence" if "violence" in roles else "other words"
    tally = resting.setdefault(basis, Counter())
    if event.date.isoformat() == gold:
        tally["right"] += 1
        return
    published = min((m.published for m in event.mentions if m.published), default=None)
    if published is None:
        tally["no publication day"] += 1
        return
    off = (__import__("datetime").date.fromisoformat(gold) - published).days
    tally[f"pub{off:+d}" if abs(off) <= 3 else "far"] += 1


if __name__ == "__main__":
    main()
