"""French words the machinery reads (the pack contract, ``judanon.packs.contract``):
replacement formats (the Cour de cassation's conventions), identifier context, the words
of realistic replacements and of invented names, the tokenizer's abbreviations, the
shipped tagger and its settings, address augmentation for training. Data only.

The person grammar is in :mod:`.persons`, company words in :mod:`.companies`.
"""

from __future__ import annotations

from typing import Dict, Tuple

from judanon import entities as E

# --- Replacements (``LabelStyle``) ---------------------------------------------------
# Persons get letters (``M. [K] [R]``, drawn by ``judanon.replace.pseudonymize``); every
# other category gets a counter in the format below.

#: Category -> format of its counter replacement (``{n}`` is the counter).
REPLACEMENT_FORMATS: Dict[str, str] = {
    E.ADRESSE: "[Adresse {n}]",
    E.LOCALITE: "[Localité {n}]",
    E.DATE_NAISSANCE: "[Date naissance {n}]",
    E.DATE_DECES: "[Date décès {n}]",
    E.DATE_MARIAGE: "[Date mariage {n}]",
    E.NUMERO_IDENTIFIANT: "[Numéro identifiant {n}]",
    E.SIREN_SIRET: "[N° SIREN/SIRET {n}]",
    E.EMAIL: "[Courriel {n}]",
    E.CADASTRE: "[Cadastre {n}]",
    E.IMMATRICULATION: "[Immatriculation {n}]",
    E.TELEPHONE: "[XXXXXXXX{n:02d}]",
    E.COMPTE_BANCAIRE: "[XXXXXXXXXX{n:02d}]",
    E.SITE_WEB: "[{n:02d}]",
    E.PERSONNE_MORALE: "[{n}]",
    E.ETABLISSEMENT: "[{n}]",
    # Label's replacement of a judge's additional term that is no person's name
    E.ANNOTATION_SUPPLEMENTAIRE: "[Identifiant {n}]",
    # no counter: a fixed text, the same whatever the strategy (reasons hidden whole)
    E.MOTIVATIONS: "[Motifs de la décision occultés]",
}

#: Context words announcing a personal identifier, folded (doubts: a number left visible
#: after one is worth a look). Company registrations (``RCS``) and institutions'
#: telephone numbers are public: not listed.
IDENTIFIER_CONTEXT: Tuple[str, ...] = (
    "iban", "rib", "securite sociale", "n° ss", "nir", "numero de compte", "compte bancaire",
    "compte n°", "passeport", "carte d'identite", "carte nationale d'identite", "titre de sejour",
    "permis de conduire", "numero fiscal", "allocataire",
)

# --- Realistic replacements (``judanon.replace.strategies.Surrogate``) ----------------------

#: Faker locale of the invented names, streets and towns.
SURROGATE_LOCALE = "fr_FR"
#: Civilities right before a name that tell a man, or a woman (the surrogate keeps the gender).
MALE_CIVILITIES = ("M.", "MM.", "Monsieur", "Messieurs", "Mr", "Mr.")
FEMALE_CIVILITIES = ("Mme", "Mme.", "Mmes", "Mmes.", "Madame", "Mlle", "Mlle.", "Mademoiselle")
#: Month names of written-out dates, January first (``3 mars 1975``).
DATE_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
               "septembre", "octobre", "novembre", "décembre")
#: How the first day of a month is written in a date (``1er mars``).
FIRST_DAY = "1er"

# --- Invented names (``--unseen-names``, training) -----------------------------------

#: Sounds of invented names (``kourazel``: ``judanon.text.lexicons.invent_name``), which name
#: nobody: onsets, vowels and codas, drawn in turn. Used by ``--unseen-names`` and by
#: training's name swaps; changing them changes those figures.
NAME_SOUNDS = (
    ("b", "c", "d", "f", "g", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z",
     "ch", "br", "gr", "tr", "kh", "ou"),
    ("a", "e", "i", "o", "u", "é", "ou", "ai", "y"),
    ("", "", "n", "r", "l", "t", "s", "z", "k", "ck", "ux"),
)
#: Capitalized words that build the names of persons and towns without being names
#: (``Saint``, ``Le``, ``De``): ``--unseen-names`` keeps them when it invents the rest.
NAME_FRAME_WORDS = ("Saint", "Sainte", "SAINT", "SAINTE", "Le", "La", "Les", "LE", "LA", "LES", "De", "Du", "Des")

# --- Sentences (``judanon.text.tokenize``) ---------------------------------------------
# Lowercase, matched whatever the case: a word of this list keeps its final period
# (``M.``, ``art.``, ``C. civ.``), which then ends no sentence. Single letters (initials,
# the ``C.`` of ``C. civ.``) keep it by rule, without being listed.

#: Abbreviations of French legal writing whose period does not end a sentence.
ABBREVIATIONS = frozenset(
    """
    m mm mme mmes mlle mlles me mes mr dr pr
    art arts al alin ch chap sect ss s suiv
    n no nos num p pp vol t tit liv
    civ pén pen com soc crim adm proc cass req plén ass
    cons const ord déc dec décr circ instr rép rep
    cah tgi trib jcp jur jurispr bull rec gaz pal jo jorf
    cf coll éd ed op cit ibid id not obs concl comm chron rapp
    etc env ex fig gén gen hab inf sup spéc spec
    av bd boul bld fg fbg pl rte imm bât bat esc appt apt st ste
    dpt dép dep arr cne
    janv févr fév avr juil sept oct nov déc
    """.split()
)

# --- Names that stand together (``NameLexiconDetector``) --------------------------------

#: A known name's likelihood below which it is no evidence: the French lexicons are large.
NAME_PAIR_MIN_LIKELIHOOD = 0.3
#: Only known names: an unknown word beside a known one is too often a common word.
NAME_PAIR_CASED_PARTNERS = False

# --- The shipped tagger (``judanon/build/default_model.py``, ``docs/neural.md``) --------

#: The model file, inside this folder, and its card beside it (``.json``).
TAGGER = "models/fr-label-tagger.pt"
#: Confidence below which the profile drops the tagger's spans: below 0.5 the shipped
#: model's lone guesses are wrong more often than right (held-out dev decisions).
NEURAL_MIN_SCORE = 0.5
#: A person guess inside a company's name (``la société Krantz & Cuvelier``) needs this
#: (cross-validated over the dev decisions, docs/neural.md).
NEURAL_COMPANY_MIN_SCORE = 0.95
#: Lowercase words a company's name may hold between capitalized words (``Krantz et Cuvelier``).
NEURAL_COMPANY_CONNECTORS: Tuple[str, ...] = ("&", "et")

# --- Training (``judanon.training``): address augmentation -------------------------------

#: Street types an augmented address may take (lowercase).
TRAINING_STREET_TYPES: Tuple[str, ...] = (
    "rue", "avenue", "boulevard", "allée", "impasse", "chemin", "place", "route", "quai",
    "square", "passage", "cours", "résidence", "sentier",
)
#: Shapes of an invented street name: words, ``{}`` a common word, ``{}s`` its plural.
TRAINING_STREET_NAME_SHAPES: Tuple[Tuple[str, ...], ...] = (
    ("de", "la", "{}"), ("du", "{}"), ("des", "{}s"), ("de", "l", "'", "{}"), ("{}",), ("{}", "{}"),
)
