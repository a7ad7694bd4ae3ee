"""French companies and public bodies, as data for :class:`judanon.detectors.companies.CompanyDetector`
(slots of the pack contract, ``judanon.packs.contract``).

A company is found from its legal form (``la SCI Les Tilleuls``, ``Vernon Distribution
SARL``) or from words that name an organisation (``l'association Les Amis du Rail``); a
public body from its name or acronym (``l'URSSAF``, ``la CARSAT Bretagne``). No
company name is listed: only forms and the public bodies every French decision may
cite. Words are matched case-insensitively unless the comment says otherwise.
"""

from __future__ import annotations

from typing import Tuple

#: Legal forms and organisation words written before the name (``la société X``).
COMPANY_FORMS_BEFORE: Tuple[str, ...] = (
    "société", "societe", "sté", "ste", "sté.", "ste.", "ets.", "société anonyme", "société civile",
    "société civile immobilière", "société civile professionnelle", "société en nom collectif",
    "société par actions simplifiée", "société à responsabilité limitée",
    "société d'exercice libéral", "entreprise", "entreprise individuelle", "établissements", "ets",
    "groupe", "holding", "enseigne", "franchise", "association", "fondation", "syndicat",
    "syndicat des copropriétaires", "union", "fédération", "mutuelle", "coopérative",
    "compagnie", "banque", "caisse", "cabinet", "office", "agence", "club", "SA", "S.A.",
    "SAS", "S.A.S.", "SASU", "S.A.S.U.", "SARL", "S.A.R.L.", "EURL", "E.U.R.L.", "SCI",
    "S.C.I.", "SNC", "S.N.C.", "GIE", "G.I.E.", "SCEA", "EARL", "GAEC", "SELARL", "S.E.L.A.R.L.",
    "SELAS", "SELAFA", "SELURL", "SCP", "S.C.P.", "SCM", "SEM", "SEML", "SPL", "SCOP", "SCIC",
    "AARPI", "GFA", "GFR", "SAFER",
)
#: Legal forms written after the name (``Vernon Distribution SARL``); case matters:
#: written in capitals after a name, they are forms, not words.
COMPANY_FORMS_AFTER: Tuple[str, ...] = (
    "SA", "S.A.", "SAS", "S.A.S.", "SASU", "SARL", "S.A.R.L.", "EURL", "SCI", "SNC", "SELARL",
    "SELAS", "SCP", "GIE", "SCEA", "EARL", "GAEC",
)
#: Public bodies and national organisations, by name and acronym (case matters for
#: acronyms, so that a common word is never one).
PUBLIC_BODIES: Tuple[str, ...] = (
    "URSSAF", "CPAM", "CAF", "CARSAT", "CNAV", "CNAF", "CNAM", "CNAMTS", "MSA", "UNEDIC",
    "AGS", "CGEA", "AGS-CGEA", "Pôle emploi", "Pôle Emploi", "POLE EMPLOI", "France Travail",
    "DGFIP", "DDFIP", "DRFIP", "OFII", "OFPRA", "CNDA", "ONIAM", "FGAO", "FGTI", "FIVA",
    "ARS", "CRAM", "RSI", "CIPAV", "CARPIMKO", "IRCANTEC", "AGIRC-ARRCO", "AGIRC", "ARRCO",
    "Trésor public", "Agent judiciaire de l'État", "Agent judiciaire de l'Etat",
    "Défenseur des droits", "Cimade", "CIMADE", "France Terre d'Asile",
    "Caisse primaire d'assurance maladie", "Caisse d'allocations familiales",
    "Caisse des dépôts et consignations", "Mutualité sociale agricole",
    "Assistance publique - Hôpitaux de Paris", "AP-HP", "APHP", "SNCF", "RATP", "La Poste",
)
#: Lowercase words that may join the capitalized words of a company name
#: (``Les Terrasses des Alpes``, ``Dupont et Fils``); case matters.
COMPANY_NAME_CONNECTORS: Tuple[str, ...] = (
    "de", "du", "des", "de la", "de l'", "de l’", "d'", "d’", "l'", "l’", "la", "le", "les", "et", "&", "à", "au",
    "aux", "en", "sur", "pour",
)
#: Capitalized words that end a company name: civilities, roles and clause words
#: (``la société X Monsieur Y``, ``la SCI X Représentée par``), compared folded.
COMPANY_NAME_STOPS: Tuple[str, ...] = (
    "m", "mm", "mme", "mmes", "mlle", "me", "maitre", "monsieur", "madame", "mademoiselle",
    "represente", "representee", "representes", "representees", "prise", "pris", "agissant",
    "ayant", "dont", "contre", "c", "demeurant", "domicilie", "domiciliee", "sise", "sis",
    "immatriculee", "immatricule", "rcs", "siren", "siret", "n", "no", "le", "la", "les",
    "appelant", "appelante", "intime", "intimee", "demandeur", "demanderesse", "defendeur",
    "defenderesse", "par", "pour", "en", "au", "aux", "a", "vu", "attendu", "que", "qui",
    "et", "ou", "sur", "dit", "condamne", "deboute", "il", "elle", "ils", "elles", "on", "ce", "cette",
    "qu", "lorsque", "si", "mais", "ainsi", "alors",
)
#: Stop words that may start a name (``la SCI Les Tilleuls``, ``la société Le Grenier``).
COMPANY_NAME_ARTICLES: Tuple[str, ...] = ("le", "la", "les", "l'", "l’")
