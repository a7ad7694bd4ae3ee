"""French language data for finding persons and court professionals from context.

Data only: word lists and small regex fragments, the slots of the person grammar
(``judanon.detectors.person_grammar.PersonGrammar``, read through the pack contract), and
the particles of names. The machinery that uses them is :mod:`judanon.detectors.persons`. Nothing here is a list of names: persons are
found from the words around them (civilities, roles, titles) and from
capitalization, so the rules carry over to decisions with other names.

Lists hold surface forms; matching against them is done on a folded key
(lowercase, no accents, see :func:`judanon.text.normalize.fold`) unless the comment
says the case matters.
"""

from __future__ import annotations

from typing import FrozenSet, Tuple

# --- Civilities ---------------------------------------------------------------------
# Case matters for the abbreviations (``M.`` is a civility, ``m.`` is not).

#: Civilities that announce one person.
CIVILITIES_SINGULAR: Tuple[str, ...] = (
    "M.", "Mme", "Mme.", "Mlle", "Mlle.", "Melle", "Mr", "Mr.", "Mrs",
    "Monsieur", "Madame", "Mademoiselle", "monsieur", "madame", "mademoiselle",
    "MONSIEUR", "MADAME", "MADEMOISELLE",
)

#: Civilities that announce several persons (``MM. X et Y``, ``Mmes A, B et C``).
CIVILITIES_PLURAL: Tuple[str, ...] = (
    "MM.", "Mmes", "Mlles", "Messieurs", "Mesdames", "Mesdemoiselles",
    "messieurs", "mesdames", "MESSIEURS", "MESDAMES",
)

#: Medical and academic titles used like civilities (``le Dr Durand``).
DOCTOR_TITLES: Tuple[str, ...] = (
    "Dr", "Dr.", "Docteur", "docteur", "DOCTEUR", "Pr", "Pr.", "Professeur", "professeur",
)

#: Titles of lawyers (and of some other officers: notaries, judicial agents).
LAWYER_TITLES: Tuple[str, ...] = ("Me", "Me.", "Mes", "Maître", "maître", "Maitre", "maitre", "MAITRE", "MAÎTRE")

#: Words that introduce a person's other surname (``Mme Anne Petit épouse Durand``).
MARITAL_WORDS: Tuple[str, ...] = (
    "épouse", "Épouse", "EPOUSE", "ÉPOUSE", "ép.", "veuve", "Veuve", "VEUVE", "Vve",
    "divorcée", "DIVORCEE", "DIVORCÉE", "née", "NEE", "NÉE", "né", "nom d'usage",
    "nom de naissance",
)

#: Words that introduce another name of the same person (``X se disant Y``).
ALIAS_WORDS: Tuple[str, ...] = (
    "se disant", "se disant être", "alias", "dit", "dite", "se faisant appeler",
    "se déclarant", "connu sous le nom de", "connue sous le nom de", "sous l'identité de",
    "sous l'alias",
)

#: Nouns after which a capitalized word is a person (``l'enfant Léa``, ``les enfants
#: Léa et Paul``); the elided ones end with the apostrophe.
PERSON_NOUNS: Tuple[str, ...] = (
    "l'enfant", "les enfants", "l'époux", "l'épouse", "les époux", "les consorts",
    # at the start of a sentence too (``Les consorts Le Goff ont conclu``)
    "Les enfants", "Les époux", "Les consorts",
    "le mineur", "la mineure", "les mineurs", "le jeune", "la jeune", "l'intéressé",
    "l'intéressée", "le défunt", "la défunte", "feu", "l'expert", "le témoin",
    "la témoin", "la victime", "le prévenu", "la prévenue", "l'accusé", "l'accusée",
    "le salarié", "la salariée", "l'interprète", "son fils", "sa fille", "leur fils",
    "leur fille", "son époux", "son épouse", "son frère", "sa soeur", "sa sœur",
    "son père", "sa mère", "son conjoint", "sa conjointe", "son concubin",
    "sa concubine", "le nommé", "la nommée",
    # the rest of the family (``son beau-frère Paul Morel``)
    "son mari", "sa femme", "son ex-époux", "son ex-épouse", "son ex-mari", "son ex-femme",
    "son compagnon", "sa compagne", "son ex-compagnon", "son ex-compagne",
    "leur père", "leur mère", "son beau-père", "sa belle-mère", "son beau-frère",
    "sa belle-soeur", "sa belle-sœur", "son demi-frère", "sa demi-soeur", "sa demi-sœur",
    "son oncle", "sa tante", "son cousin", "sa cousine", "son neveu", "sa nièce",
    "son grand-père", "sa grand-mère", "son petit-fils", "sa petite-fille",
    # parentage, as civil-status records word it (``fille de Yann Morel et de Léa Roux``,
    # ``née hors mariage de``, ``la veuve de``)
    "fils de", "fille de", "né de", "née de", "hors mariage de", "l'enfant de", "veuve de",
    "veuf de",
    # who acts for a company or a procedure (``prise en la personne de Paul Morel,
    # liquidateur``); ``en la personne de son représentant légal`` names nobody
    "en la personne de", "EN LA PERSONNE DE",
    # a person named by a word of the writer's (``un dénommé Castagnet``, ``une certaine Ferreira``)
    "un dénommé", "une dénommée", "le dénommé", "la dénommée", "les dénommés", "un certain",
    "une certaine", "le sieur", "la dame", "Un dénommé", "Une dénommée",
    # an agent of the State or a witness named by a role (``l'inspecteur de police Wilson``, the
    # way judgments of the European Court of Human Rights name them)
    "l'inspecteur", "l'inspectrice", "l'inspecteur de police", "l'inspecteur principal",
    "le commissaire", "la commissaire", "le commissaire de police", "le commissaire principal",
    "l'agent", "l'agente", "l'agent de police", "l'officier", "l'officier de police",
    "l'officier de police judiciaire", "le policier", "la policière", "le gendarme", "la gendarme",
    "le gardien de la paix", "la gardienne de la paix", "le brigadier", "le brigadier-chef", "le major",
    "l'adjudant", "l'adjudant-chef", "le sergent", "le caporal", "le lieutenant", "la lieutenante",
    "le capitaine", "le commandant", "le colonel", "le surveillant", "la surveillante", "le détenu",
    "la détenue", "le codétenu", "le co-détenu", "le prisonnier", "le militaire", "le soldat",
    "l'enquêteur", "l'enquêtrice", "le médecin", "la médecin", "le chauffeur", "le conducteur",
    "la conductrice", "un témoin", "une témoin", "qu'un dénommé", "qu'une dénommée", "qu’un dénommé", "qu’une dénommée",
    # lists of relatives (``leurs enfants Léa, Tom et Inès``), see PLURAL_PERSON_NOUNS
    "leurs enfants", "ses enfants", "nos enfants", "leurs fils", "leurs filles", "ses fils",
    "ses filles", "les petits-enfants", "leurs petits-enfants", "ses petits-enfants",
    "les héritiers", "ses héritiers", "leurs héritiers", "ses frères", "ses soeurs", "ses sœurs",
    "les témoins", "ses parents", "leurs parents",
)

#: Words that start towns' names (``Saint Denis, Saint Ouen et Saint Cloud``): a list of
#: such pairs with no anchor is no list of persons, folded.
TOWN_NAME_STARTS: Tuple[str, ...] = ("saint", "sainte", "st", "ste", "le", "la", "les", "port", "mont",
                                     "pont", "val")

#: Plural nouns of PERSON_NOUNS after which a list of names follows (``leurs enfants
#: Léa, Tom et Inès``), lowercase; the names after the first are persons too.
PLURAL_PERSON_NOUNS: Tuple[str, ...] = (
    "les enfants", "leurs enfants", "ses enfants", "nos enfants", "les époux", "les consorts",
    "leurs fils", "leurs filles", "ses fils", "ses filles", "les petits-enfants",
    "leurs petits-enfants", "ses petits-enfants", "les héritiers", "ses héritiers", "leurs héritiers",
    "ses frères", "ses soeurs", "ses sœurs", "les témoins", "ses parents", "leurs parents",
)

#: A party's role followed by the party's name in apposition (``le requérant, Ahmet
#: Yılmaz, est né ...``, ``l'intimée Anna Kowalska (...)``): a name of two words or more
#: closed by a comma or a parenthesis is a person.
PARTY_ROLE_NOUNS: Tuple[str, ...] = (
    "le requérant", "la requérante", "les requérants", "les requérantes", "l'appelant",
    "l'appelante", "l'intimé", "l'intimée", "le demandeur", "la demanderesse", "le défendeur",
    "la défenderesse", "le plaignant", "la plaignante", "la partie civile", "le mis en cause",
    "la mise en cause", "le mis en examen", "la mise en examen", "le condamné", "la condamnée",
    "l'accusé", "l'accusée", "la victime", "le prévenu", "la prévenue", "le défunt", "la défunte",
)

#: Nouns after which an elided ``d'`` introduces a person (``le placement d'Hugo``).
ELIDED_PERSON_NOUNS: Tuple[str, ...] = (
    "placement", "rétention", "maintien", "audition", "comparution", "expulsion",
    "éloignement", "interpellation", "enfant", "épouse", "époux", "fils", "fille",
    "l'avocat", "avocat", "conseil", "domicile",
    # "garanties de représentation d'X": said of a person held, never of a company
    "représentation",
)

#: Functions of persons who are not members of the court; a name right before one
#: of them (``Lucas Morel, interprète``) is a person of the case, folded.
PERSON_FUNCTIONS: Tuple[str, ...] = (
    "interprete", "interprete assermente", "interprete assermentee", "traducteur",
    "traductrice", "expert", "experte", "expert judiciaire", "temoin", "medecin",
    "psychiatre", "psychologue", "enqueteur social", "enqueteuse sociale",
    "administrateur ad hoc", "administratrice ad hoc", "tuteur", "tutrice", "curateur",
    "curatrice", "mandataire judiciaire", "liquidateur", "liquidatrice", "sous-prefet",
    "sous-prefete", "prefet", "prefete", "maire", "gerant", "gerante", "en sa qualite de",
    "es qualites", "officier de police judiciaire", "gardien de la paix", "brigadier",
    "commissaire de justice", "huissier de justice", "notaire", "infirmier", "infirmiere",
    "salarie", "salariee", "epoux", "epouse", "ne le", "nee le", "demeurant", "domicilie",
    "domiciliee", "de nationalite",
)

#: Party roles: a header with one of them is followed by a party (``APPELANT :``).
PARTY_ROLES: Tuple[str, ...] = (
    "demandeur", "demandeurs", "demanderesse", "demanderesses",
    "défendeur", "défendeurs", "défenderesse", "défenderesses",
    "appelant", "appelante", "appelants", "appelantes",
    "intimé", "intimée", "intimés", "intimées",
    "requérant", "requérante", "requérants", "requérantes",
    "prévenu", "prévenue", "prévenus", "partie civile", "parties civiles",
    "opposant", "opposante", "demandeur au pourvoi", "défendeur au pourvoi",
    "défendeur à la requête", "défenderesse à la requête",
    "demandeur en référé", "défendeur en référé", "intervenant", "intervenante",
    "intervenant volontaire", "intervenante volontaire", "personne retenue",
    "ressortissant", "ressortissante", "étranger", "étrangère", "mis en cause",
    "partie intervenante", "victime", "accusé", "accusée", "témoin", "témoins",
    "assigné", "assignée", "débiteur", "débitrice", "créancier", "créancière",
    "contre", "c/",
)

#: Capital letters that stand for an unknown or already hidden person (``M. X se
#: disant ...``, ``Mme Y``): a placeholder, not an initial. Case matters.
PLACEHOLDER_LETTERS: Tuple[str, ...] = ("X", "Y", "Z")

#: Words before a capital letter that make it a designator, not a person's initial
#: (``annexe B``, ``la catégorie C``, ``le bâtiment A``), folded.
INITIAL_DESIGNATORS: Tuple[str, ...] = (
    "annexe", "annexes", "point", "points", "partie", "parties", "categorie", "categories", "type",
    "lot", "lots", "zone", "batiment", "bat", "escalier", "esc", "section", "paragraphe", "chapitre",
    "titre", "livre", "groupe", "classe", "niveau", "serie", "plan", "piece", "pieces", "tableau",
    "figure", "vitamine", "hepatite", "permis", "lettre", "colonne", "ligne", "case", "rang",
    "option", "echelon", "indice", "grade", "bloc", "aile", "porte", "salle", "quartier", "cellule",
    "division", "hall", "etage", "secteur", "tranche", "phase", "variante", "modele", "version",
    "liste", "tome", "volume", "appartement", "appt", "box", "cave", "parking", "place", "numero",
    "no", "n°", "article", "articles", "art", "arts", "alinea", "code", "chambre", "pole", "sous-section",
    "annexe", "schema", "equipe", "unite", "vague", "poste", "voie", "route", "autoroute", "rue",
)

#: Words before two initials that make them a reference, not a person (``article L. R.``).
NOT_BEFORE_INITIALS: Tuple[str, ...] = ("article", "articles", "art", "arts", "code", "alinéa")

# --- Names --------------------------------------------------------------------------

#: Particles that belong to a surname (``de La Fontaine``, ``van der Berg``,
#: ``LE BRAS``). Case matters: they are listed in every case they take in names.
NAME_PARTICLES: Tuple[str, ...] = (
    "de", "du", "des", "de la", "le", "la", "les", "van", "von", "der", "den", "ten", "ter",
    "ben", "bin", "ibn", "el", "al", "da", "di", "do", "dos", "das", "del", "della", "degli",
    "lo", "y", "zu", "af", "mac", "st", "saint", "sainte",
    "De", "Du", "Des", "Le", "La", "Les", "Van", "Von", "Der", "Den", "Ben", "Bin",
    "El", "Al", "Da", "Di", "Do", "Dos", "Das", "Del", "Della", "Mac", "Ter", "Ten",
    "DE", "DU", "DES", "LE", "LA", "LES", "VAN", "VON", "DER", "DEN", "BEN", "BIN",
    "EL", "AL", "DA", "DI", "DO", "DOS", "DAS", "DEL", "DELLA", "TER", "TEN",
)

#: Elided particles glued to the surname (``d'Estaing``, ``D'ALMEIDA``).
ELIDED_PARTICLES: Tuple[str, ...] = ("d'", "d’", "D'", "D’", "l'", "L'", "L’")

#: Capitalized words that are never a name, folded (lowercase, no accents).
#: A name run stops before them; a run made only of them is no name.
NOT_NAMES: FrozenSet[str] = frozenset("""
a au aux apres attendu avant avec alors ainsi aussi audience arret article articles
assiste assistee assistes assistees annexe appel appelant appelante
c ce cet cette ces cela ceci chambre cour code conclusions considerant constate condamne confirme
contre composition conseil conseils copie copies cabinet
d dans de des du debats decision declare delibere depens deliberation donc dossier dont dit
demande demandes demandeur demanderesse defendeur defenderesse dispositif
en entre et etat expose ensuite enfin
faits for formation grosse greffe
il ils elle elles incidemment infirme intime intimee
je juge jugement juridiction
la le les leur leurs lui lors
ma madame mais me melle mes minute mme mmes monsieur moyen moyens mlle
ne ni non nos notre nous n no numero
or ou ordonnance ordonnons
par portalis pour pourvoi pres president presidente presidee prononce procedure public publique
quant que qui
rejette renvoi renvoie rg reponse republique
sa sans se ses selon si signe signee son sous sur statuant
tel telle tribunal toutefois
un une
vu vus vous
y
janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre
lundi mardi mercredi jeudi vendredi samedi dimanche
francais francaise
societe sa sas sarl sasu eurl sci scp selarl selas snc gie association syndicat
banque caisse mutuelle compagnie groupe fondation etablissement entreprise
commune ville departement region etat ministere ministre prefet prefete prefecture
sous-prefet sous-prefete maire mairie
procureur procureure parquet ministere greffier greffiere conseiller conseillere
magistrat magistrate juges avocat avocate avocats barreau batonnier
huissier notaire expert mandataire liquidateur administrateur commissaire
huissiers notaires experts mandataires liquidateurs administrateurs commissaires associe associes associee associees
directeur directrice gerant gerante
docteur professeur maitre
chancelier chanceliere senateur senatrice depute deputee general generale colonel capitaine
commandant lieutenant adjudant brigadier gardien officier agent sous-prefet
cpc cass civ crim soc com ccass cedh cjue urssaf cpam caf pole emploi
ceseda cesa cgi css csp cch crpa cpp cpce cgct cmf cja cnil insee inpi rsa smic
vice-president vice-presidente
tgi tj ca cph jex jaf jld
rcs r.c.s siren siret iban rib bic swift
ordonnance arrete jugement appel cassation
ii iii iv vi vii viii ix xi xii
""".split())

#: Upper-case words that look like a surname in capitals but are headings or
#: institutions (``COUR D'APPEL``, ``PAR CES MOTIFS``), folded.
NOT_SURNAMES: FrozenSet[str] = NOT_NAMES | frozenset("""
ces motifs litige expose faits moyens procedure pretentions parties discussion
tribunal judiciaire cour appel cassation chambre civile sociale commerciale criminelle
section pole social formation decision ordonnance jugement arret minute grosse copie
republique francaise peuple nom au aux de des du la le les et en sur par pour
notifie notifiee notification expedition executoire certifiee conforme delivree
rg portalis dossier numero affaire audience publique debats delibere prononce
demandeur demanderesse defendeur defenderesse appelant appelante intime intimee
requerant requerante partie parties civile civiles etranger etrangere ressortissant
prefet prefete prefecture police nationale gendarmerie administration
sas sarl sa sci scp selarl selas snc eurl sasu gie ste societe
euros eur ttc ht tva n no
mise etat juge libertes detention affaires familiales execution
contentieux protection proximite commerce prudhommes conseil
avocat avocats barreau greffier greffe president presidente conseiller conseillere
magistrat magistrate delegue deleguee
oqtf cesa cra ofpra ofii cnda
holding holdings insurance assurance assurances company compagny group groupe associes associe
enseigne mutualite bank capital consultants conseils services immobilier distribution
epouse veuve nee divorcee ep vve
""".split())

# --- Court professionals ------------------------------------------------------------

#: Titles of magistrates and clerks, folded; longest first so that the regex built
#: from them prefers ``conseiller référendaire`` to ``conseiller``.
MAGISTRATE_TITLES: Tuple[str, ...] = tuple(sorted(set("""
premier president|premiere presidente|president|presidente|vice-president|vice-presidente
premier vice-president|premiere vice-presidente|president de chambre|presidente de chambre
president de section|presidente de section|president du tribunal|presidente du tribunal
conseiller|conseillere|conseillers|conseilleres|conseiller referendaire|conseillere referendaire
conseiller doyen|conseillere doyenne|conseiller delegue|conseillere deleguee
conseiller rapporteur|conseillere rapporteure|conseiller le plus ancien
avocat general|avocate generale|premier avocat general|premiere avocate generale
avocat general referendaire|avocate generale referendaire
procureur|procureure|procureur general|procureure generale|procureur de la republique
vice-procureur|vice-procureure|substitut|substitute|substitut general|substitute generale
greffier|greffiere|greffiers|greffieres|greffier de chambre|greffiere de chambre
greffier en chef|greffiere en chef|greffier place|greffiere placee|greffier stagiaire
greffiere stagiaire|directeur de greffe|directrice de greffe|directeur des services de greffe
directrice des services de greffe|adjoint administratif|adjointe administrative
rapporteur|rapporteure|juge|juges|juge rapporteur|juge de la mise en etat
juge des libertes et de la detention|juge des libertes|juge aux affaires familiales
juge de l'execution|juge des enfants|juge d'instruction|juge des contentieux de la protection
juge unique|juge commissaire|juge-commissaire|juge delegue|juge deleguee
magistrat|magistrate|magistrats|magistrat du siege|magistrat honoraire
magistrat delegue|magistrate deleguee|magistrat en charge|magistrat charge
assesseur|assesseure|assesseurs|auditeur de justice|auditrice de justice
faisant fonction de greffier|faisant fonction de president|faisant fonction de greffiere
premier juge|vice-president charge|vice-presidente chargee
greffier principal|greffiere principale|secretaire-greffier|secretaire-greffiere|secretaire greffier
secretaire greffiere|agent administratif faisant fonction de greffier
agente administrative faisant fonction de greffiere|en qualite de greffier|en qualite de greffiere
""".replace("\n", "|").split("|")) - {""}, key=lambda s: (-len(s), s)))

#: Words right after ``conseiller``, ``juge``, ``président``... that make it a job
#: outside the court (``conseiller en gestion``, ``président directeur général``), folded.
NON_COURT_TITLE_TAILS: Tuple[str, ...] = (
    "en gestion", "en patrimoine", "en investissement", "en communication", "en insertion",
    "en assurance", "en ressources humaines", "en organisation", "en strategie", "en securite",
    "en formation", "en prevention", "en image", "en entreprise", "commercial", "commerciale", "financier", "financiere", "clientele", "municipal",
    "municipale", "general", "generale", "regional", "regionale", "departemental",
    "departementale", "principal", "principale", "technique", "juridique", "conjugal",
    "conjugale", "d'education", "de vente", "de gestion", "d'orientation",
    "d'administration", "directeur", "directrice", "du conseil d'administration",
    "du directoire", "consulaire", "prud'homal", "prud'homale", "pedagogique", "fiscal",
    "fiscale", "patrimonial", "patrimoniale", "bancaire", "immobilier", "immobiliere",
    "d'insertion", "social", "sociale", "emploi", "mutualiste",
)

#: Titles of the public prosecution: the prosecutor is often a party to the case, so
#: a heading with one of them does not open a block of court signatures, folded.
PARQUET_TITLES: Tuple[str, ...] = (
    "procureur", "procureure", "substitut", "substitute", "avocat general", "avocate generale",
    "premier avocat general", "vice-procureur", "vice-procureure", "procureur general",
    "procureure generale", "procureur de la republique", "substitut general",
)

#: Bodies a ``président`` heads inside a court (``président de chambre``); after
#: another ``président de la/du ...`` the person heads a company or a body, folded.
COURT_BODIES: Tuple[str, ...] = (
    "chambre", "tribunal", "cour", "section", "formation", "juridiction", "pole", "audience",
    "conseil de prud", "jury", "commission d'indemnisation", "bureau", "premiere chambre",
    "deuxieme chambre", "troisieme chambre", "quatrieme chambre", "cinquieme chambre",
    "chambre sociale", "chambre civile", "chambre commerciale", "chambre criminelle",
)

#: What follows the judge's name in ``rendu par X, assisté de Y, greffier``, folded.
ASSISTED_BY: Tuple[str, ...] = (
    "assiste de", "assistee de", "assiste d'", "assistee d'", "assistes de", "assistees de",
)

#: Forms a company takes before its name; a capitalized run right after one is a
#: company name, even when it looks like ``First SURNAME``, folded.
COMPANY_FORMS: Tuple[str, ...] = (
    "societe", "ste", "la societe", "les societes", "sa", "s.a.", "sas", "s.a.s.", "sasu", "s.a.s.u.", "sarl",
    "s.a.r.l.", "eurl", "sci", "s.c.i.", "snc", "gie", "scea", "earl", "gaec", "selarl",
    "s.e.l.a.r.l.", "selas", "scp", "s.c.p.", "association", "mutuelle", "mutualite", "groupe",
    "compagnie", "banque", "caisse", "fondation", "syndicat", "cabinet", "etablissements", "ets",
    "enseigne", "marque", "office", "opac", "agence",
)

#: Phrases that put the court's own members right after them
#: (``Sur le rapport de Mme X``, ``présidée par X``), folded, matched before a name.
MAGISTRATE_LEADS: Tuple[str, ...] = (
    "sur le rapport de", "sur le rapport du", "rapport de", "presidee par", "preside par",
    "audience tenue par", "debats tenus par", "nous,",
)

#: Phrases right after a name that make it the court's own member (``Mme X a été
#: entendue en son rapport``: the reporting judge), folded.
MAGISTRATE_CUES_AFTER: Tuple[str, ...] = (
    "a ete entendu en son rapport", "a ete entendue en son rapport", "en son rapport",
    "a fait rapport", "a fait le rapport", "a ete entendu en ses observations et son rapport",
)

# --- Lawyers ------------------------------------------------------------------------

#: Company forms of law firms; followed by names then ``avocat`` they are lawyers.
LAW_FIRM_FORMS: Tuple[str, ...] = (
    "SCP", "S.C.P.", "S.C.P", "SELARL", "S.E.L.A.R.L.", "SELAS", "S.E.L.A.S.", "SELAFA",
    "SELURL", "SELEURL", "SARL", "S.A.R.L.", "SAS", "S.A.S.", "AARPI", "SCPA",
    "Selarl", "Selas", "cabinet", "Cabinet", "CABINET",
)

#: Words that, soon after a name, show the name is a lawyer's (folded prefixes).
LAWYER_CUES: Tuple[str, ...] = (
    "avocat", "avocate", "avocats", "barreau", "toque", "vestiaire", "postulant",
    "plaidant", "substitue", "substituant", "conseil de", "commis d'office",
    "avocat aux conseils",
)

#: Words that, after ``Maître X``, show the officer is no lawyer but a party in
#: the case (a judicial agent, a notary acting ès qualités), folded prefixes.
NON_LAWYER_OFFICER_CUES: Tuple[str, ...] = (
    "es qualite", "ès qualite", "es-qualite", "ès-qualite", "mandataire", "notaire", "huissier", "commissaire",
    "liquidateur", "administrateur judiciaire", "pris en sa qualite",
)

# --- Parties and tagger output -------------------------------------------------------

#: Lowercase particles that belong to a compound surname (``Van Damme``, ``Ben Ali``): a
#: party's name split in first names and surname starts its surname there.
SURNAME_PARTICLES: FrozenSet[str] = frozenset(
    {"de", "d", "du", "des", "le", "la", "les", "van", "von", "der", "den", "ter", "ten",
     "ben", "ibn", "bin", "el", "al", "da", "di", "do", "dos", "das", "del", "della",
     "mac", "mc", "ould", "zu", "y", "e"}
)
#: Lowercase particles that introduce a surname and are not part of what is annotated
#: alone (``Jean de La Fontaine`` -> surname ``La Fontaine``).
SURNAME_LEAD_PARTICLES: FrozenSet[str] = frozenset({"de", "d", "du", "des"})
#: Lowercase particles a tagged name may open with (``de Villepin``, ``d'Ornano``).
LEADING_NAME_PARTICLES: Tuple[str, ...] = (
    "de", "du", "des", "le", "la", "van", "von", "der", "den", "di", "da", "dos", "del", "el", "ben", "d'",
)

# --- Small words of the grammar --------------------------------------------------------
# Read by ``judanon.detectors.person_grammar.PersonGrammar``: the words that glue names and titles
# together in a sentence. Case matters unless the comment says the list is folded.

#: The accented letters of French: a folded phrase above matches them too (a folded
#: ``president`` also matches ``président``).
ACCENTED_LETTERS = "àâäçéèêëîïôöùûüÿ"

#: Letters written with an apostrophe inside one name word (Breton ``c'h``: ``Guivarc'h``,
#: ``Le Floc'h``); the apostrophe is then no elision. Case does not matter.
APOSTROPHE_LETTERS: Tuple[str, ...] = ("c'h",)

#: Words that join the last two items of a list (``M. X et Mme Y``).
CONJUNCTIONS: Tuple[str, ...] = ("et",)

#: Articles before a court title (``, la présidente``), in the order they are tried.
TITLE_ARTICLES: Tuple[str, ...] = ("le", "la", "l'")
#: Articles before a title that opens a line (``Les conseillers :``).
LINE_TITLE_ARTICLES: Tuple[str, ...] = ("le", "la", "les", "l'")

#: An ordinal before a title (``1ère présidente``, ``premier conseiller``), a regular expression.
ORDINAL = r"(?:\d+(?:er|[eè]re|re|e|[eè]me)|premi[eè]re?)"

#: What links a title to the body it heads (``président de la société``), in the order tried.
TITLE_HEAD_LINKS: Tuple[str, ...] = ("de la", "du", "de l'", "des", "d'")

#: Prefixes (folded) of the titles that may head a body outside the court (``président``,
#: ``procureur``): followed by such a link and no court body, they name no court member.
HEADING_TITLE_PREFIXES: Tuple[str, ...] = ("pr",)

#: Plural titles that close an enumeration of court members (``M. X, Mme Y, conseillers``).
PLURAL_COURT_TITLES: Tuple[str, ...] = (
    "conseillers", "conseilleres", "conseillères", "greffiers", "greffieres", "greffières",
    "assesseurs", "assesseures", "juges", "magistrats",
)

#: What may follow a title on a signature line (``Le greffier placé``), folded prefixes.
SIGNATURE_TITLE_TAILS: Tuple[str, ...] = (
    "charge", "chargee", "delegue", "deleguee", "place", "placee", "lors", "faisant",
)

#: Words after a name that make it a lawyer's (``Jean Durand, avocat``).
LAWYER_WORDS: Tuple[str, ...] = ("avocat", "avocate", "avocats", "avocates")
#: Folded words after a lawyer word that make it a prosecutor's title (``avocat général``).
LAWYER_WORD_NOT_BEFORE: Tuple[str, ...] = ("general",)

#: Words linking a lawyer's name to the firm (``Jean Durand de la SCP Durand``), in order.
FIRM_LINKS: Tuple[str, ...] = ("du", "de la", "de l'", "pour le", "pour la", "de le")
#: Firm forms written in lowercase after such a link, besides ``LAW_FIRM_FORMS``.
FIRM_LINK_FORMS: Tuple[str, ...] = (
    "scp", "selarl", "selas", "seleurl", "selurl", "sarl", "sas", "aarpi", "cabinet", "société",
)
#: Words that end a firm's name after such a link (``..., avocat``, ``substituant``), prefixes.
FIRM_ENDS: Tuple[str, ...] = ("avocat", "substitu", "représent", "represent")
#: Words that end the list of partners in a firm's name (``DURAND et associés``), in order.
FIRM_PARTNER_WORDS: Tuple[str, ...] = ("et associés", "et associes", "associés", "associes")
#: Firm forms whose name after them, when no ``avocat`` follows, is a partner (a person).
PARTNER_FIRM_FORMS: Tuple[str, ...] = ("SCP", "S.C.P.", "SELARL", "S.E.L.A.R.L.", "Selarl")

#: Words on the line of a party's name that make it an organisation, folded.
ORGANISATION_WORDS: Tuple[str, ...] = (
    "societe", "sas", "sarl", "sa", "sci", "scp", "selarl", "eurl", "snc", "association", "syndicat",
    "caisse", "banque", "mutuelle", "compagnie", "prefet", "prefete", "ministere", "procureur",
    "urssaf", "cpam", "office", "agence", "commune", "ville", "departement", "region", "etat",
    "groupe", "holding", "tresor",
)

#: Particles of a surname written in capitals (``Jean DE LA FONTAINE`` without context).
CAPITAL_PARTICLES: Tuple[str, ...] = (
    "DE", "DU", "DES", "LE", "LA", "VAN", "VON", "DI", "DA", "DOS", "DEL", "EL", "BEN", "DER",
)

#: Words that start a place after a comma in a civil-status listing (``Madame Hugues,
#: Saint Dominique``): the listing of first names ends there. Case does not matter.
PLACE_STARTS: Tuple[str, ...] = ("saint", "sainte", "st", "ste")

#: Words between the parties of a case caption (``X contre Y``). Case does not matter.
CAPTION_WORDS: Tuple[str, ...] = ("contre", "c/")

#: A birth right after a name (``Laure née le 11 juillet 1999``), a regular expression.
BORN_AFTER = r"n[ée]e?s?[ \t\u00a0]+(?:le|à|en)\b"

#: A party's act after its name, opening a sentence (``Paul Kerbrat a formé un pourvoi``),
#: a regular expression.
PARTY_ACTS = (
    r"(?:a|ont)[ \t\u00a0]+(?:formé|interjeté|relevé|comparu|saisi|assigné|"
    r"été[ \t\u00a0]+(?:poursuivi|condamné|entendu|placé|interpellé|renvoyé|déclaré)e?s?)\b"
)

#: Civilities that may be glued to the name that follows (``M.Dupont``). Case matters.
GLUED_CIVILITIES: Tuple[str, ...] = ("M.",)
#: The elided preposition after ``ELIDED_PERSON_NOUNS`` (``le placement d'Hugo``).
ELIDED_OF: Tuple[str, ...] = ("d'",)
