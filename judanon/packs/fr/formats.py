"""How the French courts publish replaced mentions (the Cour de cassation's conventions).

Persons get letters (``M. [K] [R]``, drawn by ``judanon.pseudonymize``); every other
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
}
