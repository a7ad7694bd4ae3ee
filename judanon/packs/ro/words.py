"""Romanian words: civilities, roles, dates, addresses, name forms (data only)."""

from __future__ import annotations

from typing import Dict, Tuple

from judanon import entities as E

CIVILITIES: Tuple[str, ...] = ("dl.", "dl", "dlui", "dlui.", "d-l", "d-lui", "domnul", "domnului",
                               "dna", "dna.", "d-na", "doamna", "doamnei", "dnei", "d-nei", "dr.")
ROLES: Tuple[str, ...] = (
    "inculpatul", "inculpatului", "inculpata", "inculpatei", "reclamantul", "reclamantului",
    "reclamanta", "reclamantei", "pârâtul", "pârâtului", "pârâta", "pârâtei", "martorul",
    "martorului", "martora", "martorei", "petentul", "petentului", "petenta", "petentei",
    "persoana vătămată", "minorul", "minorului", "minora", "minorei", "condamnatul", "condamnatului",
)
NOT_NAMES: Tuple[str, ...] = (
    "Tribunalul", "Tribunalului", "Curtea", "Curții", "Judecătoria", "Judecătoriei", "Statul",
    "Statului", "Român", "Române", "Ministerul", "Parchetul", "Parchetului", "Primăria", "Primăriei",
    # saints name churches, streets and towns (Sfântul Gheorghe): the name after them is no person
    "Sfântul", "Sfânta", "Sfinții", "Sf.",
)
#: Titles of judges and clerks: the name after one is a magistrate's, visible by default.
MAGISTRATE_TITLES: Tuple[str, ...] = ("judecătorul", "judecător", "judecătoarea", "judecătorului", "judecătoarei", "grefierul", "grefier", "grefiera", "grefierului")
#: Offices, titles and kin before a person's name, with only common words between
#: (``ministrul agriculturii și dezvoltării rurale, Dumitru Botănoiu``).
PERSON_TITLES: Tuple[str, ...] = (
    "ministrul", "ministrului", "ministru", "prim-ministrul", "prim-ministru", "prim-ministrului",
    "premierul", "premierului", "președintele", "președintelui", "președinte", "președinta",
    "vicepreședintele", "vicepreședintelui", "secretarul", "secretar", "subsecretarul", "procurorul", "procuror", "procuroarea", "directorul", "directorului",
    "directoarea", "primarul", "primarului", "prefectul", "prefectului", "deputatul", "deputatului",
    "senatorul", "senatorului", "consilierul", "consilierului", "guvernatorul", "ambasadorul", "liderul",
    "liderului", "purtătorul", "contrasemnează", "soțul", "soția", "fiul", "fiica", "fratele", "sora",
    "mama", "tatăl", "colegul", "colega", "avocatul", "avocata", "notarul", "executorul", "expertul",
    "medicul", "doctorul", "profesorul", "profesoara", "antrenorul", "jucătorul", "scriitorul", "actorul",
    "actrița", "cântărețul", "regizorul", "preotul", "episcopul", "patriarhul", "regele", "regina",
    "prințul", "principele", "generalul", "colonelul", "maiorul", "căpitanul", "comisarul", "agentul",
)
#: Words before a place's name (``județul Călărași``, ``comuna Grădiștea``).
PLACE_WORDS: Tuple[str, ...] = (
    "județ", "județul", "județului", "judeţul", "judeţului", "jud.", "județean", "județeană", "oraș", "comuna", "comunei", "com.", "orașul",
    "orașului", "oraşul", "oraşului", "municipiul", "municipiului", "mun.", "satul", "satului", "localitatea",
    "localității", "regiunea", "regiunii", "provincia", "provinciei", "raionul", "raionului", "capitala",
    "capitalei", "statul", "statului", "landul", "landului", "insula", "insulei", "UAT",
    "administrativ-teritorială", "administrativ-teritoriale", "județele", "comunele", "orașele", "municipiile",
    # features of the land that name a place with the name after them (``Valea Cupelor``)
    "valea", "văii", "dealul", "dealului", "muntele", "muntelui", "munții", "munților", "lacul", "lacului",
    "râul", "râului", "pârâul", "pârâului", "câmpia", "câmpiei", "podișul", "podișului", "delta", "deltei",
    "golful", "golfului", "peninsula", "peninsulei", "defileul", "cheile", "ținutul", "ținutului",
)
#: The state's own names, in their case forms: public, the policy keeps them visible.
STATE_NAMES: Tuple[str, ...] = ("România", "României", "Romania", "Romaniei", "Republica România",
                                "Republicii România", "statul român", "statului român")
#: Prepositions before a place's name besides the locative ones (``la Kyiv``, ``spre Cluj``).
PLACE_PREPOSITIONS: Tuple[str, ...] = ("la", "lângă", "spre", "către", "prin", "până")
#: Company forms and words around a company's name (``S.C. Arfis Impex - S.R.L.``).
COMPANY_WORDS: Tuple[str, ...] = (
    "S.C.", "SC", "S.R.L.", "SRL", "S.A.", "SA", "S.N.C.", "SNC", "S.C.S.", "P.F.A.", "PFA", "I.I.", "Societatea",
    "Societății", "Compania", "Companiei", "firma", "firmei", "Grupul", "Grupului", "Banca", "Băncii", "Holding",
)
#: Endings of Romanian surnames: a lone unknown word ending so is a surname (``Vulcănescu``).
SURNAME_ENDINGS: Tuple[str, ...] = ("escu", "eanu", "ianu")
MONTHS: Tuple[str, ...] = (
    "ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august", "septembrie",
    "octombrie", "noiembrie", "decembrie", "ian.", "feb.", "febr.", "mart.", "apr.", "aug.",
    "sept.", "oct.", "nov.", "dec.",
)
BIRTH_WORDS: Tuple[str, ...] = ("născut", "născută", "născutul", "născuta", "n.", "data nașterii",
                                "data naşterii", "născut la data de", "născută la data de")
DEATH_WORDS: Tuple[str, ...] = ("decedat", "decedată", "a decedat", "data decesului")
PHONE_WORDS: Tuple[str, ...] = ("tel.", "telefon", "telefonul", "mobil")
IDENTIFIER_CONTEXT: Tuple[str, ...] = ("cnp", "c.n.p.", "cui", "cif", "cont bancar", "contul", "iban",
                                       "carte de identitate", "c.i.", "pasaport")
STREET_TYPES: Tuple[str, ...] = ("str.", "strada", "străzii", "bd.", "bulevardul", "b-dul", "calea",
                                 "șos.", "şos.", "șoseaua", "şoseaua", "aleea", "piața", "piaţa", "intr.",
                                 "intrarea")
NUMBER_WORDS: Tuple[str, ...] = ("nr.", "nr", "numărul")
POSTAL_CODE = r"\d{6}"
#: Romanian surnames do not decline (``lui Popescu``); feminine first names in -a take
#: -ei in the genitive-dative (``Maria``/``Mariei``, ``Elena``/``Elenei``).
INFLECTIONS: Tuple[Tuple[str, ...], ...] = (
    ("a", "ei"),
)
#: Romanian surnames keep one form for men and women (``Popescu``): no gender forms.
#: Declension of town names, folded: ``Cluj``/``Clujului``, ``Constanța``/``Constanței``
#: (after ``în``/``din`` a town keeps its nominative: ``în București``).
PLACE_INFLECTIONS: Tuple[Tuple[str, ...], ...] = (
    ("", "ului"),
    ("a", "ei"),
)
#: Prepositions before a town (``în București``, ``din Iași``); the town keeps its
#: nominative there.
LOCATIVE_PREPOSITIONS: Tuple[str, ...] = ("în", "din")
#: Capitalized words after them that are no town: countries, institutions, acts.
NOT_PLACES: Tuple[str, ...] = (
    "România", "Romania", "Republica", "Moldova", "Europa", "Uniunea", "Italia", "Spania", "Germania",
    "Franța", "Anglia", "Marea", "Britanie", "Codul", "Legea", "Hotărârea", "Sentința", "Decizia",
    "Dosarul", "Monitorul", "Contractul", "Cererea", "Ordonanța", "Constituția", "Sectorul", "Sectorului",
    "Județul", "Municipiul", "Comuna", "Orașul", "Satul", "Numele", "Temeiul",
    # acts, documents and bodies a locative names that are no town
    "Regulamentul", "Directiva", "Ordinul", "Tratatul", "Convenția", "Protocolul", "Anexa", "Actul",
    "Raportul", "Procesul", "Încheierea", "Rechizitoriul", "Cauza", "Jurisprudența", "Registrul",
    "Statutul", "Cartea", "Capitolul", "Articolul", "Titlul", "Secțiunea", "Camera", "Guvernul",
    "Parlamentul", "Consiliul", "Comisia", "Ministerul", "Tribunalul", "Curtea", "Judecătoria",
)
#: Words before the preposition that make the town a court's or an authority's seat, public
#: (``Judecătoria din Iași``).
SEAT_WORDS: Tuple[str, ...] = (
    "Judecătoria", "Judecătoriei", "Tribunalul", "Tribunalului", "Curtea", "Curții", "Apel",
    "Parchetul", "Parchetului", "Instanța", "Instanței", "Penitenciarul", "Poliția", "Poliției",
    "Inspectoratul", "Primăria", "Primăriei",
)
#: Words inside a court's name between its seat words and the seat (``Curtea de Apel
#: București``, ``Parchetul de pe lângă Judecătoria din Iași``), beside ``în``/``din``.
SEAT_CONNECTORS: Tuple[str, ...] = ("de", "pe", "lângă")
REPLACEMENT_FORMATS: Dict[str, str] = {
    E.ADRESSE: "[Adresa {n}]",
    E.LOCALITE: "[Localitate {n}]",
    E.DATE_NAISSANCE: "[Data nașterii {n}]",
    E.DATE_DECES: "[Data decesului {n}]",
    E.DATE_MARIAGE: "[Data căsătoriei {n}]",
    E.NUMERO_IDENTIFIANT: "[Cod numeric personal {n}]",
    E.SIREN_SIRET: "[Cod unic de înregistrare {n}]",
    E.EMAIL: "[E-mail {n}]",
    E.TELEPHONE: "[Telefon {n}]",
    E.COMPTE_BANCAIRE: "[Cont bancar {n}]",
    E.PERSONNE_MORALE: "[{n}]",
    E.ETABLISSEMENT: "[{n}]",
}
#: Where ``data/first_names.txt.gz`` and ``data/surnames.txt.gz`` come from
#: (``python -m judanon.build.lexicons --pack ro``): names-dataset countries, the script
#: kept, the wordfreq language of the common-word flag, how many names of each kind.
LEXICON_SOURCE = {
    "countries": ("MD",), "script": "latin", "language": "ro", "first_names": 2500, "surnames": 8000,
    "note": "\nnames-dataset ranks no names for Romania (RO); the names ranked in the Republic of Moldova\n"
            "(MD), whose official language is Romanian, stand in for them (Moldovan spellings such as\n"
            "`Cebotari` beside `Ciobanu`; Cyrillic spellings are dropped by the script filter).\n",
}

# --- Realistic replacements (``judanon.replace.strategies.Surrogate(profile="ro")``) ---------
#: Faker locale of the invented names, streets and towns.
SURROGATE_LOCALE = "ro_RO"
#: Civilities telling a man, or a woman, right before a name (case matters).
MALE_CIVILITIES: Tuple[str, ...] = ('dl.', 'dl', 'dlui', 'dlui.', 'd-l', 'd-lui', 'domnul', 'domnului', 'Domnul', 'Dl.')
FEMALE_CIVILITIES: Tuple[str, ...] = ('dna', 'dna.', 'd-na', 'doamna', 'doamnei', 'dnei', 'd-nei', 'Doamna', 'Dna')
#: The twelve months as a written-out date spells them (as in ``3 mai 1990``).
DATE_MONTHS: Tuple[str, ...] = ('ianuarie', 'februarie', 'martie', 'aprilie', 'mai', 'iunie', 'iulie', 'august', 'septembrie', 'octombrie', 'noiembrie', 'decembrie')

#: Where ``data/spelling.aff`` and ``data/spelling.dic.gz`` come from
#: (``python -m judanon.build.spelling --pack ro --deb hunspell-ro_*.deb``): the Debian
#: package of the language's hunspell dictionary, the dictionary in it, the licences it
#: is offered under and the one the derived files are shipped under (see ``data/README.md``).
SPELLING_SOURCE = {"package": "hunspell-ro", "dictionary": "ro_RO", "offered": "GPL-2 or LGPL-2.1 or MPL-1.1", "licence": "MPL-1.1"}
#: Where ``data/places.txt.gz`` comes from (``python -m judanon.build.places --pack ro``):
#: GeoNames towns of these countries and of the world, CLDR country names in the language.
PLACES_SOURCE = {"countries": ("RO", "MD"), "script": "latin", "language": "ro", "min_population": 1000,
                 "world_min_population": 100000}

# --- The shipped tagger (``python -m judanon.build.partner_taggers``, ``docs/neural.md``) ------

#: The model file, inside this folder, and its card beside it (``.json``: data, licence,
#: held-out documents and scores).
TAGGER = "models/ro-ronec-tagger.pt"
#: Confidence below which the profile drops the tagger's spans: lower than the French
#: pack's 0.5, as the rules of a partner pack find fewer names and the tagger's unsure
#: guesses are worth more (held-out Romanian news, docs/neural.md).
NEURAL_MIN_SCORE = 0.3
