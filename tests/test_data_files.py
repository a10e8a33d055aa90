"""sitrep's YAML data files read country codes and short words as written."""

import pytest

from sitrep.data_files import read_yaml
from sitrep.geo.lexicon import load_data
from sitrep.nlp.sentences import split_sentences


def test_country_codes_and_short_words_stay_strings(tmp_path):
    path = tmp_path / "lexicon.yaml"
    path.write_text('NO: [62, 10]\nwords: [no, on, yes, off, y, n]\nenabled: true\nstrict: False\nlimit: 3\n')
    assert read_yaml(path) == {"NO": [62, 10], "words": ["no", "on", "yes", "off", "y", "n"],
                               "enabled": True, "strict": False, "limit": 3}


def test_norway_has_its_point_and_its_written_counties():
    assert load_data("area_points.yaml")["countries"]["NO"] == [62, 10]
    assert load_data("admin1_written.yaml")["NO"]["Vest-Agder"] == "Agder"


def test_a_broken_file_is_named(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("words: [a, b\n")
    with pytest.raises(ValueError, match="broken.yaml"):
        read_yaml(path)


def test_no_before_a_number_does_not_end_the_sentence():
    text = ("Gunmen attacked the police post of Industrial Zone No. 1 at around 3 am. "
            "The attack killed four officers.")
    assert [s.text for s in split_sentences(text)] == [
        "Gunmen attacked the police post of Industrial Zone No. 1 at around 3 am.",
        "The attack killed four officers."]
