"""Findings without a language (Message texts), the thin-phase finding, and owners in findings."""

from cxlib.findings import Finding, findings_from_document
from cxlib.messages import Message


def _journey(phases: list[str], owners: dict[str, str] | None = None) -> dict:
    names = ["Werbung", "Website", "Kasse", "Lieferung", "Service"][: len(phases)]
    means = [70.0, 72.0, 68.0, 40.0, 71.0][: len(phases)]
    touchpoints = [
        {
            "touchpoint": name,
            "phase": phase,
            "mean": mean,
            **({"owner": owners[name]} if owners and name in owners else {}),
        }
        for name, phase, mean in zip(names, phases, means, strict=True)
    ]
    return {"journey": {"touchpoints": touchpoints, "pain_points": [], "drivers": []}}


FULL = ["activation", "activation", "information", "information", "purchase"]


def test_without_a_language_texts_are_messages_that_render_as_with_one():
    document = _journey(["activation", "information", "information", "purchase", "loyalty"])
    neutral = findings_from_document(document, lang=None)
    assert neutral and all(isinstance(finding.text, Message) for finding in neutral)
    for lang in ("en", "de"):
        assert [finding.rendered(lang) for finding in neutral] == findings_from_document(document, lang=lang)


def test_a_phase_with_fewer_than_two_touchpoints_is_a_finding():
    document = _journey(["activation", "activation", "information", "purchase", "purchase"])
    thin = [f for f in findings_from_document(document, lang="en") if f.rule == "thin_phase"]
    # loyalty has no touchpoint at all: the emptiest phase is named first
    assert [f.text for f in thin] == [
        "The Loyalty phase has no touchpoint: customers are not asked about it."
    ]
    document = _journey(["activation", "activation", "information", "loyalty", "loyalty"][:5])
    document["journey"]["touchpoints"].append({"touchpoint": "Kasse 2", "phase": "purchase", "mean": 70.0})
    document["journey"]["touchpoints"].append({"touchpoint": "Bezahlung", "phase": "purchase", "mean": 70.0})
    [thin] = [f for f in findings_from_document(document, lang="de") if f.rule == "thin_phase"]
    assert thin.text == "Die Phase Information ist dünn besetzt: dort wird nur 1 Touchpoint gemessen."
    assert thin.value == 1.0 and thin.source == "journey.touchpoints"


def test_no_thin_phase_finding_without_phases_or_with_two_per_phase():
    document = _journey(FULL)
    for tp in document["journey"]["touchpoints"]:
        tp.pop("phase")
    assert not [f for f in findings_from_document(document) if f.rule == "thin_phase"]
    document = _journey(["activation", "activation", "information", "information", "purchase"])
    document["journey"]["touchpoints"] += [
        {"touchpoint": "Zahlung", "phase": "purchase", "mean": 70.0},
        {"touchpoint": "Retoure", "phase": "loyalty", "mean": 70.0},
        {"touchpoint": "Hotline", "phase": "loyalty", "mean": 70.0},
    ]
    assert not [f for f in findings_from_document(document) if f.rule == "thin_phase"]


def test_the_weakest_touchpoint_names_its_owner():
    document = _journey(
        ["activation", "information", "information", "purchase", "loyalty"], {"Lieferung": "Logistik"}
    )
    [weakest] = [f for f in findings_from_document(document, lang="de") if f.rule == "weakest_touchpoint"]
    assert weakest.text.startswith("Lieferung — Logistik ist der schwächste Touchpoint")


def test_a_finding_renders_once_and_stays_comparable():
    finding = Finding("thin_phase", Message("finding.empty_phase", phase=Message("phase.loyalty")), 0.0, "x")
    assert finding.rendered("en").rendered("de").text == finding.rendered("en").text
    assert finding == Finding(
        "thin_phase", Message("finding.empty_phase", phase=Message("phase.loyalty")), 0.0, "x"
    )
