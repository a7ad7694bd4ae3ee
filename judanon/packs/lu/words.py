"""German words of Luxembourg decisions (the French ones are the fr pack's), data only."""

from __future__ import annotations

from typing import Tuple

CIVILITIES: Tuple[str, ...] = ("Herr", "Herrn", "Frau", "Fräulein", "Hr.", "Fr.", "Dr.")
ROLES: Tuple[str, ...] = (
    "Angeklagte", "Angeklagten", "Angeklagter", "Kläger", "Klägers", "Klägerin", "Beklagte",
    "Beklagten", "Beklagter", "Zeuge", "Zeugen", "Zeugin", "Beschuldigte", "Beschuldigten",
)
NOT_NAMES: Tuple[str, ...] = ("Gericht", "Gerichts", "Staat", "Staates", "Großherzogtum", "Luxemburg",
                              "Staatsanwaltschaft", "Bezirksgericht", "Gemeinde")
MONTHS: Tuple[str, ...] = (
    "Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
    "Oktober", "November", "Dezember", "Jan.", "Feb.", "Febr.", "Aug.", "Sept.", "Okt.", "Nov.", "Dez.",
)
BIRTH_WORDS: Tuple[str, ...] = ("geboren", "geb.", "geboren am", "Geburtsdatum")
DEATH_WORDS: Tuple[str, ...] = ("gestorben", "verstorben", "gest.", "Sterbedatum")
PHONE_WORDS: Tuple[str, ...] = ("tél.", "tel.", "téléphone", "Telefon", "GSM")
#: Folded words announcing an identifier (with the fr pack's).
IDENTIFIER_CONTEXT: Tuple[str, ...] = ("matricule", "numero d'identification", "identifikationsnummer",
                                       "sozialversicherungsnummer", "konto")
#: Endings of German street names written as one word (``Hauptstraße 12``).
STREET_SUFFIXES: Tuple[str, ...] = ("straße", "strasse", "str.", "weg", "platz", "gasse", "allee", "ring")
POSTAL_CODE = r"L-?\d{4}"

# --- German text: proper nouns wherever they stand (``judanon.detectors.propernouns``) ----
#: Where ``data/first_names.txt.gz`` and ``data/surnames.txt.gz`` come from
#: (``python -m judanon.build.lexicons --pack lu``): the names of Luxembourg and its
#: German-speaking neighbours.
LEXICON_SOURCE = {
    "countries": ("LU", "DE", "AT", "CH"), "script": "latin", "language": "de", "first_names": 3000,
    "surnames": 10000,
    "note": "\nThe German side of Luxembourg decisions: names ranked in Luxembourg, Germany, Austria and\n"
            "Switzerland. The French side uses the fr pack's lexicons.\n",
}
#: Where ``data/places.txt.gz`` comes from (``python -m judanon.build.places --pack lu``).
PLACES_SOURCE = {"countries": ("LU", "DE", "AT", "CH"), "script": "latin", "language": "de", "min_population": 1000,
                 "world_min_population": 100000}
#: Where ``data/spelling.dic.gz`` comes from (``python -m judanon.build.commonwords --pack lu``):
#: German writes every noun with a capital and its hunspell dictionary is GPL, so the common
#: words are wordfreq's most frequent German words (names and places of the pack's lists left out).
COMMON_WORDS_SOURCE = {"language": "de", "size": 150000}
#: Titles of judges and clerks: the name after one is a magistrate's, visible by default.
MAGISTRATE_TITLES: Tuple[str, ...] = ("Richter", "Richterin", "Richters", "Richterinnen", "Richtern", "Vorsitzende", "Vorsitzender", "Vorsitzenden", "Urkundsbeamtin", "Urkundsbeamter")
#: Offices, titles and kin before a person's name (``Sachverständige Dr. K.``).
PERSON_TITLES: Tuple[str, ...] = (
    "Minister", "Ministerin", "Bundesminister", "Bundesministerin", "Präsident", "Präsidentin", "Präsidenten",
    "Staatsanwalt", "Staatsanwältin", "Rechtsanwalt",
    "Rechtsanwältin", "Rechtsanwalts", "Notar", "Notarin", "Sachverständige", "Sachverständigen",
    "Sachverständiger", "Gutachter", "Gutachterin", "Gutachters", "Direktor", "Direktorin", "Bürgermeister",
    "Bürgermeisterin", "Professor", "Professorin", "Prof.", "Dr.", "Dipl.-Ing.", "Justizinspektor",
    "Kriminaloberkommissarin", "Kriminaloberkommissar", "Kommissar", "Kommissarin", "Polizeibeamte",
    "Polizeibeamten", "Lehrerin", "Lehrer", "Ehefrau", "Ehemann", "Sohn", "Tochter", "Bruder", "Schwester",
    "Mutter", "Vater", "Cousin", "Cousine", "Arzt", "Ärztin", "Antragsteller", "Antragstellerin",
    "Beschwerdeführer", "Beschwerdeführerin", "Betroffene", "Betroffenen", "Geschädigte", "Geschädigten",
    "Verstorbenen", "Erblasser", "Erblasserin", "Mitarbeiter", "Mitarbeiterin", "Zeugin", "Klägerin",
)
#: Words before a place's name (``Land Baden-Württemberg``, ``Gemeinde Mersch``).
PLACE_WORDS: Tuple[str, ...] = (
    "Land", "Landes", "Bundesland", "Bundeslandes", "Freistaat", "Freistaates", "Stadt", "Gemeinde", "Kanton",
    "Kantons", "Kreis", "Kreises", "Landkreis", "Landkreises", "Region", "Provinz", "Staat", "Staates",
    "Insel", "Ort", "Ortes", "Ortschaft", "Wohnort", "Wohnortes", "Hauptstadt", "Standort",
)
#: Prepositions before a place's name (``in Trier``, ``nach Syrien``, ``aus Ettelbrück``); not
#: ``von``, ``bei``, ``zu``, which announce persons as often (``der Tod von E.``).
PLACE_PREPOSITIONS: Tuple[str, ...] = ("in", "nach", "aus")
#: Company forms and words around a company's name (``Agrex GmbH``).
COMPANY_WORDS: Tuple[str, ...] = ("GmbH", "AG", "KG", "OHG", "GbR", "e.V.", "S.A.", "S.à r.l.", "SARL", "mbH",
                                  "Firma", "Gesellschaft", "Bank", "Verein", "Partei")
#: The state's own names, in their case forms: public, the policy keeps them visible (the
#: German side names Luxembourg, and Germany, whose decisions the German rules were tuned on).
STATE_NAMES: Tuple[str, ...] = (
    "Luxemburg", "Luxemburgs", "Großherzogtum Luxemburg", "Großherzogtums Luxemburg", "Luxembourg",
    "Grand-Duché de Luxembourg", "Deutschland", "Deutschlands", "Bundesrepublik Deutschland",
    "Bundesrepublik", "Bundesrepublik Deutschlands",
)
#: Declension of town and country names: the genitive takes ``-s`` (``Deutschlands``, ``Triers``).
PLACE_INFLECTIONS: Tuple[Tuple[str, ...], ...] = (("", "s"),)
#: German writes every noun with a capital: a lone unknown capitalized word is no name, and
#: a new compound (``Versorgungsanwartschaften``) is in no list.
CAPITALIZED_NOUNS = True
#: Function words telling a German paragraph from a French one (``LanguageRouter``).
LANGUAGE_WORDS = {
    "fr": ("le", "la", "les", "des", "du", "et", "est", "que", "qui", "une", "pour", "dans", "par", "sur", "au",
           "aux", "sont", "pas", "ne", "il", "elle", "a", "été", "cette", "ce", "son", "sa", "ses", "en"),
    "de": ("der", "die", "das", "den", "dem", "des", "und", "ist", "nicht", "ein", "eine", "einer", "eines",
           "mit", "von", "zu", "im", "auf", "für", "sich", "auch", "als", "wird", "wurde", "werden", "hat",
           "dass", "nach", "bei", "oder", "sind"),
}
#: German courts and authorities whose seat stays visible (``OVG Lüneburg``, ``Landgericht Trier``).
SEAT_WORDS: Tuple[str, ...] = (
    "OVG", "VGH", "VG", "LG", "OLG", "AG", "LSG", "SG", "FG", "LAG", "ArbG", "KG", "Landgericht", "Landgerichts",
    "Oberlandesgericht", "Oberlandesgerichts", "Amtsgericht", "Amtsgerichts", "Verwaltungsgericht",
    "Verwaltungsgerichts", "Oberverwaltungsgericht", "Oberverwaltungsgerichts", "Verwaltungsgerichtshof",
    "Landessozialgericht", "Landessozialgerichts", "Sozialgericht", "Sozialgerichts", "Finanzgericht",
    "Finanzgerichts", "Arbeitsgericht", "Arbeitsgerichts", "Landesarbeitsgericht", "Landesarbeitsgerichts",
    "Staatsanwaltschaft", "Generalstaatsanwaltschaft", "Bezirksgericht", "Friedensgericht", "Polizeipräsidium",
    "Landratsamt", "Finanzamt", "Finanzamts", "Jobcenter", "Ausländerbehörde", "Universität", "Hochschule",
)
#: German decisions name their parties by letters (``die Klägerin A``, ``E. Sch.``): a lone
#: capital letter standing as a noun is a person.
LETTER_PARTIES = True
#: Endings of the German nouns naming a person (``Verpächterin``, ``Kläger``, ``Angeklagte``).
PERSON_NOUN_ENDINGS: Tuple[str, ...] = ("er", "in", "te", "ten")
#: Marks around authors in a literature citation (``Schmidt / Brinkmann``, ``Hofmann, in:``).
CITATION_MARKS: Tuple[str, ...] = ("/", "in:")
#: Articles before a German common noun: a one-word town after one is that noun (``das Essen``).
NOUN_ARTICLES: Tuple[str, ...] = ("der", "die", "das", "dem", "den", "des", "im", "am", "beim", "zum", "zur", "vom", "ins")

# --- The German tagger (``python -m judanon.build.partner_taggers``, ``docs/neural.md``) ----

#: The model file of the German paragraphs, inside this folder, and its card beside it;
#: the French paragraphs keep the fr pack's tagger (``judanon.packs.lu.neural``).
TAGGER = "models/de-ler-tagger.pt"
#: Confidence below which the German tagger's spans are dropped (see the ro and pl packs).
NEURAL_MIN_SCORE = 0.3
