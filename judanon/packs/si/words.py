"""Slovenian words: civilities, roles, dates, addresses, name declensions (data only)."""

from __future__ import annotations

from typing import Dict, Tuple

from judanon import entities as E

CIVILITIES: Tuple[str, ...] = ("g.", "ga.", "ga", "gdč.", "gospod", "gospoda", "gospodu", "gospa",
                               "gospe", "gospo", "dr.")
ROLES: Tuple[str, ...] = (
    "obdolženi", "obdolženega", "obdolženemu", "obdolžena", "obdolžene", "obtoženi", "obtoženega",
    "obtožena", "obtožene", "tožnik", "tožnika", "tožniku", "tožnica", "tožnice", "toženec", "toženca",
    "tožencu", "toženka", "toženke", "priča", "priče", "oškodovanec", "oškodovanca", "oškodovanka",
    "oškodovanke", "predlagatelj", "predlagatelja", "predlagateljica", "mladoletni", "mladoletnega",
    "obsojeni", "obsojenega",
)
NOT_NAMES: Tuple[str, ...] = (
    "Sodišče", "Sodišča", "Republika", "Republike", "Slovenija", "Slovenije", "Vrhovno", "Višje",
    "Okrožno", "Okrajno", "Tožilstvo", "Tožilstva", "Občina", "Občine", "Zavod", "Zavoda",
)
#: Months, nominative and genitive (``3. marca 1985``).
MONTHS: Tuple[str, ...] = (
    "januar", "januarja", "februar", "februarja", "marec", "marca", "april", "aprila", "maj", "maja",
    "junij", "junija", "julij", "julija", "avgust", "avgusta", "september", "septembra", "oktober",
    "oktobra", "november", "novembra", "december", "decembra",
)
BIRTH_WORDS: Tuple[str, ...] = ("rojen", "rojena", "rojenega", "rojene", "roj.", "datum rojstva",
                                "rojen dne", "rojena dne")
DEATH_WORDS: Tuple[str, ...] = ("umrl", "umrla", "umrlega", "umrle", "pokojni", "datum smrti")
PHONE_WORDS: Tuple[str, ...] = ("tel.", "telefon", "telefonska številka", "GSM")
IDENTIFIER_CONTEXT: Tuple[str, ...] = ("emso", "davcna stevilka", "davcne stevilke", "trr", "racun",
                                       "osebna izkaznica", "potni list")
#: Street types written after the street name (``Slovenska cesta 12``, ``Prešernov trg 3``).
STREET_TYPES: Tuple[str, ...] = ("cesta", "ceste", "ulica", "ulice", "trg", "trga", "nabrežje", "pot",
                                 "poti", "ul.")
POSTAL_CODE = r"(?:SI-)?\d{4}"
#: Declension paradigms, folded (``č`` -> ``c``): nouns ending in a consonant (Novak,
#: Novaka, Novaku, Novakom) and in -a (Jana, Jane, Jani, Jano).
INFLECTIONS: Tuple[Tuple[str, ...], ...] = (
    ("", "a", "u", "om", "em"),
    ("a", "e", "i", "o"),
)
#: Slovenian surnames keep one form for men and women (``Novak``): no gender forms.
#: Declension of town names, folded: ``Ljubljana``/``Ljubljani``, ``Maribor``/``Mariboru``,
#: ``Celje``/``Celju``, ``Kranj``/``Kranju``.
PLACE_INFLECTIONS: Tuple[Tuple[str, ...], ...] = (
    ("a", "i", "e", "o"),
    ("", "u", "a", "om"),
    ("e", "u", "a", "em"),
)
#: Preposition of the locative before a town (``v Ljubljani``, ``v Mariboru``). ``na``
#: (``na Ptuju``) also means "on, onto" before persons: left out.
LOCATIVE_PREPOSITIONS: Tuple[str, ...] = ("v",)
#: Capitalized words after it that are no town: countries, institutions, acts.
NOT_PLACES: Tuple[str, ...] = (
    "Sloveniji", "Republiki", "Evropi", "Uniji", "Hrvaški", "Avstriji", "Italiji", "Nemčiji",
    "Madžarski", "Srbiji", "Bosni", "Vrhovnem", "Ustavnem", "Upravnem", "Okrožnem", "Okrajnem",
    "Višjem", "Sodišču", "Uradnem", "Zakonu", "Pogodbi", "Sklepu", "Sodbi", "Imenu",
    # acts, documents and bodies a locative names that are no town
    "Ustavi", "Prilogi", "Odločbi", "Pravilniku", "Uredbi", "Direktivi", "Konvenciji", "Listu",
    "Obrazložitvi", "Zapisniku", "Predlogu", "Pritožbi", "Tožbi", "Izreku", "Registru", "Statutu",
    "Odloku", "Členu", "Poglavju", "Državnem", "Zboru", "Vladi", "Ministrstvu", "Banki", "Družbi",
    "Zavodu", "Uradu", "Svetu", "Komisiji", "Parlamentu",
)
#: Words before the preposition that make the town a court's or an authority's seat, public
#: (``Okrožno sodišče v Ljubljani``).
SEAT_WORDS: Tuple[str, ...] = (
    "sodišče", "sodišča", "sodišču", "sodiščem", "okrožno", "okrožnega", "okrožnem", "okrajno",
    "okrajnega", "okrajnem", "višje", "višjega", "višjem", "upravno", "delovno", "socialno",
    "tožilstvo", "tožilstva", "tožilstvu", "enota", "enote", "enoti", "oddelek", "oddelka",
)
#: Words inside a court's name between its seat words and the seat, beside ``v``.
SEAT_CONNECTORS: Tuple[str, ...] = ("na",)
REPLACEMENT_FORMATS: Dict[str, str] = {
    E.ADRESSE: "[Naslov {n}]",
    E.LOCALITE: "[Kraj {n}]",
    E.DATE_NAISSANCE: "[Datum rojstva {n}]",
    E.DATE_DECES: "[Datum smrti {n}]",
    E.DATE_MARIAGE: "[Datum poroke {n}]",
    E.NUMERO_IDENTIFIANT: "[Identifikacijska številka {n}]",
    E.SIREN_SIRET: "[Matična številka {n}]",
    E.EMAIL: "[E-pošta {n}]",
    E.TELEPHONE: "[Telefon {n}]",
    E.COMPTE_BANCAIRE: "[Račun {n}]",
    E.PERSONNE_MORALE: "[{n}]",
    E.ETABLISSEMENT: "[{n}]",
}
#: Where ``data/first_names.txt.gz`` and ``data/surnames.txt.gz`` come from
#: (``python -m judanon.build.lexicons --pack si``): names-dataset countries, the script
#: kept, the wordfreq language of the common-word flag, how many names of each kind.
LEXICON_SOURCE = {"countries": ("SI",), "script": "latin", "language": "sl", "first_names": 2500, "surnames": 8000}

# --- Realistic replacements (``judanon.replace.strategies.Surrogate(profile="si")``) ---------
#: Faker locale of the invented names, streets and towns.
SURROGATE_LOCALE = "sl_SI"
#: Civilities telling a man, or a woman, right before a name (case matters).
MALE_CIVILITIES: Tuple[str, ...] = ('g.', 'gospod', 'gospoda', 'gospodu', 'G.', 'Gospod', 'Gospoda')
FEMALE_CIVILITIES: Tuple[str, ...] = ('ga.', 'ga', 'gospa', 'gospe', 'gospo', 'Ga.', 'Ga', 'Gospa', 'Gospe')
#: The twelve months as a written-out date spells them (genitive, as in ``3. maja 1990``).
DATE_MONTHS: Tuple[str, ...] = ('januarja', 'februarja', 'marca', 'aprila', 'maja', 'junija', 'julija', 'avgusta', 'septembra', 'oktobra', 'novembra', 'decembra')

#: Where ``data/spelling.aff`` and ``data/spelling.dic.gz`` come from
#: (``python -m judanon.build.spelling --pack si --deb hunspell-sl_*.deb``): the Debian
#: package of the language's hunspell dictionary, the dictionary in it, the licences it
#: is offered under and the one the derived files are shipped under (see ``data/README.md``).
SPELLING_SOURCE = {"package": "hunspell-sl", "dictionary": "sl_SI", "offered": "GPL or LGPL", "licence": "LGPL-2.1"}
#: Where ``data/places.txt.gz`` comes from (``python -m judanon.build.places --pack si``):
#: GeoNames towns of these countries and of the world, CLDR country names in the language.
PLACES_SOURCE = {"countries": ("SI",), "script": "latin", "language": "sl", "min_population": 1000,
                 "world_min_population": 100000}

# --- Proper nouns wherever they stand (``judanon.detectors.propernouns``) -----------
#: Titles of judges and clerks: the name after one is a magistrate's, visible by default.
MAGISTRATE_TITLES: Tuple[str, ...] = ("sodnik", "sodnika", "sodnica", "sodnice", "sodniku", "sodnici", "zapisnikarica", "zapisnikar")
#: Offices, titles and kin before a person's name, with only common words between
#: (``minister za pravosodje Marko Novak``, ``sodnik Janez Kranjc``).
PERSON_TITLES: Tuple[str, ...] = (
    "minister", "ministra", "ministrica", "ministrice", "premier", "premiera", "predsednik", "predsednika",
    "predsednica", "predsednice", "podpredsednik", "poslanec", "poslanca", "poslanka", "tožilec", "tožilca", "tožilka", "odvetnik", "odvetnika", "odvetnica", "notar",
    "direktor", "direktorja", "direktorica", "župan", "župana", "županja", "generalni", "državni",
    "sekretar", "sekretarja", "profesor", "profesorja", "prof.", "dr.", "doktor", "mag.", "župnik",
    "škof", "škofa", "papež", "kralj", "kralja", "kraljica", "general", "generala", "trener", "trenerja",
    "igralec", "igralca", "igralka", "pisatelj", "pisatelja", "pesnik", "pesnika", "režiser", "režiserja",
    "žena", "žene", "mož", "moža", "sin", "sina", "hči", "hčerka", "brat", "brata", "sestra", "sestre",
    "mati", "oče", "očeta", "kolega", "kolegica", "vodja", "šef", "šefa", "gospod", "gospoda", "gospa", "gospe",
)
#: Words before a place's name (``občina Kamnik``, ``mesto Celje``).
PLACE_WORDS: Tuple[str, ...] = (
    "občina", "občine", "občini", "mesto", "mesta", "mestu", "vas", "vasi", "naselje", "naselja", "kraj",
    "kraja", "regija", "regije", "pokrajina", "pokrajine", "država", "države", "zvezna", "prestolnica",
    "prestolnice", "ulica", "ulici", "cesta", "cesti",
)
#: Prepositions before a place's name besides the locative one (``iz Maribora``, ``na Ptuju``).
PLACE_PREPOSITIONS: Tuple[str, ...] = ("iz", "na", "do", "pri", "proti", "okoli", "blizu", "mimo", "čez", "pod", "nad")
#: Company forms and words around a company's name (``Krka d.d.``).
COMPANY_WORDS: Tuple[str, ...] = (
    "d.d.", "d.o.o.", "d. o. o.", "d. d.", "s.p.", "k.d.", "družba", "družbe", "podjetje", "podjetja",
    "banka", "banke", "klub", "kluba", "stranka", "stranke", "društvo", "društva", "zavod", "zavoda",
)
#: Endings of Slovenian surnames: a lone unknown word ending so is a surname (``Bartolič``).
SURNAME_ENDINGS: Tuple[str, ...] = ("ič", "iča", "iču", "ičem", "ić", "šek", "ška", "nik", "nika", "ar", "arja")
#: The state's own names, in their case forms: public, the policy keeps them visible.
STATE_NAMES: Tuple[str, ...] = (
    "Slovenija", "Slovenije", "Sloveniji", "Slovenijo", "Republika Slovenija", "Republike Slovenije",
    "Republiki Sloveniji", "Republiko Slovenijo", "RS",
)
