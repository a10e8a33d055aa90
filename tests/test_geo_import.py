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


def test_import_reads_country_files_admin2_and_alternate_names(tmp_path):
    # a GeoNames country file (19 columns), admin codes and alternateNamesV2, in GeoNames' layout
    (tmp_path / "PS.txt").write_text(
        "284480\t‘Azzūn\t`Azzun\t\t32.17496\t35.05752\tP\tPPL\tPS\t\tWE\t\t\t\t7727\t\t300\tAsia/Hebron\t2020-01-01\n"
        "282457\tQalqīlyah\tQalqilyah\tQalqiliya\t32.18966\t34.97063\tP\tPPLA\tPS\t\tWE\tQQA\t\t\t43212\t\t50\tAsia/Hebron\t2020-01-01\n",
        encoding="utf-8")
    (tmp_path / "admin1CodesASCII.txt").write_text("PS.WE\tWest Bank\tWest Bank\t6254930\n", encoding="utf-8")
    (tmp_path / "admin2Codes.txt").write_text("PS.WE.QQA\tQalqilya Governorate\tQalqilya Governorate\t7303999\n",
                                              encoding="utf-8")
    (tmp_path / "alternateNamesV2.txt").write_text(
        "1\t282457\ten\tQalqilya\t1\t\t\t\t\t\n2\t282457\tlink\thttps://example.org/q\t\t\t\t\t\t\n", encoding="utf-8")
    gaz = import_geonames(sorted(tmp_path.iterdir()))
    q = [gaz.place(r) for r in gaz.lookup("Qalqilya")]
    assert q and q[0].geonameid == 282457 and q[0].admin1 == "West Bank" and q[0].admin2 == "Qalqilya Governorate"
    assert gaz.place(gaz.lookup("Azzun")[0]).geonameid == 284480
    assert not gaz.lookup("https://example.org/q")  # link rows are not names


def test_admin1_codes_name_the_areas_of_an_existing_index(shared_data):
    base = Gazetteer(source="test")
    base.country_names = {"NG": "Nigeria"}
    base.add_place(2334008, "Kaura Namoda", 12.59, 6.59, 50000, "NG", "", "", "PPL", "NG.57")
    gaz = import_geonames([shared_data / "geonames" / "admin1CodesASCII_2019.txt"], base=base)
    town = gaz.place(gaz.lookup("Kaura Namoda")[0])
    assert town.admin1 == "Zamfara" and town.country == "Nigeria"
    assert any(gaz.feature_code[r] == "ADM1" for r in gaz.lookup("Zamfara"))
