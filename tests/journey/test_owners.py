"""Touchpoint owners (the department responsible): in the spec, the phase editor, the result, the JSON,
the mapping profile and the CLI."""

import json
from dataclasses import replace

import pandas as pd
import pytest

from cxlib.errors import CxError
from cxlib.journey import JourneySpec, build_journey, journey_section, journey_table
from cxlib.journey_editor import editor_table, owners_of, spec_from_table, with_owners
from cxlib.mapping_profile import journey_owners, profile_json, read_profile, with_journey_owners

SURVEY = pd.DataFrame({"Website": [5.0, 4.0, 4.0, 5.0], "Lieferung": [2.0, 1.0, 2.0, 1.0]})
SPEC = JourneySpec(("Website", "Lieferung"), {"Website": "information", "Lieferung": "loyalty"})


def test_pain_points_table_and_json_name_the_owner():
    result = build_journey(SURVEY, replace(SPEC, owners={"Lieferung": "Logistik"}), outcome=None)
    assert result.touchpoints["owner"].tolist() == ["", "Logistik"]
    assert {point["owner"] for point in result.pain_points} == {"Logistik"}
    section = journey_section(result)
    assert section["touchpoints"][1]["owner"] == "Logistik" and "owner" not in section["touchpoints"][0]
    assert all(point["owner"] == "Logistik" for point in section["pain_points"])
    table = journey_table(result, lang="de")
    assert table["Verantwortlich"].tolist() == ["kein Verantwortlicher festgelegt", "Logistik"]


def test_without_owners_the_json_is_as_before():
    section = journey_section(build_journey(SURVEY, SPEC, outcome=None))
    assert all("owner" not in row for row in section["touchpoints"] + section["pain_points"])


def test_the_editor_keeps_owners_and_tables_from_before_owners_still_work():
    table = editor_table(replace(SPEC, owners={"Website": "Marketing"}))
    assert table["owner"].tolist() == ["Marketing", ""]
    table.loc[1, "owner"] = "  Logistik "
    assert spec_from_table(table).owners == {"Website": "Marketing", "Lieferung": "Logistik"}
    assert owners_of(table) == {"Website": "Marketing", "Lieferung": "Logistik"}
    assert spec_from_table(table.drop(columns="owner")).owners == {}
    filled = with_owners(table.assign(owner=["", "Versand"]), {"Website": "Online", "Lieferung": "Logistik"})
    assert filled["owner"].tolist() == ["Online", "Versand"]  # a row's own owner wins over the profile's


def test_owners_round_trip_through_the_mapping_profile_and_old_profiles_load():
    profile = with_journey_owners(
        {"format": "cx-mapping-profile", "version": 1, "tables": {}}, {"Lieferung": "Logistik"}
    )
    again = read_profile(profile_json(profile))
    assert journey_owners(again) == {"Lieferung": "Logistik"}
    old = read_profile(b'{"tables": {"customers": {"roles": {"customer_id": "Nr"}}}}')
    assert journey_owners(old) == {}
    with pytest.raises(CxError, match=r"journey\.owners"):
        read_profile(b'{"tables": {}, "journey": {"owners": ["Logistik"]}}')


def test_the_cli_reads_owners_from_the_mapping_profile(tmp_path, capsys):
    from cxlib.cli import main

    survey = pd.DataFrame(
        {
            "response_id": [f"R{i}" for i in range(12)],
            "Website": [5, 4, 4, 5, 5, 4, 4, 5, 5, 4, 4, 5],
            "Lieferung": [2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1],
            "recommend": [9, 6, 8, 10, 9, 7, 8, 10, 9, 6, 8, 10],
        }
    )
    survey_file = tmp_path / "survey.csv"
    survey.to_csv(survey_file, index=False)
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps({"tables": {}, "journey": {"owners": {"Lieferung": "Logistik"}}}), "utf-8")
    code = main(["analyze", "--survey", str(survey_file), "--mapping", str(profile)])
    assert code == 0
    document = json.loads(capsys.readouterr().out)
    owners = {row["touchpoint"]: row.get("owner") for row in document["journey"]["touchpoints"]}
    assert owners == {"Website": None, "Lieferung": "Logistik"}
