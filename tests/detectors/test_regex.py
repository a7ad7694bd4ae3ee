"""The regex machinery and the French identifier patterns.

Valid numbers are built here with their check digits computed in the test (mod 97
for NIR and IBAN, Luhn for cards and SIREN/SIRET), independently of the
python-stdnum code the detector calls.
"""

import pytest
import regex

from judanon.packs.fr import regex_detector
from judanon.detectors.regex import Pattern, RegexDetector, literal_trie
from judanon.errors import PatternError
from judanon.entities import Span

DETECTOR = regex_detector()


def found(text, label=None):
    """(label, surface) of every span, checked against the original offsets."""
    out = []
    for span in DETECTOR.detect(text):
        assert isinstance(span, Span)
        assert span.source == "regex" and span.evidence
        if label is None or span.label == label:
            out.append((span.label, text[span.start : span.end]))
    return out


def surfaces(text, label):
    return [s for _, s in found(text, label)]


# --- check-digit helpers (independent of python-stdnum) ---------------------------------


def luhn_complete(partial: str) -> str:
    """Append the Luhn check digit to a string of digits."""
    total = 0
    for i, ch in enumerate(reversed(partial)):
        d = int(ch)
        if i % 2 == 0:  # these positions are doubled once the check digit is appended
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return partial + str((10 - total % 10) % 10)


def nir_with_key(base13: str) -> str:
    return base13 + f"{97 - int(base13) % 97:02d}"


def iban_with_check(country: str, bban: str) -> str:
    rearranged = bban + country + "00"
    digits = "".join(str(int(c, 36)) for c in rearranged)
    return f"{country}{98 - int(digits) % 97:02d}{bban}"


def group4(s: str) -> str:
    return " ".join(s[i : i + 4] for i in range(0, len(s), 4))


# --- machinery ----------------------------------------------------------------------------


def test_pattern_rejects_bad_name_and_missing_group():
    with pytest.raises(PatternError, match="lowercase"):
        Pattern("Bad Name", "email", regex.compile("x"))
    with pytest.raises(PatternError, match="named group"):
        Pattern("ok", "email", regex.compile("x"), group="missing")
    with pytest.raises(PatternError, match="`regex` module"):
        import re

        Pattern("ok", "email", re.compile("x"))
    with pytest.raises(PatternError, match="specificity"):
        Pattern("ok", "email", regex.compile("x"), specificity=7)


def test_detector_rejects_non_patterns():
    with pytest.raises(PatternError, match="Pattern values"):
        RegexDetector(["not a pattern"])


def test_custom_pattern_with_validator_and_group():
    pattern = Pattern(
        "dossier",
        "numeroIdentifiant",
        regex.compile(r"dossier (?P<num>\d+)"),
        validator=lambda s: s.endswith("7"),
        group="num",
    )
    detector = RegexDetector([pattern], name="custom", version="9")
    text = "Le dossier 1237 et le dossier 1238."
    spans = detector.detect(text)
    assert [(text[s.start : s.end], s.evidence, s.source) for s in spans] == [
        ("1237", "dossier", "custom")
    ]
    assert detector.version == "9"


def test_chained_pattern_reads_a_list_on_from_its_anchor():
    # One span per item: the anchor finds where a list starts, ``\G`` continues it.
    item = r"(?P<item>[A-Z]\d)"
    rx = regex.compile(r"codes\s+" + item + r"|\G(?<=\d)(?:,\s*|\s+et\s+)" + item)
    text = "codes A1, B2 et C3 ; puis D4, E5 ; codes F6"
    anchor = regex.compile("codes")
    chained = RegexDetector([Pattern("codes", "cadastre", rx, group="item", anchor=anchor, chain=True)])
    single = RegexDetector([Pattern("codes", "cadastre", rx, group="item", anchor=anchor)])
    scanned = RegexDetector([Pattern("codes", "cadastre", rx, group="item")])
    assert [text[s.start:s.end] for s in chained.detect(text)] == ["A1", "B2", "C3", "F6"]
    assert [text[s.start:s.end] for s in scanned.detect(text)] == ["A1", "B2", "C3", "F6"]
    assert [text[s.start:s.end] for s in single.detect(text)] == ["A1", "F6"]


def test_french_detector_has_name_and_version():
    assert DETECTOR.name == "regex"
    assert DETECTOR.version.startswith("fr-")
    assert len({p.name for p in DETECTOR.patterns}) == len(DETECTOR.patterns)


def test_literal_trie_matches_exactly_the_words():
    words = ["rue", "ruelle", "av.", "avenue", "ave", "bd", "lieu dit"]
    trie = regex.compile(literal_trie(words) + r"\Z")
    assert all(trie.match(w) for w in words)
    assert not any(trie.match(w) for w in ["ru", "avenu", "ruell", "b", "lieu"])


# --- e-mail and phones ------------------------------------------------------------------


def test_email():
    text = "Écrire à paul.henri-durand+avocat@cabinet-exemple.fr avant lundi."
    assert found(text) == [("email", "paul.henri-durand+avocat@cabinet-exemple.fr")]


@pytest.mark.parametrize(
    "phone",
    [
        "06 12 34 56 78",
        "06.12.34.56.78",
        "06-12-34-56-78",
        "0612345678",
        "01 42 68 53 00",
        "+33 6 12 34 56 78",
        "+33 (0)6 12 34 56 78",
        "+33612345678",
        "0033 6 12 34 56 78",
        "06\u00a012\u00a034\u00a056\u00a078",
    ],
)
def test_french_phone_spellings(phone):
    text = f"Joignable au {phone} aux heures de bureau."
    assert found(text) == [("telephoneFax", phone)]


@pytest.mark.parametrize("not_phone", ["00 12 34 56 78", "10243339", "06 12 34 56", "612345678901"])
def test_not_a_phone(not_phone):
    assert surfaces(f"Référence {not_phone} du dossier.", "telephoneFax") == []


# --- bank -------------------------------------------------------------------------------


def test_iban_french_and_foreign_with_and_without_spaces():
    fr = iban_with_check("FR", "30006000011234567890189")
    de = iban_with_check("DE", "370400440532013000")
    text = f"Virement sur {group4(fr)} BIC BNPAFRPP, ou sur {fr}, ou sur le compte {group4(de)}."
    assert surfaces(text, "compteBancaire") == [group4(fr), fr, group4(de)]


def test_iban_with_bad_check_digits_is_not_reported():
    good = iban_with_check("FR", "30006000011234567890189")
    bad = good[:2] + f"{(int(good[2:4]) + 1) % 100:02d}" + good[4:]
    assert found(f"Compte {group4(bad)} clos.") == []


def test_payment_card_luhn():
    card = luhn_complete("497010123456789")
    wrong = card[:-1] + str((int(card[-1]) + 1) % 10)
    text = f"Payé avec la carte {group4(card)}, refusée avec {group4(wrong)}."
    assert found(text) == [("compteBancaire", group4(card))]


# --- NIR, SIREN, SIRET ----------------------------------------------------------------


def test_nir_with_key_spaced_and_compact():
    nir = nir_with_key("1750375123456")
    spaced = f"{nir[0]} {nir[1:3]} {nir[3:5]} {nir[5:7]} {nir[7:10]} {nir[10:13]} {nir[13:]}"
    text = f"Assuré sous le numéro {spaced}, soit {nir}."
    assert found(text) == [("numeroIdentifiant", spaced), ("numeroIdentifiant", nir)]


def test_nir_corsica_and_bad_key():
    base = "285032A123456"  # born in Corse-du-Sud (2A), which counts as 19 in the key
    key = 97 - int(base.replace("2A", "19")) % 97
    nir = f"{base}{key:02d}"
    bad = f"{base}{(key % 97) + 1:02d}"
    assert surfaces(f"NIR {nir} et {bad}.", "numeroIdentifiant") == [nir]


def test_siren_needs_context_and_checksum():
    siren = luhn_complete("73282932")
    wrong = siren[:-1] + str((int(siren[-1]) + 1) % 10)
    spaced = f"{siren[:3]} {siren[3:6]} {siren[6:]}"
    text = (
        f"La société, immatriculée au RCS de Lyon sous le n° {spaced}, "
        f"et la somme de {siren} ne sont pas la même chose ; SIREN {wrong}."
    )
    assert found(text) == [("numeroSiretSiren", spaced)]


def test_siret_alone_and_bad_checksum():
    siret = luhn_complete(luhn_complete("73282932") + "0007")
    wrong = siret[:-1] + str((int(siret[-1]) + 1) % 10)
    spaced = f"{siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:]}"
    text = f"Établissement {spaced} ; ancien numéro {wrong}."
    assert found(text) == [("numeroSiretSiren", spaced)]


# --- plates and cadastre -------------------------------------------------------------


@pytest.mark.parametrize("plate", ["AB-123-CD", "FG 456 HJ"])
def test_siv_plates(plate):
    assert found(f"Le véhicule {plate} était stationné.") == [("plaqueImmatriculation", plate)]


def test_plates_need_consistent_separator_and_siv_letters():
    assert surfaces("Codes AB-123 CD, OU-123-IO et DU 123 AU.", "plaqueImmatriculation") == []


def test_old_plate_and_compact_plate_need_vehicle_context():
    text = "Le véhicule immatriculé 1234 AB 56 a été vendu ; la voiture portait la plaque AB123CD."
    assert surfaces(text, "plaqueImmatriculation") == ["1234 AB 56", "AB123CD"]
    assert surfaces("Il a payé 1234 AB 56 fois.", "plaqueImmatriculation") == []


@pytest.mark.parametrize(
    "text, ref",
    [
        ("une maison sise section AB n° 123 de la commune", "AB n° 123"),
        ("la parcelle cadastrée section ZA numéro 45 est grevée", "ZA numéro 45"),
        ("le terrain cadastré AB 123, d'une contenance de 5 ares", "AB 123"),
        ("les parcelles cadastrées section B n° 12, 13 et 14", "B n° 12, 13 et 14"),
    ],
)
def test_cadastre(text, ref):
    assert found(text) == [("cadastre", ref)]


def test_section_of_a_text_is_not_cadastre():
    assert surfaces("Voir la section 3 du chapitre II.", "cadastre") == []


@pytest.mark.parametrize(
    "text, refs",
    [
        ("les parcelles cadastrées BK 12 et BK 310 sont vendues", ["BK 12", "BK 310"]),
        ("une grange sise section AB n° 12, 14 et 15 de la commune", ["AB n° 12, 14 et 15"]),
        ("le bois cadastré section ZB n° 8 et ZA n° 77, d'une contenance de 2 ha", ["ZB n° 8", "ZA n° 77"]),
        ("les parcelles AB 12, AC 45 et ZD 310 appartiennent aux indivisaires", ["AB 12", "AC 45", "ZD 310"]),
        ("au lieudit Les Pâtureaux, cadastré section B n° 1234 et 1235", ["B n° 1234 et 1235"]),
        ("la parcelle section C n° 40 ; section D n° 41 ainsi que la parcelle E 42.",
         ["C n° 40", "D n° 41", "E 42"]),
    ],
)
def test_every_reference_of_a_cadastral_list(text, refs):
    assert surfaces(text, "cadastre") == refs


@pytest.mark.parametrize(
    "text",
    [
        "Vu l'article L. 123 et l'article R. 45 du code de l'urbanisme.",
        "Dossier RG 23/00189 et RG 23/00190 joints.",
        "la parcelle AB 12/4 du plan",
        "Chambre sociale, section A, 12 et 14 rue des Lilas.",
    ],
)
def test_references_and_citations_are_not_cadastre(text):
    assert surfaces(text, "cadastre") == []


@pytest.mark.parametrize(
    "text, refs",
    [
        # long parcel numbers, and a list that goes on with "ainsi que la parcelle"
        ("les époux ont acquis les parcelles AI 6284289 et AI 6, ainsi que la parcelle 8070.",
         ["AI 6284289", "AI 6", "8070"]),
        # parcel numbers without their section
        ("la parcelle 8070 jouxte le chemin", ["8070"]),
        ("il exploite les parcelles n° 350 et 351 au lieu-dit", ["350 et 351"]),
        ("les parcelles 1023, 1024 et 1025 appartiennent à l'indivision", ["1023, 1024 et 1025"]),
        ("le terrain est cadastré sous les numéros 1245 et 1246 de la section B", ["1245 et 1246"]),
        ("la parcelle cadastrée AH n°0321 jouxte la parcelle AH 322 et les parcelles 323 à 325.",
         ["AH n°0321", "AH 322", "323 à 325"]),
        ("le fonds servant (parcelle E 1187) et le fonds dominant (parcelle E 1188)", ["E 1187", "E 1188"]),
        ("figurant au cadastre section C, n° 1532 pour une contenance", ["C, n° 1532"]),
    ],
)
def test_cadastral_references_in_lists_and_without_section(text, refs):
    assert surfaces(text, "cadastre") == refs


@pytest.mark.parametrize(
    "text",
    [
        "une parcelle de 500 m² et une parcelle 12 ha plus loin",
        "la parcelle 12,50 euros le mètre",
        "le plan cadastral de 1985 et le cadastre napoléonien",
        "une parcelle boisée, cadastrée depuis 2015",
    ],
)
def test_surfaces_amounts_and_years_are_no_parcels(text):
    assert surfaces(text, "cadastre") == []


def test_a_cadastral_list_stops_at_a_case_number():
    text = "la parcelle cadastrée AB 12, RG 23/00189"
    assert surfaces(text, "cadastre") == ["AB 12"]


# --- dates in context -----------------------------------------------------------------


DATES_IN_CONTEXT = [
    # (text, label, date replaced by default, date replaced with years_visible=False)
    ("M. Paul Vernier, né le 12 mars 1975 à Lyon", "dateNaissance", "12 mars", "12 mars 1975"),
    ("Mme Alice Brunet, née le 1er janvier 1980", "dateNaissance", "1er janvier", "1er janvier 1980"),
    ("Julien Roche, né le 12/03/1975, de nationalité française", "dateNaissance", "12/03/1975", "12/03/1975"),
    ("Lina Faure, né(e) le 3 Février 2001", "dateNaissance", "3 Février", "3 Février 2001"),
    ("M. Henri Lamy, né à Nantes le 4 juin 1950", "dateNaissance", "4 juin", "4 juin 1950"),
    ("Mme Odile Caron, décédée le 3 avril 2020", "dateDeces", "3 avril", "3 avril 2020"),
    ("M. Lucien Perrin, décédé le 04/05/2021 à Brest", "dateDeces", "04/05/2021", "04/05/2021"),
    ("Les époux, mariés le 2 juin 2001 sans contrat", "dateMariage", "2 juin", "2 juin 2001"),
    ("Ils ont contracté mariage le 12 juillet 1999 à Metz", "dateMariage", "12 juillet", "12 juillet 1999"),
    ("Ils se sont mariés le 3 août 2005", "dateMariage", "3 août", "3 août 2005"),
    ("Date de naissance : 14/02/1968", "dateNaissance", "14/02/1968", "14/02/1968"),
    ("à la suite du décès survenu le 9 octobre 2019", "dateDeces", "9 octobre", "9 octobre 2019"),
    ("leur mariage célébré le 21 juin 1986 à Angers", "dateMariage", "21 juin", "21 juin 1986"),
    ("unis par les liens du mariage le 5 mai 1979", "dateMariage", "5 mai", "5 mai 1979"),
    ("NÉE LE 7 SEPTEMBRE 1961", "dateNaissance", "7 SEPTEMBRE", "7 SEPTEMBRE 1961"),
    ("Mme Rose Caillaud, née le 4 février, domiciliée", "dateNaissance", "4 février", "4 février"),
    # death and birth in other words
    ("à la suite de l'accident mortel du 4 juin 2016", "dateDeces", "4 juin", "4 juin 2016"),
    ("l'accident mortel survenu le 5 juillet 2017", "dateDeces", "5 juillet", "5 juillet 2017"),
    ("M. Gilles Aubry, décédé le 3 mars 2019", "dateDeces", "3 mars", "3 mars 2019"),
    ("le décès survenu le 12 janvier 2020", "dateDeces", "12 janvier", "12 janvier 2020"),
    ("à la date de son décès, le 5 avril 2018, il était", "dateDeces", "5 avril", "5 avril 2018"),
    ("depuis le décès de M. Gilles Aubry le 7 mai 2017", "dateDeces", "7 mai", "7 mai 2017"),
    ("après le décès de son père, survenu le 8 mai 2016", "dateDeces", "8 mai", "8 mai 2016"),
    ("le décès d'Ysaline Morvan le 9 juin 2015", "dateDeces", "9 juin", "9 juin 2015"),
    ("le décès en date du 04/05/2021", "dateDeces", "04/05/2021", "04/05/2021"),
    ("il est mort le 2 février 2015 à Quimper", "dateDeces", "2 février", "2 février 2015"),
    ("la naissance de l'enfant le 6 juin 2012", "dateNaissance", "6 juin", "6 juin 2012"),
    ("depuis la naissance de leur fils Aurèle, le 6 juin 2012", "dateNaissance", "6 juin", "6 juin 2012"),
]


@pytest.mark.parametrize("text, label, date, _whole", DATES_IN_CONTEXT)
def test_dates_in_context_leave_the_year_of_a_written_date_visible(text, label, date, _whole):
    # The published convention: "né le [Date naissance 1] 1975".
    assert surfaces(text, label) == [date]


@pytest.mark.parametrize("text, label, _date, whole", DATES_IN_CONTEXT)
def test_dates_in_context_whole_when_years_are_not_visible(text, label, _date, whole):
    detector = regex_detector(years_visible=False)
    assert [text[s.start:s.end] for s in detector.detect(text) if s.label == label] == [whole]


def test_date_settings_are_recorded_for_the_audit():
    assert DETECTOR.audit_details() == {"institution_places": "False", "years_visible": "True"}
    assert regex_detector(years_visible=False).audit_details()["years_visible"] == "False"


def test_date_without_context_is_not_reported():
    text = "L'audience du 12 mars 2024 a été renvoyée au 14/05/2024."
    assert [lab for lab, _ in found(text) if lab.startswith("date")] == []


@pytest.mark.parametrize(
    "text",
    [
        "M. Gilles Aubry, né en 1975 à Quimper",  # a year alone stays visible
        "le décès de l'assuré et la résiliation du contrat le 3 mars 2019",  # two events
        "l'audience du 12 mars 2024, le décès étant établi",
        "la mort dans l'âme, il a signé le 3 mars 2019",
    ],
)
def test_dates_near_death_or_birth_words_but_not_of_them(text):
    assert [lab for lab, _ in found(text) if lab.startswith("date")] == []


# --- offsets ----------------------------------------------------------------------------


@pytest.mark.parametrize("noise", ["\r\n", "\u00a0", "\u200b", "\u200b\r\n\u00a0"])
def test_offsets_are_not_shifted_by_invisible_characters(noise):
    nir = nir_with_key("2880675123456")
    text = (
        f"{noise}Mme Léa Garnier{noise}, née le 3 mai{noise}1988{noise}\r\n"
        f"tél.{noise}06 11 22 33 44{noise} courriel{noise}lea.garnier@exemple.org{noise}"
        f"NIR {nir}{noise}\r\ndemeurant 8, rue des Lilas{noise}\r\n44000 Nantes{noise}"
    )
    spans = DETECTOR.detect(text)
    got = {(s.label, text[s.start : s.end]) for s in spans}
    assert {
        ("dateNaissance", "3 mai"),
        ("telephoneFax", "06 11 22 33 44"),
        ("email", "lea.garnier@exemple.org"),
        ("numeroIdentifiant", nir),
        ("adresse", "8, rue des Lilas"),
        ("localite", "44000 Nantes"),
    } <= got


def test_checksum_identifier_wins_over_overlapping_rule():
    # A SIRET is 14 Luhn digits: the card pattern (16 digits) must not steal it and
    # the SIREN rule must not report its first nine digits separately.
    siret = luhn_complete(luhn_complete("73282932") + "0007")
    text = f"RCS Lyon, SIRET {siret}."
    assert found(text) == [("numeroSiretSiren", siret)]


def test_nothing_inside_publication_markers():
    text = "M. [K] [R], demeurant [Adresse 1], né le 2 mai 1960 à [Localité 3], tél. [Téléphone 1]."
    assert found(text) == [("dateNaissance", "2 mai")]


def test_many_spans_in_a_long_text_are_all_kept_in_order():
    block = "M. Noé Berger, né le 4 mars 1970, demeurant 3, rue des Ormes\n21000 Dijon.\n"
    text = block * 500
    spans = DETECTOR.detect(text)
    assert len(spans) == 3 * 500
    assert [s.start for s in spans] == sorted(s.start for s in spans)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))
