"""ingest: every input format, listing pages, duplicates, encodings and bad input."""

from __future__ import annotations

import gzip
import json
import pathlib
import random
from datetime import date
from io import BytesIO

import pytest

from sitrep.ingest import Deduplicator, read_documents
from sitrep.ingest.records import document_from_record, parse_published
from sitrep.model import Document

# A report written for these tests; long enough for near-duplicate detection.
REPORT = (
    "Security forces clashed with armed men on the road between Gao and Ansongo in eastern Mali on "
    "Saturday, killing four of the attackers, the army said in a statement on Sunday. Two soldiers "
    "were wounded and taken to the hospital in Gao. The attackers had set up a checkpoint on the road "
    "and stopped a convoy of trucks carrying food to Ansongo, residents said. The army said its "
    "patrol recovered motorbikes and rifles after the fighting, which lasted about an hour."
)

BACKGROUND = (
    "The road links Gao with the towns along the Niger river to the south and has seen repeated "
    "attacks since the departure of international forces. Traders say the insecurity has doubled "
    "the price of rice and fuel in Ansongo, where many families displaced from surrounding villages "
    "now live with relatives. Local officials have asked for regular escorts for the weekly convoys, "
    "but the army says it lacks the vehicles to patrol the whole route. Armed groups linked to both "
    "al Qaeda and the Islamic State operate in the area and have fought each other as well as the "
    "army for control of the roads and markets. Aid agencies suspended some of their programmes in "
    "the district last year after two of their vehicles were stopped and burned near the river."
)


def body(doc: Document) -> str:
    """The document's text without the headline paragraph that ingest adds after it."""
    return doc.text[:doc.body_end()]


def read(*paths) -> tuple[list[Document], list]:
    skipped: list = []
    docs = list(read_documents([str(p) for p in paths], skipped.append))
    return docs, skipped


def reasons(skipped) -> str:
    return " | ".join(f"{s.record}: {s.reason}" for s in skipped)


# --- JSONL -------------------------------------------------------------------------------------

def test_jsonl_record_fields_and_derived_ids(tmp_path):
    f = tmp_path / "batch.jsonl"
    lines = [
        {"id": "a1", "text": REPORT, "url": "https://x.example/a1", "title": "Clash on Gao road",
         "published": "2024-03-02T10:00:00+00:00", "source": "Example Wire"},
        {"text": "Protesters marched in Dakar on Friday.", "url": "https://x.example/b"},
        {"text": "Police arrested six people in Kano on Monday."},
    ]
    f.write_text("\n".join(json.dumps(r) for r in lines) + "\n", encoding="utf-8")
    docs, skipped = read(f)
    assert not skipped
    assert [d.title for d in docs] == ["Clash on Gao road", None, None]
    first = docs[0]
    assert (first.id, first.url, first.source, first.published) == (
        "a1", "https://x.example/a1", "Example Wire", date(2024, 3, 2))
    # No id: derived from the url, else from the text, the same on every run.
    assert docs[1].id == document_from_record({"text": "other words", "url": "https://x.example/b"}).id
    assert docs[2].id != docs[1].id and len(docs[2].id) == 16
    assert read(f)[0][2].id == docs[2].id


def test_jsonl_gold_style_keys_are_mapped(tmp_path):
    f = tmp_path / "gold.jsonl"
    f.write_text(json.dumps({"doc_id": "d9", "content": REPORT, "dct": "2015-06-01", "uri": "http://y.example/9",
                             "title": "T"}) + "\n", encoding="utf-8")
    (doc,), skipped = read(f)
    assert not skipped
    assert (doc.id, doc.published, doc.url, doc.text) == ("d9", date(2015, 6, 1), "http://y.example/9", REPORT)


def test_jsonl_record_with_html_goes_through_the_page_reader(tmp_path):
    page = ARTICLE_PAGE.replace("{BODY}", REPORT)
    f = tmp_path / "pages.jsonl"
    f.write_text(json.dumps({"id": "p1", "html": page, "published": "2024-03-03"}) + "\n", encoding="utf-8")
    (doc,), skipped = read(f)
    assert not skipped
    assert doc.id == "p1" and doc.published == date(2024, 3, 3)
    assert "Ansongo" in doc.text and "cookies" not in doc.text.lower()


def test_jsonl_record_with_a_listing_page_is_split(tmp_path):
    f = tmp_path / "pages.jsonl"
    f.write_text(json.dumps({"id": "sec", "html": LISTING_PAGE, "url": "https://sahel.example/latest",
                             "published": "2024-03-04"}) + "\n", encoding="utf-8")
    docs, skipped = read(f)
    assert not skipped
    assert [d.id for d in docs] == ["sec#1", "sec#2", "sec#3"]
    assert docs[0].url == "https://sahel.example/2024/03/03/gao"
    assert [d.published for d in docs] == [date(2024, 3, 3), date(2024, 3, 2), None]  # each story's own


def test_gva_gold_documents_read_without_loss(shared_data):
    gold = shared_data / "gva" / "documents.jsonl"
    docs, skipped = read(gold)
    assert not skipped
    with gold.open(encoding="utf-8") as fh:
        gold_ids = [json.loads(line)["doc_id"] for line in fh]
    assert [d.id for d in docs] == gold_ids  # the gold's own ids, in file order
    assert all(d.published and d.url and d.text for d in docs)


# --- text files --------------------------------------------------------------------------------

def test_txt_header_block_title_line_and_plain(tmp_path):
    (tmp_path / "a_header.txt").write_text(
        "Title: Clash on Gao road\nDate: 2024-03-02\nSource: Example Daily\nURL: https://x.example/a\n\n"
        + REPORT, encoding="utf-8")
    (tmp_path / "b_title.txt").write_text("Clash on the Gao road\n\n" + REPORT, encoding="utf-8")
    (tmp_path / "c_plain.txt").write_text(REPORT + "\n\nThe army gave no further details.", encoding="utf-8")
    docs, skipped = read(tmp_path)
    assert not skipped
    a, b, c = docs
    assert (a.id, a.title, a.published, a.source, a.url) == (
        "a_header", "Clash on Gao road", date(2024, 3, 2), "Example Daily", "https://x.example/a")
    assert body(a) == REPORT
    assert (b.title, body(b)) == ("Clash on the Gao road", REPORT)
    assert c.title is None and c.text.startswith("Security forces")


# --- HTML pages --------------------------------------------------------------------------------

ARTICLE_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Army repels attack on Gao road | Sahel Courier</title>
<meta property="og:site_name" content="Sahel Courier">
<meta property="article:published_time" content="2024-03-03T09:00:00Z">
</head><body>
<div class="cookie-banner"><p>We use cookies to give you the best experience. Accept all cookies?</p></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/mali">Mali</a></li><li><a href="/niger">Niger</a></li>
<li><a href="/burkina">Burkina Faso</a></li></ul></nav></header>
<main><article><h1>Army repels attack on Gao road</h1>
<p>{BODY}</p>
<p>The road is the main supply route for towns along the Niger river south of Gao.</p>
<div class="appeal"><p>Support our journalism: please donate today to keep our reporting free.</p></div>
</article>
<aside><h2>Related</h2>
<div class="card"><h3><a href="/a">Convoy attacked near Menaka</a></h3><p>Trucks burned on the road.</p></div>
<div class="card"><h3><a href="/b">Drone strike reported near Kidal</a></h3><p>Residents reported blasts.</p></div>
</aside></main>
<footer><p>Subscribe to our newsletter.</p><p>All rights reserved.</p></footer></body></html>"""


def test_html_article_text_without_page_furniture(tmp_path):
    f = tmp_path / "gao.html"
    f.write_text(ARTICLE_PAGE.replace("{BODY}", REPORT), encoding="utf-8")
    (doc,), skipped = read(f)
    assert not skipped
    assert (doc.id, doc.title, doc.source, doc.published) == (
        "gao", "Army repels attack on Gao road", "Sahel Courier", date(2024, 3, 3))
    assert body(doc).startswith("Security forces clashed") and "supply route" in body(doc)
    for furniture in ("cookies", "donate", "Home", "newsletter", "Menaka", "rights reserved"):
        assert furniture not in doc.text


LISTING_PAGE = """<html><head><title>Sahel - latest | Sahel Courier</title>
<meta property="og:site_name" content="Sahel Courier"></head><body>
<nav><a href="/">Home</a> <a href="/sahel">Sahel</a></nav>
<section class="latest">
<article><h2><a href="/2024/03/03/gao">Army repels attack on Gao road</a></h2>
<time datetime="2024-03-03">3 March 2024</time><p>Four attackers were killed on the road to Ansongo, the army said.</p>
<a href="/2024/03/03/gao">Read more</a></article>
<article><h2><a href="/2024/03/02/niamey">Students protest in Niamey over fees</a></h2>
<span class="date">2 March 2024</span><p>Hundreds of students marched to the education ministry.</p></article>
<article><h2><a href="https://other.example/kaya">Displaced families arrive in Kaya</a></h2>
<p>Aid groups said hundreds of families had arrived after attacks on nearby villages.</p></article>
</section><footer>Sahel Courier</footer></body></html>"""


def test_listing_page_becomes_one_document_per_story(tmp_path):
    f = tmp_path / "sahel.html"
    f.write_text(LISTING_PAGE, encoding="utf-8")
    docs, skipped = read(f)
    assert not skipped
    assert [d.id for d in docs] == ["sahel#1", "sahel#2", "sahel#3"]
    assert [d.title for d in docs] == ["Army repels attack on Gao road", "Students protest in Niamey over fees",
                                       "Displaced families arrive in Kaya"]
    assert [d.published for d in docs] == [date(2024, 3, 3), date(2024, 3, 2), None]
    assert body(docs[0]) == "Four attackers were killed on the road to Ansongo, the army said."
    assert docs[0].url == "/2024/03/03/gao" and docs[2].url == "https://other.example/kaya"
    assert all(d.source == "Sahel Courier" for d in docs)


def test_listing_of_div_cards_without_article_elements(tmp_path):
    cards = "".join(
        f'<div class="card"><h3 class="title"><a href="/s{n}">{head}</a></h3><p>{text}</p></div>'
        for n, (head, text) in enumerate([
            ("Clashes in Ansongo leave two dead", "Fighting broke out near the market."),
            ("Curfew declared in Gao after unrest", "The governor ordered a night curfew."),
        ]))
    f = tmp_path / "cards.html"
    f.write_text(f"<html><body><div class='grid'>{cards}</div></body></html>", encoding="utf-8")
    docs, _ = read(f)
    assert [d.title for d in docs] == ["Clashes in Ansongo leave two dead", "Curfew declared in Gao after unrest"]


def test_front_page_with_several_sections_lists_every_story_once(tmp_path):
    def card(css, href, head, text):
        return f'<div class="{css}"><h3><a href="{href}">{head}</a></h3><p>{text}</p></div>'

    africa = card("a-card", "/gao", "Army repels attack on Gao road", "Four attackers were killed.") + card(
        "a-card", "/kaya", "Displaced families arrive in Kaya", "Hundreds of families arrived.")
    mideast = card("m-card", "/jenin", "Raid in Jenin camp leaves two dead", "Troops entered before dawn.") + card(
        "m-card", "/gao", "Army repels attack on Gao road", "Four attackers were killed.")
    f = tmp_path / "front.html"
    f.write_text(f"<html><body><section><h2><a href='/africa'>Africa</a></h2>{africa}</section>"
                 f"<section><h2><a href='/mideast'>Middle East</a></h2>{mideast}</section></body></html>",
                 encoding="utf-8")
    docs, _ = read(f)
    assert [d.title for d in docs] == ["Army repels attack on Gao road", "Displaced families arrive in Kaya",
                                       "Raid in Jenin camp leaves two dead"]


def test_boilerplate_filter_keeps_news_sentences_about_donations_and_members():
    from sitrep.ingest.html import drop_boilerplate

    news = ("The charity asked residents to donate blood at the hospital in Gao.\n"
            "He had tried to become a member of the local defence militia, officials said.")
    assert drop_boilerplate(news + "\nRead more\nDonate now!\nWe use cookies to improve the site.") == news


def test_wordpress_category_page(tmp_path):
    posts = "".join(
        f'<article class="post"><header class="entry-header"><h2 class="entry-title"><a href="/{n}/">{head}</a></h2>'
        f'<time class="entry-date" datetime="2024-04-0{n}T10:00:00+00:00">April {n}</time></header>'
        f'<div class="entry-summary"><p>{text} [&hellip;]</p></div>'
        f'<footer class="entry-footer">Posted in <a href="/c">News</a></footer></article>'
        for n, (head, text) in enumerate([("Clashes erupt in Tripoli suburb", "Armed groups fought overnight."),
                                          ("Strike shuts ports in Chittagong", "Dock workers walked out.")], 1))
    f = tmp_path / "category.html"
    f.write_text(f"<html><body><header><h1>Example Blog</h1></header><main><header class='page-header'>"
                 f"<h1>Category: News</h1></header>{posts}</main><aside><h2>Recent</h2><ul><li><a href='/1/'>"
                 f"Clashes erupt</a></li></ul></aside></body></html>", encoding="utf-8")
    docs, _ = read(f)
    assert [(d.title, d.published, body(d)) for d in docs] == [
        ("Clashes erupt in Tripoli suburb", date(2024, 4, 1), "Armed groups fought overnight."),
        ("Strike shuts ports in Chittagong", date(2024, 4, 2), "Dock workers walked out.")]


def test_short_news_brief_with_related_stories_is_not_a_listing(tmp_path):
    related = "".join(f'<article class="rel"><h3><a href="/r{n}">{head}</a></h3><p>{text}</p></article>'
                      for n, (head, text) in enumerate([("Curfew declared in Gao after unrest", "A night curfew."),
                                                        ("Convoy attacked near Menaka", "Trucks burned.")]))
    brief = ("<p>Gunmen killed two traders on the road between Gao and Ansongo on Saturday, "
             "residents said. The army sent a patrol to the area.</p>"
             "<p>We use cookies to improve our site.</p>")
    f = tmp_path / "brief.html"
    f.write_text(f"<html><head><title>Two traders killed near Gao</title></head><body><main>"
                 f"<div class='story'><h1>Two traders killed near Gao</h1>{brief}</div>"
                 f"<div class='more'>{related}</div></main></body></html>", encoding="utf-8")
    (doc,), _ = read(f)
    assert doc.id == "brief" and body(doc).startswith("Gunmen killed two traders")


def test_article_with_headed_sections_is_not_a_listing(tmp_path):
    sections = "".join(f"<section><h2>Part {n}: the road</h2><p>{REPORT}</p></section>" for n in range(3))
    f = tmp_path / "longread.html"
    f.write_text(f"<html><head><title>Long read</title></head><body><article><h1>Long read</h1>{sections}"
                 "</article></body></html>", encoding="utf-8")
    (doc,), _ = read(f)
    assert doc.id == "longread" and doc.text.count("Security forces clashed") == 3


# --- feeds and WARC ----------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Sahel Wire</title>
<item><title>Clash on Gao road</title><link>https://w.example/1</link>
<pubDate>Sun, 03 Mar 2024 09:00:00 +0000</pubDate><description><![CDATA[<p>Four attackers were killed.</p><p>Two soldiers were wounded.</p>]]></description></item>
<item><title>No body</title><link>https://w.example/2</link></item>
<item><title>Bad date</title><link>https://w.example/3</link><pubDate>someday</pubDate><description>Police arrested ten people in Bamako.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Sahel Atom</title>
<entry><title>Curfew in Gao</title><link href="https://a.example/1"/><id>urn:a:1</id><updated>2024-03-04T08:00:00Z</updated>
<content type="html">&lt;p&gt;The governor ordered a night curfew in Gao.&lt;/p&gt;</content></entry></feed>"""


def test_rss_and_atom_feeds_one_document_per_entry(tmp_path):
    (tmp_path / "a.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "b.atom").write_text(ATOM, encoding="utf-8")
    docs, skipped = read(tmp_path)
    assert [d.title for d in docs] == ["Clash on Gao road", "Bad date", "Curfew in Gao"]
    assert body(docs[0]) == "Four attackers were killed.\n\nTwo soldiers were wounded."
    assert docs[0].published == date(2024, 3, 3) and docs[0].source == "Sahel Wire"
    assert docs[1].published is None
    assert docs[2].published == date(2024, 3, 4) and docs[2].url == "https://a.example/1"
    text = reasons(skipped)
    assert "feed entry has no text" in text and "published date dropped" in text and "someday" in text


def _warc(path, pages, gz=True):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for uri, status, ctype, body in pages:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=BytesIO(body),
                                                          http_headers=headers))


@pytest.mark.parametrize("name,gz", [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_warc_html_responses_become_documents(tmp_path, name, gz):
    page = ARTICLE_PAGE.replace("{BODY}", REPORT)
    _warc(tmp_path / name, [
        ("https://s.example/robots.txt", "200 OK", "text/plain", b"User-agent: *"),
        ("https://s.example/gone", "404 Not Found", "text/html", b"<html><body>Not found</body></html>"),
        ("https://s.example/gao", "200 OK", "text/html; charset=windows-1252",
         page.replace("Gao road", "Gao road \u2013 update").encode("cp1252")),
    ], gz=gz)
    (doc,), skipped = read(tmp_path / name)
    assert not skipped
    assert doc.url == "https://s.example/gao" and doc.title == "Army repels attack on Gao road \u2013 update"
    assert "Ansongo" in doc.text


# --- duplicates --------------------------------------------------------------------------------

def _doc(i, text):
    return Document(id=i, text=text)


def test_exact_duplicate_ignores_spacing_and_case():
    dd = Deduplicator()
    assert dd.check(_doc("a", REPORT)) is None
    assert dd.check(_doc("b", "  " + REPORT.upper().replace(" ", "  ") + "\n")) == "exact duplicate of a"


def test_republished_story_with_new_byline_and_footer_is_a_near_duplicate():
    dd = Deduplicator()
    body = REPORT + "\n\n" + BACKGROUND
    original = "By a staff reporter in Bamako\n\n" + body + "\n\nReporting by the Bamako bureau."
    copy = ("GAO, Mali (Sahel Daily) -\n\n" + body.replace("on Sunday", "on Sunday morning")
            + "\n\nThis story first appeared on our partner's site. Sign up for our newsletter.")
    assert dd.check(_doc("orig", original)) is None
    reason = dd.check(_doc("copy", copy))
    assert reason and reason.startswith("near duplicate of orig")


def test_shortened_reprint_inside_a_kept_story_is_a_near_duplicate():
    dd = Deduplicator()
    assert dd.check(_doc("full", REPORT + "\n\n" + BACKGROUND)) is None
    assert "near duplicate of full" in dd.check(_doc("short", REPORT + " " + BACKGROUND.split(". ")[0]))
    # The other way round the longer text says more: it is kept.
    dd = Deduplicator()
    assert dd.check(_doc("short", REPORT)) is None
    assert dd.check(_doc("full", REPORT + "\n\n" + BACKGROUND)) is None


def test_two_outlets_reports_of_one_event_are_both_kept():
    other_outlet = (
        "Four gunmen died on Saturday when a Malian army patrol came under fire on the Ansongo road, "
        "south of Gao, according to a military statement issued on Sunday. The patrol lost no men but two "
        "soldiers were injured. Residents said the gunmen had been stopping food trucks bound for Ansongo "
        "at a makeshift roadblock for most of the morning before the soldiers arrived."
    )
    dd = Deduplicator()
    assert dd.check(_doc("wire", REPORT)) is None
    assert dd.check(_doc("local", other_outlet)) is None


def test_rechecking_a_kept_document_is_not_a_duplicate_of_itself():
    dd = Deduplicator()
    assert dd.check(_doc("a", REPORT)) is None
    assert dd.check(_doc("a", REPORT)) is None


def test_dedup_over_many_documents_keeps_distinct_ones():
    dd = Deduplicator()
    vocabulary = REPORT.split() + BACKGROUND.split()
    texts = [" ".join(random.Random(n).choices(vocabulary, k=80)) for n in range(3000)]
    assert all(dd.check(_doc(str(n), t)) is None for n, t in enumerate(texts))
    assert dd.check(_doc("again", texts[1234] + " Updated.")).startswith("near duplicate of 1234")


# --- encodings ---------------------------------------------------------------------------------

ACCENTED = "Manifestación en Bogotá: “los estudiantes” marcharon el jueves — dos heridos, según la policía."


@pytest.mark.parametrize("encoding,bom", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"),
                                          ("utf-16-be", b"\xfe\xff"), ("cp1252", b"")])
def test_text_file_encodings(tmp_path, encoding, bom):
    f = tmp_path / "report.txt"
    f.write_bytes(bom + (ACCENTED + "\n" + ACCENTED).encode(encoding))
    (doc,), skipped = read(f)
    assert not skipped
    assert doc.text == ACCENTED + "\n" + ACCENTED


def test_utf16_jsonl_with_bom(tmp_path):
    f = tmp_path / "wide.jsonl"
    lines = [json.dumps({"id": f"r{n}", "text": ACCENTED}, ensure_ascii=False) for n in range(3)]
    f.write_bytes(b"\xff\xfe" + "\n".join(lines).encode("utf-16-le"))
    docs, skipped = read(f)
    assert not skipped
    assert [d.id for d in docs] == ["r0", "r1", "r2"] and docs[2].text == ACCENTED


def test_bytes_cut_inside_a_character_lose_only_that_character():
    from sitrep.ingest.decode import decode_bytes

    data = ("Gao \u2013 Ansongo " * 10).encode("utf-8")
    assert decode_bytes(data[:-1], cut=True) == (("Gao \u2013 Ansongo " * 10)[:-1], "utf-8")
    assert decode_bytes(data[:-11], cut=True)[0].endswith("Ansongo Gao ")  # the dash cut after its 1st byte


def test_latin1_text_and_html_declared_charset(tmp_path):
    (tmp_path / "a.txt").write_bytes(("Protesta en Asunción, Paraguay, el sábado. " * 5).encode("latin-1"))
    page = ARTICLE_PAGE.replace('charset="utf-8"', 'charset="windows-1252"').replace("{BODY}", REPORT + " “Calm returned.”")
    (tmp_path / "b.html").write_bytes(page.encode("cp1252"))
    (a, b), skipped = read(tmp_path)
    assert not skipped
    assert "Asunción" in a.text and "sábado" in a.text
    assert "“Calm returned.”" in b.text


# --- bad input ---------------------------------------------------------------------------------

def test_bad_files_are_reported_and_the_batch_goes_on(tmp_path):
    (tmp_path / "a_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "b_nul.txt").write_bytes(b"abc\x00\x01\x02def" * 100)
    (tmp_path / "c_empty.txt").write_bytes(b"")
    (tmp_path / "d_blank.jsonl").write_text("\n  \n", encoding="utf-8")
    (tmp_path / "e_menu.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    (tmp_path / "f_notes.docx").write_bytes(b"PK\x03\x04rest")
    (tmp_path / "g_feed.xml").write_text("<html><body>not a feed</body></html>", encoding="utf-8")
    (tmp_path / "h_broken.warc.gz").write_bytes(gzip.compress(b"this is not a warc record\r\n\r\n"))
    (tmp_path / "z_good.txt").write_text(REPORT, encoding="utf-8")
    docs, skipped = read(tmp_path)
    assert [d.id for d in docs] == ["z_good"]
    by_file = {pathlib.Path(s.record).name: s.reason for s in skipped}
    assert by_file["a_binary.txt"] == "not a text file: PNG image"
    assert by_file["b_nul.txt"].startswith("not a text file")
    assert by_file["c_empty.txt"] == "empty file"
    assert by_file["d_blank.jsonl"] == "empty file"
    assert by_file["e_menu.html"] == "HTML page has no article text"
    assert by_file["f_notes.docx"].startswith("unknown file type '.docx'")
    assert by_file["g_feed.xml"].startswith("not an RSS or Atom feed")
    assert by_file["h_broken.warc.gz"].startswith("not a WARC file")
    assert all("\n" not in s.reason for s in skipped)


def test_bad_jsonl_lines_are_reported_by_line(tmp_path):
    f = tmp_path / "mixed.jsonl"
    f.write_text("\n".join([
        json.dumps({"id": "ok1", "text": REPORT}),
        '{"id": "broken", "text": "unterminated',
        json.dumps({"id": "notext", "title": "Headline only"}),
        json.dumps({"id": "blank", "text": "   "}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "baddate", "text": "Police arrested ten people in Bamako.", "published": "last Tuesday"}),
        json.dumps({"id": "ok2", "text": "Protesters marched in Dakar on Friday.", "published": "2024-13-45"}),
    ]) + "\n", encoding="utf-8")
    docs, skipped = read(f)
    assert [d.id for d in docs] == ["ok1", "baddate", "ok2"]
    assert [d.published for d in docs] == [None, None, None]
    got = [(s.record.rsplit("/", 1)[-1], s.reason.split(":")[0]) for s in skipped]
    assert got == [("mixed.jsonl:2", "not a JSON record"), ("mixed.jsonl:3 (id notext)", "record has no text"),
                   ("mixed.jsonl:4 (id blank)", "record has no text (only blank space)"),
                   ("mixed.jsonl:5", "not a JSON record"),
                   ("mixed.jsonl:6 (id baddate)", "published date dropped, document kept"),
                   ("mixed.jsonl:7 (id ok2)", "published date dropped, document kept")]


def test_huge_document_is_cut_and_kept(tmp_path):
    f = tmp_path / "dump.txt"
    paragraph = (REPORT + " Gao\u2013Ansongo.\n\n").encode("utf-8")  # a 3-byte dash: cuts may split it
    f.write_bytes(paragraph * (50 * 2**20 // len(paragraph)))  # ~50 MB
    (doc,), skipped = read(f)
    assert len(doc.text) <= 500_000 and doc.text.endswith("Gao\u2013Ansongo.")
    assert "\ufffd" not in doc.text
    assert [s.reason.split(":")[0] for s in skipped] == ["truncated", "truncated"]


def test_unreadable_and_missing_files_are_reported(tmp_path, monkeypatch):
    (tmp_path / "locked.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "open.txt").write_text(REPORT + " Later the road reopened.", encoding="utf-8")
    real_open = pathlib.Path.open

    def open_denied(self, *args, **kwargs):  # what a file without read permission does
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", open_denied)
    docs, skipped = read(tmp_path, tmp_path / "missing.jsonl")
    assert [d.id for d in docs] == ["open"]
    assert [s.reason for s in skipped] == ["unreadable file: permission denied (Permission denied)", "not found"]


def test_parse_published_accepts_iso_and_feed_dates_and_rejects_the_rest():
    assert parse_published("2024-03-02") == date(2024, 3, 2)
    assert parse_published("2024-03-02T23:30:00-05:00") == date(2024, 3, 2)  # the day as written
    assert parse_published("2024-03-02T10:00:00Z") == date(2024, 3, 2)
    assert parse_published("Sat, 02 Mar 2024 10:00:00 GMT") == date(2024, 3, 2)
    assert parse_published("March 2, 2024") == date(2024, 3, 2)
    assert parse_published("") is None
    for bad in ("yesterday", "2024-02-30", "0001-01-01", "12", 20240302):
        with pytest.raises(ValueError):
            parse_published(bad)


def test_a_document_made_in_python_takes_its_publication_day_as_text_or_datetime():
    from datetime import date, datetime

    from sitrep.model import Document
    from sitrep.pipeline import process_document

    text = "Gunmen killed three villagers in Kukawa, Borno State, on Thursday, residents said."
    for published in ("2024-02-03", "2024-02-03T09:30:00+01:00", datetime(2024, 2, 3, 9, 30)):
        doc = Document(id="api", text=text, published=published)
        assert doc.published == date(2024, 2, 3)
        [m] = [m for m in process_document(doc) if m.fatalities]
        assert m.date == date(2024, 2, 1)
    with pytest.raises(ValueError, match="api.*not an ISO 8601 date"):
        Document(id="api", text=text, published="last Thursday")
