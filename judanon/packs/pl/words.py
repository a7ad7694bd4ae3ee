"""Polish words: civilities, roles, dates, addresses, name declensions (data only)."""

from __future__ import annotations

from typing import Dict, Tuple

from judanon import entities as E

#: Civilities before a name, in the cases a decision uses them (``pan``, ``panu``, ``p.``).
CIVILITIES: Tuple[str, ...] = (
    "pan", "pana", "panu", "panem", "panie", "pani", "panią", "p.", "państwo", "państwa",
    "dr", "dr.", "mec.", "adw.", "r.pr.",
)
#: Roles in proceedings before a name (nominative and the frequent oblique cases).
ROLES: Tuple[str, ...] = (
    "oskarżony", "oskarżonego", "oskarżonemu", "oskarżonym", "oskarżona", "oskarżonej", "oskarżoną",
    "powód", "powoda", "powodowi", "powódka", "powódki", "powódce",
    "pozwany", "pozwanego", "pozwanemu", "pozwana", "pozwanej",
    "wnioskodawca", "wnioskodawcy", "wnioskodawczyni", "uczestnik", "uczestnika", "uczestniczka", "uczestniczki",
    "świadek", "świadka", "skazany", "skazanego", "skazana", "skazanej",
    "pokrzywdzony", "pokrzywdzonego", "pokrzywdzona", "pokrzywdzonej", "obwiniony", "obwinionego",
    "małoletni", "małoletniego", "małoletnia", "małoletniej",
)
#: Capitalized words that end a name run (institutions, titles), any case.
NOT_NAMES: Tuple[str, ...] = (
    "Sąd", "Sądu", "Sądem", "Skarb", "Skarbu", "Państwa", "Prokurator", "Prokuratura", "Prokuratury",
    "Rzeczypospolitej", "Polskiej", "Urząd", "Urzędu", "Spółka", "Spółki", "Gmina", "Gminy",
    "Województwo", "Powiat", "Zakład", "Zakładu", "Ubezpieczeń", "Społecznych",
)
#: Months, nominative and genitive (``12 marca 1985``), with the Roman-numeral style left out.
MONTHS: Tuple[str, ...] = (
    "styczeń", "stycznia", "luty", "lutego", "marzec", "marca", "kwiecień", "kwietnia", "maj", "maja",
    "czerwiec", "czerwca", "lipiec", "lipca", "sierpień", "sierpnia", "wrzesień", "września",
    "październik", "października", "listopad", "listopada", "grudzień", "grudnia",
)
#: Word after a year (``1985 r.``).
YEAR_SUFFIX = r"r\.?"
BIRTH_WORDS: Tuple[str, ...] = (
    "urodzony", "urodzona", "urodzonego", "urodzonej", "urodzonemu", "urodził się", "urodziła się",
    "ur.", "data urodzenia", "daty urodzenia",
)
DEATH_WORDS: Tuple[str, ...] = (
    "zmarły", "zmarła", "zmarłego", "zmarłej", "zmarł", "zm.", "data śmierci", "daty śmierci",
)
PHONE_WORDS: Tuple[str, ...] = ("tel.", "tel", "telefon", "telefonu", "nr tel.", "kom.")
#: Context words of the national identifiers (PESEL, NIP, REGON are also matched alone).
IDENTIFIER_CONTEXT: Tuple[str, ...] = (
    "pesel", "nip", "regon", "numer rachunku", "nr rachunku", "rachunek bankowy", "dowod osobisty",
    "dowodu osobistego", "paszport", "paszportu",
)
#: Street types written before the street name (``ul. Marszałkowska 12``).
STREET_TYPES: Tuple[str, ...] = ("ul.", "ulica", "ulicy", "al.", "aleja", "alei", "pl.", "plac", "placu",
                                 "os.", "osiedle", "osiedlu")
POSTAL_CODE = r"\d{2}-\d{3}"
#: Declension paradigms of names, folded (lowercase, no accents: ``ą`` -> ``a``).
#: Adjectival surnames: masculine and feminine forms are two persons, never linked.
INFLECTIONS: Tuple[Tuple[str, ...], ...] = (
    ("ski", "skiego", "skiemu", "skim"),
    ("cki", "ckiego", "ckiemu", "ckim"),
    ("dzki", "dzkiego", "dzkiemu", "dzkim"),
    ("ska", "skiej"),
    ("cka", "ckiej"),
    ("dzka", "dzkiej"),
    # nouns ending in a consonant: Nowak, Nowaka, Nowakowi, Nowakiem
    ("", "a", "owi", "em", "iem", "u"),
    # nouns ending in -a (Zaremba, Anna): Zaremby, Zarembie, Zarembę
    ("a", "y", "ie", "e"),
)
#: How replaced mentions are published (a counter in brackets, as in the French convention).
#: Masculine and feminine nominatives of one family name (``Kowalski``/``Kowalska``): two
#: persons (husband and wife) with one family letter, as French spouses share theirs.
GENDER_FORMS: Tuple[Tuple[str, ...], ...] = (("ski", "ska"), ("cki", "cka"), ("dzki", "dzka"))
#: Declension of town names, folded: ``Kraków``/``Krakowie``, ``Wrocław``/``Wrocławiu``,
#: ``Łódź``/``Łodzi``, ``Warszawa``/``Warszawie``/``Warszawy``, ``Gdynia``/``Gdyni``, ``Katowice``/``Katowicach``.
PLACE_INFLECTIONS: Tuple[Tuple[str, ...], ...] = (
    ("", "a", "u", "ie", "iu", "i", "em", "owi"),
    ("a", "y", "ie", "e", "i"),
    ("ia", "i"),
    ("e", "ach", "om"),
)
#: Prepositions of the locative before a town (``w Krakowie``, ``we Wrocławiu``).
LOCATIVE_PREPOSITIONS: Tuple[str, ...] = ("w", "we")
#: Capitalized words after them that are no town (any case): countries and regions,
#: institutions, acts, headings.
NOT_PLACES: Tuple[str, ...] = (
    "Polsce", "Rzeczypospolitej", "Europie", "Unii", "Niemczech", "Francji", "Wielkiej", "Brytanii",
    "Irlandii", "Holandii", "Belgii", "Hiszpanii", "Włoszech", "Szwecji", "Norwegii", "Czechach",
    "Austrii", "Ukrainie", "Rosji", "Litwie", "Grecji", "Rumunii", "Słowenii", "Luksemburgu", "Stanach",
    "Sądzie", "Sądach", "Trybunale", "Urzędzie", "Prokuraturze", "Zakładzie", "Spółce", "Banku", "Sejmie",
    "Senacie", "Ministerstwie", "Komendzie", "Areszcie", "Kodeksie", "Ustawie", "Rozporządzeniu",
    "Dzienniku", "Monitorze", "Umowie", "Regulaminie", "Imieniu", "Sprawie", "Wyroku", "Postanowieniu",
    # acts, documents and bodies a locative names that are no town
    "Uchwale", "Uchwałach", "Konstytucji", "Decyzji", "Załączniku", "Zarządzeniu", "Obwieszczeniu",
    "Dyrektywie", "Traktacie", "Konwencji", "Protokole", "Piśmie", "Wniosku", "Apelacji", "Skardze",
    "Kasacji", "Akcie", "Aktach", "Statucie", "Instrukcji", "Opinii", "Raporcie", "Ordynacji", "Prawie",
    "Rejestrze", "Księdze", "Państwie", "Internecie", "Radzie", "Komisji", "Parlamencie", "Rządzie",
)
#: Words before the preposition that make the town a court's or an authority's seat,
#: public (``Sąd Okręgowy w Krakowie``, ``Prokuratura Rejonowa we Wrocławiu``).
SEAT_WORDS: Tuple[str, ...] = (
    "Sąd", "Sądu", "Sądem", "Sądzie", "Okręgowy", "Okręgowego", "Okręgowym", "Okręgowa", "Okręgowej",
    "Rejonowy", "Rejonowego", "Rejonowym", "Rejonowa", "Rejonowej", "Apelacyjny", "Apelacyjnego",
    "Apelacyjnym", "Administracyjny", "Administracyjnego", "Prokuratura", "Prokuratury", "Prokuraturze",
    "Komenda", "Komendy", "Komendzie", "Urząd", "Urzędu", "Urzędzie", "Wydział", "Wydziału", "Wydziale",
)
#: Words inside a court's name between its seat words and the seat (``Sąd Rejonowy dla
#: Krakowa-Śródmieścia w Krakowie``), beside ``LOCATIVE_PREPOSITIONS``.
SEAT_CONNECTORS: Tuple[str, ...] = ("dla",)
REPLACEMENT_FORMATS: Dict[str, str] = {
    E.ADRESSE: "[Adres {n}]",
    E.LOCALITE: "[Miejscowość {n}]",
    E.DATE_NAISSANCE: "[Data urodzenia {n}]",
    E.DATE_DECES: "[Data śmierci {n}]",
    E.DATE_MARIAGE: "[Data ślubu {n}]",
    E.NUMERO_IDENTIFIANT: "[Numer identyfikacyjny {n}]",
    E.SIREN_SIRET: "[Numer rejestrowy {n}]",
    E.EMAIL: "[E-mail {n}]",
    E.TELEPHONE: "[Telefon {n}]",
    E.COMPTE_BANCAIRE: "[Rachunek {n}]",
    E.PERSONNE_MORALE: "[{n}]",
    E.ETABLISSEMENT: "[{n}]",
}
#: Where ``data/first_names.txt.gz`` and ``data/surnames.txt.gz`` come from
#: (``python -m judanon.build.lexicons --pack pl``): names-dataset countries, the script
#: kept, the wordfreq language of the common-word flag, how many names of each kind.
LEXICON_SOURCE = {"countries": ("PL",), "script": "latin", "language": "pl", "first_names": 2500, "surnames": 8000}

# --- Realistic replacements (``judanon.replace.strategies.Surrogate(profile="pl")``) ---------
#: Faker locale of the invented names, streets and towns.
SURROGATE_LOCALE = "pl_PL"
#: Civilities telling a man, or a woman, right before a name (case matters).
MALE_CIVILITIES: Tuple[str, ...] = ('pan', 'pana', 'panu', 'panem', 'Pan', 'Pana')
FEMALE_CIVILITIES: Tuple[str, ...] = ('pani', 'panią', 'Pani')
#: The twelve months as a written-out date spells them (genitive, as in ``3 maja 1990``).
DATE_MONTHS: Tuple[str, ...] = ('stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca', 'lipca', 'sierpnia', 'września', 'października', 'listopada', 'grudnia')

#: Where ``data/spelling.aff`` and ``data/spelling.dic.gz`` come from
#: (``python -m judanon.build.spelling --pack pl --deb hunspell-pl_*.deb``): the Debian
#: package of the language's hunspell dictionary, the dictionary in it, the licences it
#: is offered under and the one the derived files are shipped under (see ``data/README.md``).
SPELLING_SOURCE = {"package": "hunspell-pl", "dictionary": "pl_PL", "offered": "GPL or LGPL or MPL or Apache-2.0 or CC-SA-1.0", "licence": "Apache-2.0"}
#: Where ``data/places.txt.gz`` comes from (``python -m judanon.build.places --pack pl``):
#: GeoNames towns of these countries and of the world, CLDR country names in the language.
PLACES_SOURCE = {"countries": ("PL",), "script": "latin", "language": "pl", "min_population": 1000,
                 "world_min_population": 100000}

# --- Proper nouns wherever they stand (``judanon.detectors.propernouns``) -----------
#: Titles of judges and clerks: the name after one is a magistrate's, visible by default.
MAGISTRATE_TITLES: Tuple[str, ...] = ("sędzia", "sędziego", "sędzią", "sędziemu", "SSO", "SSR", "SSA", "SSN", "protokolant", "protokolanta", "protokolantka")
#: Offices, titles and kin before a person's name, with only common words between
#: (``minister sprawiedliwości Zbigniew Ziobro``).
PERSON_TITLES: Tuple[str, ...] = (
    "minister", "ministra", "ministrem", "premier", "premiera", "premierem", "prezydent", "prezydenta",
    "prezydentem", "przewodniczący", "przewodniczącego", "przewodnicząca", "wiceminister", "wicepremier",
    "marszałek", "marszałka", "poseł", "posła", "posłanka", "senator", "senatora", "prokurator", "prokuratora", "adwokat", "adwokata", "radca", "radcy", "notariusz", "komornik",
    "biegły", "biegłego", "dyrektor", "dyrektora", "prezes", "prezesa", "prezesem", "wójt", "wójta",
    "burmistrz", "burmistrza", "starosta", "starosty", "wojewoda", "wojewody", "rzecznik", "rzecznika",
    "profesor", "profesora", "prof.", "doktor", "dr", "dr.", "mgr", "inż.", "ks.", "ksiądz", "księdza",
    "biskup", "biskupa", "papież", "papieża", "król", "króla", "królowa", "generał", "generała", "gen.",
    "pułkownik", "płk", "kapitan", "trener", "trenera", "piłkarz", "piłkarza", "zawodnik", "zawodnika",
    "aktor", "aktora", "aktorka", "pisarz", "pisarza", "poeta", "poety", "reżyser", "reżysera",
    "żona", "żony", "mąż", "męża", "syn", "syna", "córka", "córki", "brat", "brata", "siostra", "siostry",
    "matka", "matki", "ojciec", "ojca", "kolega", "kolegi", "koleżanka", "lider", "lidera", "szef", "szefa",
)
#: Words before a place's name (``gmina Wąchock``, ``województwo podlaskie``).
PLACE_WORDS: Tuple[str, ...] = (
    "gmina", "gminy", "gminie", "gminę", "miasto", "miasta", "mieście", "wieś", "wsi", "województwo",
    "województwa", "województwie", "powiat", "powiatu", "powiecie", "m.", "miejscowość", "miejscowości",
    "stolica", "stolicy", "region", "regionu", "prowincja", "prowincji", "stan", "stanu", "landu",
    "okręg", "okręgu", "dzielnica", "dzielnicy", "osiedle", "osiedla", "ul.", "ulica", "ulicy",
)
#: Prepositions before a place's name besides the locative ones (``do Krakowa``, ``z Gdańska``).
PLACE_PREPOSITIONS: Tuple[str, ...] = ("do", "z", "ze", "pod", "koło", "przez", "na", "nad", "spod", "od", "ku")
#: Company forms and words around a company's name (``Orlen S.A.``, ``spółka Agrex``).
COMPANY_WORDS: Tuple[str, ...] = (
    "S.A.", "SA", "sp.", "sp. z o.o.", "Sp. z o.o.", "z o.o.", "spółka", "spółki", "spółką", "firma", "firmy",
    "firmą", "koncern", "koncernu", "bank", "banku", "grupa", "grupy", "klub", "klubu", "partia", "partii",
    "stowarzyszenie", "fundacja", "fundacji",
)
#: Endings of Polish surnames: a lone unknown word ending so is a surname (``Zbigniewicz``).
SURNAME_ENDINGS: Tuple[str, ...] = (
    "ski", "skiego", "skiemu", "skim", "ska", "skiej", "cki", "ckiego", "ckiemu", "ckim", "cka", "ckiej",
    "dzki", "dzka", "wicz", "wicza", "wiczem", "wiczowi", "czyk", "czyka", "iak", "iaka",
)
#: The state's own names, in their case forms: public, the policy keeps them visible.
STATE_NAMES: Tuple[str, ...] = (
    "Polska", "Polski", "Polsce", "Polskę", "Polską", "Rzeczpospolita Polska", "Rzeczypospolitej Polskiej",
    "Rzeczpospolitą Polską", "Rzeczpospolita", "Rzeczypospolitej", "RP", "Skarb Państwa", "Skarbu Państwa",
)

# --- The shipped tagger (``python -m judanon.build.partner_taggers``, ``docs/neural.md``) ------

#: The model file, inside this folder, and its card beside it (``.json``: data, licence,
#: held-out documents and scores).
TAGGER = "models/pl-nkjp-tagger.pt"
#: Confidence below which the profile drops the tagger's spans: lower than the French
#: pack's 0.5, as the rules of a partner pack find fewer names and the tagger's unsure
#: guesses are worth more (held-out Romanian news, docs/neural.md).
NEURAL_MIN_SCORE = 0.3
