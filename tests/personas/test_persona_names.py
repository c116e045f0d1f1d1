import pytest

from cxlib.persona_names import FIRST_NAMES, LAST_NAMES, MAX_PERSONAS, persona_names


def test_every_name_is_unique_even_for_the_largest_model():
    genders = ["female", "male", None, "diverse"] * 5
    names = persona_names(genders, lang="en", seed=3)
    first = [name.split()[0] for name in names]
    last = [name.split()[1] for name in names]
    assert len(names) == MAX_PERSONAS == 20
    assert len(set(first)) == 20 and len(set(last)) == 20


@pytest.mark.parametrize("lang", ["en", "de"])
def test_first_name_follows_gender(lang):
    names = persona_names(["female", "male", "diverse", None], lang=lang)
    groups = ["female", "male", "neutral", "neutral"]
    for name, group in zip(names, groups, strict=True):
        first, last = name.split()
        assert first in FIRST_NAMES[lang][group]
        assert last in LAST_NAMES[lang]


def test_names_are_deterministic_and_depend_on_the_seed():
    genders = ["female", "male", "female", "male", None]
    assert persona_names(genders, seed=1) == persona_names(genders, seed=1)
    assert persona_names(genders, seed=1) != persona_names(genders, seed=2)


def test_name_lists_do_not_overlap_between_genders():
    for lang, groups in FIRST_NAMES.items():
        every = [name for names in groups.values() for name in names]
        assert len(every) == len(set(every)), lang
        assert len(LAST_NAMES[lang]) == len(set(LAST_NAMES[lang]))


def test_impossible_requests_are_programming_errors():
    with pytest.raises(ValueError, match="lang"):
        persona_names(["female"], lang="fr")
    with pytest.raises(ValueError, match="at most 20"):
        persona_names([None] * 21)


def test_name_codes_render_the_same_names_as_before_in_each_language():
    from cxlib.persona_names import PersonaName, persona_name_codes

    genders = ["female", "male", None, "diverse", "female"]
    for seed in range(5):
        codes = persona_name_codes(genders, seed=seed)
        assert all(isinstance(code, PersonaName) for code in codes)
        for lang in ("en", "de"):
            assert [code.text(lang) for code in codes] == persona_names(genders, lang=lang, seed=seed)
    with pytest.raises(ValueError, match="lang"):
        codes[0].text("fr")
