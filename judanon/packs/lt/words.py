"""Lithuanian words: civilities, roles, dates, addresses, name declensions (data only)."""

from __future__ import annotations

from typing import Dict, Tuple

from judanon import entities as E

CIVILITIES: Tuple[str, ...] = ("p.", "ponas", "pono", "ponui", "poną", "ponia", "ponios", "poniai", "gerb.")
ROLES: Tuple[str, ...] = (
    "kaltinamasis", "kaltinamojo", "kaltinamajam", "kaltinamoji", "kaltinamosios",
    "ieškovas", "ieškovo", "ieškovui", "ieškovė", "ieškovės", "atsakovas", "atsakovo", "atsakovui",
    "atsakovė", "atsakovės", "liudytojas", "liudytojo", "liudytoja", "liudytojos",
    "nukentėjusysis", "nukentėjusiojo", "nukentėjusioji", "nukentėjusiosios", "pareiškėjas",
    "pareiškėjo", "pareiškėja", "pareiškėjos", "nuteistasis", "nuteistojo", "nepilnametis", "nepilnamečio",
)
NOT_NAMES: Tuple[str, ...] = (
    "Teismas", "Teismo", "Lietuvos", "Respublikos", "Prokuratūra", "Prokuratūros", "Valstybė",
    "Valstybės", "Savivaldybė", "Savivaldybės", "Aukščiausiasis", "Apeliacinis",
)
#: Months, nominative and genitive (``1985 m. kovo 3 d.``, ``kovo 3 d.``).
MONTHS: Tuple[str, ...] = (
    "sausis", "sausio", "vasaris", "vasario", "kovas", "kovo", "balandis", "balandžio", "gegužė",
    "gegužės", "birželis", "birželio", "liepa", "liepos", "rugpjūtis", "rugpjūčio", "rugsėjis",
    "rugsėjo", "spalis", "spalio", "lapkritis", "lapkričio", "gruodis", "gruodžio",
)
BIRTH_WORDS: Tuple[str, ...] = ("gimęs", "gimusi", "gimusio", "gimusios", "gim.", "gimimo data", "gimė")
DEATH_WORDS: Tuple[str, ...] = ("miręs", "mirusi", "mirusio", "mirusios", "mirė", "mirties data")
PHONE_WORDS: Tuple[str, ...] = ("tel.", "telefonas", "telefono", "mob.")
IDENTIFIER_CONTEXT: Tuple[str, ...] = ("asmens kodas", "asmens kodo", "a. k.", "a.k.", "saskaitos",
                                       "saskaita", "paso", "asmens tapatybes kortele")
#: Street types after the street name (``Vilniaus g. 12``, ``Gedimino pr. 9``).
STREET_TYPES: Tuple[str, ...] = ("g.", "gatvė", "gatvės", "pr.", "prospektas", "al.", "alėja", "a.",
                                 "pl.", "plentas", "skg.", "skersgatvis", "tak.", "takas")
POSTAL_CODE = r"LT-?\d{5}"
#: Declension paradigms, folded (``ą`` -> ``a``, ``ė`` -> ``e``): -as, -is, -ys, -us,
#: and the women's forms -ienė, -aitė, -ytė, -utė, -ūtė.
INFLECTIONS: Tuple[Tuple[str, ...], ...] = (
    ("as", "o", "ui", "a", "u", "e", "ai"),
    ("is", "io", "iui", "i", "iu", "yje"),
    ("ys", "io", "iui", "i", "iu"),
    ("us", "aus", "ui", "u", "umi"),
    ("iene", "ienes", "ienei", "iene", "iene"),
    ("aite", "aites", "aitei"),
    ("yte", "ytes", "ytei"),
    ("ute", "utes", "utei"),
)
#: Nominatives of one family name: the husband's (``Kazlauskas``, ``Jonaitis``), the wife's
#: (``Kazlauskienė``) and the unmarried daughter's (``Kazlauskaitė``, ``Jonaitytė``, ``Butkutė``):
#: several persons with one family letter, as French spouses share theirs.
GENDER_FORMS: Tuple[Tuple[str, ...], ...] = (
    ("as", "iene", "aite"), ("is", "iene", "yte"), ("ys", "iene", "yte"), ("us", "iene", "ute"),
)
#: Declension of town names, folded, the locative (inessive) among them: ``Vilnius``/
#: ``Vilniuje``, ``Kaunas``/``Kaune``, ``Klaipėda``/``Klaipėdoje``, ``Šiauliai``/``Šiauliuose``,
#: ``Panevėžys``/``Panevėžyje``.
PLACE_INFLECTIONS: Tuple[Tuple[str, ...], ...] = (
    ("us", "uje", "aus", "ui", "u"),
    ("as", "e", "o", "ui", "a"),
    ("a", "oje", "os", "ai"),
    ("e", "eje", "es", "ei"),
    ("iai", "iuose", "iu", "iams"),
    ("ai", "uose", "u", "ams"),
    ("ys", "yje", "io", "iui"),
)
#: Endings of a town in the locative, folded: Lithuanian needs no preposition
#: (``Vilniuje``, ``Klaipėdoje``, ``Panevėžyje``, ``Šiauliuose``). ``Kaune`` (-e) is too
#: common an ending to be read alone: it is found when ``Kaunas`` is (town declension).
LOCATIVE_ENDINGS: Tuple[str, ...] = ("uje", "oje", "yje", "eje", "iuose", "uose")
#: Capitalized words with such an ending that are no town: countries, unions, acts.
NOT_PLACES: Tuple[str, ...] = (
    "Lietuvoje", "Europoje", "Respublikoje", "Sąjungoje", "Latvijoje", "Lenkijoje", "Vokietijoje",
    "Rusijoje", "Baltarusijoje", "Airijoje", "Norvegijoje", "Švedijoje", "Anglijoje", "Britanijoje",
    "Ispanijoje", "Italijoje", "Prancūzijoje", "Amerikoje", "Konstitucijoje", "Konvencijoje", "Byloje",
    "Sutartyje", "Nutartyje", "Nutartyse", "Sprendime", "Įstatyme",
    # acts, documents and bodies a locative names that are no town
    "Kodekse", "Priede", "Nutarime", "Įsakyme", "Direktyvoje", "Reglamente", "Protokole", "Skunde",
    "Ieškinyje", "Prašyme", "Registre", "Įstatuose", "Seime", "Vyriausybėje", "Ministerijoje",
    "Savivaldybėje", "Bendrovėje", "Prokuratūroje", "Inspekcijoje", "Tarnyboje", "Komisijoje",
    "Agentūroje", "Rinkoje", "Praktikoje", "Jurisprudencijoje", "Deklaracijoje", "Chartijoje",
)
#: Words after a town's genitive that make it a court's or an authority's seat, public
#: (``Vilniaus apygardos teismas``, ``Kauno apylinkės prokuratūra``, ``Vilniaus miesto savivaldybė``).
SEAT_WORDS_AFTER: Tuple[str, ...] = ("apygardos", "apylinkės", "miesto", "regiono", "rajono")
REPLACEMENT_FORMATS: Dict[str, str] = {
    E.ADRESSE: "[Adresas {n}]",
    E.LOCALITE: "[Vietovė {n}]",
    E.DATE_NAISSANCE: "[Gimimo data {n}]",
    E.DATE_DECES: "[Mirties data {n}]",
    E.DATE_MARIAGE: "[Santuokos data {n}]",
    E.NUMERO_IDENTIFIANT: "[Asmens kodas {n}]",
    E.SIREN_SIRET: "[Įmonės kodas {n}]",
    E.EMAIL: "[El. paštas {n}]",
    E.TELEPHONE: "[Telefonas {n}]",
    E.COMPTE_BANCAIRE: "[Sąskaita {n}]",
    E.PERSONNE_MORALE: "[{n}]",
    E.ETABLISSEMENT: "[{n}]",
}
#: Where ``data/first_names.txt.gz`` and ``data/surnames.txt.gz`` come from
#: (``python -m judanon.build.lexicons --pack lt``): names-dataset countries, the script
#: kept, the wordfreq language of the common-word flag, how many names of each kind.
LEXICON_SOURCE = {"countries": ("LT",), "script": "latin", "language": "lt", "first_names": 2500, "surnames": 8000}

# --- Realistic replacements (``judanon.replace.strategies.Surrogate(profile="lt")``) ---------
#: Faker locale of the invented names, streets and towns.
SURROGATE_LOCALE = "lt_LT"
#: Civilities telling a man, or a woman, right before a name (case matters).
MALE_CIVILITIES: Tuple[str, ...] = ('ponas', 'pono', 'ponui', 'poną', 'Ponas')
FEMALE_CIVILITIES: Tuple[str, ...] = ('ponia', 'ponios', 'poniai', 'Ponia')
#: The twelve months as a written-out date spells them (genitive).
DATE_MONTHS: Tuple[str, ...] = ('sausio', 'vasario', 'kovo', 'balandžio', 'gegužės', 'birželio', 'liepos', 'rugpjūčio', 'rugsėjo', 'spalio', 'lapkričio', 'gruodžio')

#: Where ``data/spelling.aff`` and ``data/spelling.dic.gz`` come from
#: (``python -m judanon.build.spelling --pack lt --deb hunspell-lt_*.deb``): the Debian
#: package of the language's hunspell dictionary, the dictionary in it, the licences it
#: is offered under and the one the derived files are shipped under (see ``data/README.md``).
SPELLING_SOURCE = {"package": "hunspell-lt", "dictionary": "lt_LT", "offered": "BSD-3-clause", "licence": "BSD-3-Clause"}
#: Where ``data/places.txt.gz`` comes from (``python -m judanon.build.places --pack lt``):
#: GeoNames towns of these countries and of the world, CLDR country names in the language.
PLACES_SOURCE = {"countries": ("LT",), "script": "latin", "language": "lt", "min_population": 1000,
                 "world_min_population": 100000}

# --- Proper nouns wherever they stand (``judanon.detectors.propernouns``) -----------
#: Titles of judges and clerks: the name after one is a magistrate's, visible by default.
MAGISTRATE_TITLES: Tuple[str, ...] = ("teisėjas", "teisėjo", "teisėja", "teisėjos", "teisėjui", "teisėjai", "posėdžio sekretorė", "posėdžio sekretorius")
#: Offices, titles and kin before a person's name, with only common words between
#: (``teisingumo ministras Jonas Petraitis``).
PERSON_TITLES: Tuple[str, ...] = (
    "ministras", "ministro", "ministrė", "premjeras", "premjero", "premjerė", "prezidentas", "prezidento",
    "prezidentė", "pirmininkas", "pirmininko", "pirmininkė", "seimo", "narys", "narė", "prokuroras", "prokuroro", "prokurorė", "advokatas", "advokato", "advokatė", "notaras",
    "antstolis", "direktorius", "direktoriaus", "direktorė", "meras", "mero", "merė", "profesorius", "prof.",
    "dr.", "daktaras", "kunigas", "vyskupas", "karalius", "generolas", "treneris", "žmona", "vyras", "sūnus",
    "duktė", "brolis", "sesuo", "motina", "tėvas", "kolega", "vadovas", "vadovė", "ponas", "ponia", "p.",
)
#: Words before a place's name (``Vilniaus miestas``: after; ``kaimas``, ``savivaldybė``: see SEAT words).
PLACE_WORDS: Tuple[str, ...] = ("miestas", "miesto", "mieste", "kaimas", "kaimo", "kaime", "rajonas", "rajono",
                                "apskritis", "apskrities", "savivaldybė", "savivaldybės", "seniūnija", "gatvė")
#: Prepositions before a place's name (``į Vilnių``, ``iš Kauno``).
PLACE_PREPOSITIONS: Tuple[str, ...] = ("į", "iš", "prie", "per", "iki", "link", "nuo")
#: Company forms and words around a company's name (``UAB „Agrex“``).
COMPANY_WORDS: Tuple[str, ...] = ("UAB", "AB", "VšĮ", "IĮ", "MB", "bendrovė", "bendrovės", "įmonė", "įmonės",
                                  "bankas", "banko", "klubas", "partija", "partijos")
#: Endings of Lithuanian surnames: a lone unknown word ending so is a surname.
SURNAME_ENDINGS: Tuple[str, ...] = ("auskas", "ausko", "auskui", "auskienė", "auskaitė", "evičius", "evičiaus",
                                    "avičius", "inskas", "ienė", "ienės", "aitė", "aitės", "ytė", "ytės", "ūtė")
#: The state's own names, in their case forms: public, the policy keeps them visible.
STATE_NAMES: Tuple[str, ...] = (
    "Lietuva", "Lietuvos", "Lietuvai", "Lietuvą", "Lietuvoje", "Lietuvos Respublika", "Lietuvos Respublikos",
    "Lietuvos Respublikoje", "Lietuvos valstybė", "Lietuvos valstybės",
)
