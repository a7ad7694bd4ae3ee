"""How the French courts publish replaced mentions (the Cour de cassation's conventions).

Persons get letters (``M. [K] [R]``, drawn by ``judanon.replace.pseudonymize``); every other
category gets a counter in the format below (``{n}`` is the counter).
"""

from __future__ import annotations

from typing import Dict

from judanon import entities as E

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

# --- Realistic replacements (``judanon.replace.strategies.Surrogate``) ----------------------

#: Faker locale of the invented names, streets and towns.
SURROGATE_LOCALE = "fr_FR"
#: Civilities right before a name that tell a man, or a woman (the surrogate keeps the gender).
MALE_CIVILITIES = ("M.", "MM.", "Monsieur", "Messieurs", "Mr", "Mr.")
FEMALE_CIVILITIES = ("Mme", "Mme.", "Mmes", "Mmes.", "Madame", "Mlle", "Mlle.", "Mademoiselle")
#: Month names of written-out dates, January first (``3 mars 1975``).
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre")
#: How the first day of a month is written in a date (``1er mars``).
FIRST_DAY = "1er"

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
