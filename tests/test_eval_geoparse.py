"""The geoparse scorer on a slice of LGL and TR-News: the figures exist and stay above floors."""

from sitrep.evaluate.geoparse import load_gold, score


def test_gold_offsets_are_into_the_text(shared_data):
    for name in ("lgl.xml", "GeoVirus.xml", "TR-News.xml"):
        for doc in load_gold(shared_data / "geoparsing" / name)[:30]:
            for t in doc.toponyms:
                assert doc.text[t.start:t.end] == t.text and t.text[:1].isupper()


def test_scorer_floors_on_an_lgl_slice(shared_data):
    report = score(shared_data / "geoparsing" / "lgl.xml", limit=60)
    m = report.metrics
    assert report.counts["lgl.docs"] == 60 and report.counts["lgl.gold"] > 300
    assert m["lgl.precision"] >= 0.70 and m["lgl.recall"] >= 0.72
    assert m["lgl.acc161_found"] >= 0.70
    assert 0 < m["lgl.exact_geonameid"] <= 1


def test_scorer_on_tr_news_slice(shared_data):
    m = score(shared_data / "geoparsing" / "TR-News.xml", limit=30).metrics
    assert m["TR-News.f1"] >= 0.75 and m["TR-News.acc161_found"] >= 0.75
