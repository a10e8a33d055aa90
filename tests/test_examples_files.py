"""The examples folder reads into the documents its README lists, with titles, dates and outlets."""

from __future__ import annotations

from datetime import date

from conftest import EXAMPLES

from sitrep.ingest import Deduplicator, read_documents


def _read_examples():
    skipped: list = []
    docs = list(read_documents([EXAMPLES], skipped.append))
    return docs, skipped


def test_examples_read_without_any_skipped_file():
    docs, skipped = _read_examples()
    assert not skipped, skipped  # README.md is documentation, passed over without a report
    assert len(docs) == 17
    assert len({d.id for d in docs}) == 17
    for d in docs:
        assert d.title and d.published and d.source, d.id
        assert 150 <= len(d.text) <= 3000, d.id  # short reports, page furniture removed


def test_examples_cover_every_format_and_the_listing_split():
    docs, _ = _read_examples()
    ids = [d.id for d in docs]
    assert [i for i in ids if i.startswith("region_news_listing#")] == [f"region_news_listing#{n}" for n in range(1, 5)]
    assert {"israeli_outlet_article", "palestinian-outlet-qabatiya", "protest_cali", "arrest_chattogram", "city_roundup",
            "wire-001", "wire-002", "wire-003", "wire-004", "toll_update_idlib"} <= set(ids)
    by_title = {d.title: d for d in docs}
    assert by_title["Air strikes hit Saada market area, killing four"].published == date(2024, 1, 24)  # RSS
    assert by_title["M23 and army clash near Sake as fighting edges closer to Goma"].published == date(2024, 2, 16)  # WARC


def test_one_incident_in_both_sides_vocabularies_is_not_deduplicated():
    docs, _ = _read_examples()
    dd = Deduplicator()
    dropped = {d.id: reason for d in docs if (reason := dd.check(d))}
    assert dropped == {"wire-004": dropped.get("wire-004")}
    assert dropped["wire-004"].startswith("near duplicate of wire-001")
    texts = {d.id: d.text for d in docs}
    assert "martyred" in texts["palestinian-outlet-qabatiya"] and "occupation forces" in texts["palestinian-outlet-qabatiya"]
    assert "neutralized" in texts["israeli_outlet_article"] and "terrorists" in texts["israeli_outlet_article"]
    for furniture in ("cookies", "donate", "newsletter", "Related stories"):
        assert furniture.lower() not in texts["israeli_outlet_article"].lower()
