"""`sitrep gazetteer import` reads GeoNames' own dump files."""

import json

from click.testing import CliRunner

from sitrep.cli import main
from sitrep.geo import geoparse
from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.geonames_import import import_geonames
from sitrep.model import Document


def test_import_of_geonames_dump_files(shared_data):
    files = sorted((shared_data / "geonames").iterdir())
    gaz = import_geonames(files)
    ramallah = [gaz.place(r) for r in gaz.lookup("Ramallah") if gaz.country_code[r] == "PS"]
    assert ramallah and ramallah[0].geonameid == 282239 and ramallah[0].admin1 == "West Bank"
    # admin1 names come from admin1CodesASCII; countries from countryInfo
    assert any(gaz.place(r).admin1 == "Louisiana" for r in gaz.lookup("Alexandria"))
    assert any(gaz.is_country(r) and gaz.country_code[r] == "EG" for r in gaz.lookup("Egypt"))
    tops = geoparse(Document(id="d", text="Protesters marched in Ramallah on Friday."), gazetteer=gaz)
    assert tops and tops[0].place.geonameid == 282239


def test_import_command_writes_an_index_that_loads(shared_data, tmp_path):
    out = tmp_path / "geonames.pkl"
    files = [str(p) for p in sorted((shared_data / "geonames").iterdir())]
    result = CliRunner().invoke(main, ["gazetteer", "import", *files, "--out", str(out), "--no-merge"])
    assert result.exit_code == 0, result.output
    assert len(Gazetteer.load(out)) > 20_000


def test_geoparse_command_writes_design_fields(tmp_path):
    src = tmp_path / "docs.jsonl"
    src.write_text(json.dumps({"id": "a1", "text": "Shelling hit Kharkiv, Ukraine, on Monday."}) + "\n")
    out = tmp_path / "places.jsonl"
    result = CliRunner().invoke(main, ["geoparse", str(src), "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert {r["text"] for r in rows} == {"Kharkiv", "Ukraine"}
    kharkiv = next(r for r in rows if r["text"] == "Kharkiv")
    assert set(kharkiv) == {"doc_id", "start", "end", "text", "name", "geonameid", "lat", "lon", "country_code",
                            "admin1", "score"}
    assert kharkiv["doc_id"] == "a1" and kharkiv["country_code"] == "UA" and kharkiv["start"] == 13
