"""Replacement strategies: Anonymizer(strategy=...) for all categories or per category."""

import re

import pytest

import judanon
from judanon.replace.strategies import KeyedToken, LabelStyle, Mask, Redact, Surrogate
from word_detector import WordDetector

TEXT = ("M. Tanguy RIVALLAN, né le 12/03/1975, demeurant 3 rue des Lices à Vannes, contre "
        "Mme Solenn Quéméner. Rivallan et Mme Quéméner ont comparu à Vannes.")
WORDS = {"Tanguy": "personnePhysique", "RIVALLAN": "personnePhysique", "Rivallan": "personnePhysique",
         "Solenn": "personnePhysique", "Quéméner": "personnePhysique", "3 rue des Lices": "adresse",
         "Vannes": "localite", "12/03/1975": "dateNaissance"}
SURFACES = ("Tanguy", "Rivallan", "RIVALLAN", "Solenn", "Quéméner", "Lices", "Vannes", "12/03/1975")
SECRET = b"0123456789abcdef-secret"
SEED = b"surrogate seed of the tests, 32b"


def run(strategy, text=TEXT, **kw):
    return judanon.Anonymizer(detectors=[WordDetector(WORDS)], strategy=strategy).anonymize(text, **kw)


def test_label_style_is_the_default():
    default = judanon.Anonymizer(detectors=[WordDetector(WORDS)]).anonymize(TEXT, case_id="C")
    explicit = run(LabelStyle(), case_id="C")
    assert default.text == explicit.text
    assert "[Adresse 1]" in default.text and "[Localité 1]" in default.text


def test_surrogates_are_realistic_consistent_and_keep_form():
    r = run(Surrogate(seed=SEED), case_id="C")
    for surface in SURFACES:
        assert surface not in r.text
    assert "[" not in r.text
    by_text = {}
    for e in r.entities:
        by_text.setdefault(e.text, set()).add(e.replacement)
    assert all(len(v) == 1 for v in by_text.values())  # one value per referent and spelling
    upper, title = by_text["RIVALLAN"].pop(), by_text["Rivallan"].pop()
    assert upper.isupper() and upper == title.upper()  # same referent, form kept
    assert len(by_text["Vannes"]) == 1
    assert re.fullmatch(r"\d\d/\d\d/\d{4}", by_text["12/03/1975"].pop())
    assert run(Surrogate(seed=SEED), case_id="C").text == r.text  # reproducible with one secret seed


def test_surrogate_keeps_gender_from_the_civility():
    r = run(Surrogate(), "M. Tanguy Rivallan et Mme Solenn Quéméner.")
    tanguy = next(e for e in r.entities if e.text == "Tanguy").replacement
    solenn = next(e for e in r.entities if e.text == "Solenn").replacement
    from faker.providers.person.fr_FR import Provider

    assert tanguy in Provider.first_names_male
    assert solenn in Provider.first_names_female


def test_surrogate_never_uses_a_word_of_the_decision():
    from faker.providers.person.fr_FR import Provider

    # every Faker surname but a few appears in the decision: surrogates must avoid them all
    names = list(Provider.last_names)
    text = "Témoins : " + ", ".join(names[:-5]) + ". M. Tanguy Rivallan."
    words = {"Rivallan": "personnePhysique"}
    r = judanon.Anonymizer(detectors=[WordDetector(words)], strategy=Surrogate()).anonymize(text)
    value = next(e for e in r.entities if e.text == "Rivallan").replacement
    assert value not in names[:-5]


def test_surrogate_invents_a_word_when_the_decision_uses_every_listed_name():
    from faker.providers.person.fr_FR import Provider

    text = "Témoins : " + ", ".join(Provider.last_names) + ". M. Tanguy Rivallan."
    r = judanon.Anonymizer(detectors=[WordDetector({"Rivallan": "personnePhysique"})],
                           strategy=Surrogate()).anonymize(text)
    value = next(e for e in r.entities if e.text == "Rivallan").replacement
    assert value and value not in text


def test_keyed_tokens_link_one_person_across_decisions_without_state():
    a = run(KeyedToken(SECRET))
    other = "Jugement: Mme Solenn Quéméner, domiciliée à Vannes. Mme Quéméner a signé."
    b = judanon.Anonymizer(detectors=[WordDetector(WORDS)], strategy=KeyedToken(SECRET)).anonymize(other)
    token = next(e.replacement for e in a.entities if e.text == "Quéméner")
    assert re.fullmatch(r"\[personnePhysique-[0-9a-f]{16}\]", token)
    # one person, one token: every word of her name and her surname alone, in both decisions
    assert {e.replacement for e in a.entities + b.entities if e.text in ("Solenn", "Quéméner")} == {token}
    c = run(KeyedToken(b"another secret of 16+ bytes"))
    assert token not in c.text
    for surface in SURFACES:
        assert surface not in a.text
    assert SECRET.decode() not in repr(KeyedToken(SECRET))


def test_mask_and_redact():
    masked = run(Mask())
    assert "M. XXXXXX XXXXXXXX, né le XX/XX/XXXX, demeurant X XXX XXX XXXXX à XXXXXX" in masked.text
    redacted = run(Redact())
    assert redacted.text.startswith("M. [...] [...], né le [...], demeurant [...] à [...]")


def test_strategy_per_category():
    r = run({"personnePhysique": KeyedToken(SECRET), "localite": Redact()}, case_id="C")
    assert "[personnePhysique-" in r.text and "à [...]" in r.text
    assert "[Adresse 1]" in r.text and "[Date naissance 1]" in r.text  # the rest: Label style
    assert dict(r.audit.configuration)["strategy"] == "localite=Redact, personnePhysique=KeyedToken"


def test_strategies_review_and_reidentify():
    key = b"k" * 32
    r = run(Surrogate(), case_id="C")
    assert judanon.reidentify(r.text, r.export_mapping(key), key) == TEXT
    reviewed = r.review(reject=[next(e.id for e in r.entities if e.text == "Vannes")], reviewer="A")
    assert "Vannes" in reviewed.text
    assert judanon.reidentify(reviewed.text, reviewed.export_mapping(key), key) == TEXT


@pytest.mark.parametrize("bad, error", [
    (Surrogate, TypeError),            # a class, not an instance
    ("label", TypeError),
    ({"nom": Mask()}, ValueError),
    ({"personnePhysique": "x"}, TypeError),
])
def test_bad_strategies_are_refused(bad, error):
    with pytest.raises(error):
        judanon.Anonymizer(detectors=[], strategy=bad)


def test_keyed_token_needs_a_real_secret():
    with pytest.raises(ValueError, match="at least 16"):
        KeyedToken(b"short")


@pytest.mark.parametrize("code, text, month_words", [
    ("pl", "Pani Anna Kowalska, urodzona 3 maja 1990 r., mieszka w Krakowie.",
     ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
      "października", "listopada", "grudnia")),
    ("ro", "Doamna Maria Popescu, născută la 3 mai 1990, a declarat.",
     ("ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august", "septembrie",
      "octombrie", "noiembrie", "decembrie")),
])
def test_surrogate_speaks_the_language_of_its_pack(code, text, month_words):
    import re

    anon = judanon.Anonymizer(profile=code, neural=False, strategy=Surrogate(seed=SEED, profile=code))
    out = anon.anonymize(text).text
    assert "Anna" not in out and "Maria" not in out and "1990" not in out
    # the date is written out in the language, with what follows the year kept (``r.``)
    date = re.search(r"(\d{1,2}) (\w+) (\d{4})( r\.)?", out)
    assert date is not None and date.group(2) in month_words
    assert (date.group(4) is not None) == (code == "pl")


def test_a_date_whose_year_stays_visible_keeps_its_written_form():
    anon = judanon.Anonymizer(neural=False, strategy=Surrogate(seed=SEED))
    out = anon.anonymize("Mme Anne Morel, née le 1er mai 1990 à Quimper.").text
    assert "1er mai" not in out
    assert re.search(r"née le (1er|\d{1,2}) (janvier|février|mars|avril|mai|juin|juillet|août|septembre|"
                     r"octobre|novembre|décembre) 1990", out)


def test_a_lone_first_name_is_replaced_by_a_first_name_of_the_packs_language():
    from faker.providers.person.el_GR import Provider

    anon = judanon.Anonymizer(detectors=[WordDetector({"Γιώργος": "personnePhysique"})],
                              strategy=Surrogate(seed=SEED, profile="gr"))
    out = anon.anonymize("Ο μάρτυρας Γιώργος κατέθεσε ότι δεν είδε τίποτα.").text
    replaced = out.split()[2]
    # the Greek lexicon knows the name as a first name (the French one does not know it)
    assert replaced != "Γιώργος"
    assert replaced in set(Provider.first_names_female) | set(Provider.first_names_male)
