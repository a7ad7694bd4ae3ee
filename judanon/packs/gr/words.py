"""Greek words: civilities, roles, dates, addresses, name declensions (data only).

Matching ignores case and accents (``ΠΑΠΑΔΟΠΟΥΛΟΣ`` = ``Παπαδόπουλος``) and treats the
final sigma as ``σ``: lists hold one accented lowercase or capitalized form.
"""

from __future__ import annotations

from typing import Dict, Tuple

from judanon import entities as E

CIVILITIES: Tuple[str, ...] = (
    "κ.", "κα", "κα.", "κος", "κ.κ.", "κύριος", "κυρίου", "κύριο", "κύριε", "κυρία", "κυρίας",
    "δρ", "δρ.", "Δρ.",
)
ROLES: Tuple[str, ...] = (
    "ενάγων", "ενάγοντος", "ενάγοντα", "ενάγουσα", "ενάγουσας", "εναγόμενος", "εναγομένου", "εναγόμενο",
    "εναγόμενη", "εναγομένης", "κατηγορούμενος", "κατηγορουμένου", "κατηγορούμενο", "κατηγορουμένη",
    "κατηγορουμένης", "μάρτυρας", "μάρτυρα", "αιτών", "αιτούντος", "αιτούσα", "αιτούσας", "εκκαλών",
    "εκκαλούντος", "εκκαλούσα", "εκκαλούσας", "αναιρεσείων", "αναιρεσείοντος", "αναιρεσίβλητος",
    "αναιρεσιβλήτου", "ανήλικος", "ανήλικη", "ανηλίκου",
)
NOT_NAMES: Tuple[str, ...] = (
    "Δικαστήριο", "Δικαστηρίου", "Ελληνικό", "Ελληνικού", "Δημόσιο", "Δημοσίου", "Εισαγγελέας",
    "Εισαγγελέα", "Πρωτοδικείο", "Πρωτοδικείου", "Εφετείο", "Εφετείου", "Άρειος", "Πάγος", "Πάγου",
    "Δήμος", "Δήμου", "Τράπεζα", "Τράπεζας",
)
#: Months, nominative and genitive (``12 Μαρτίου 1985``).
MONTHS: Tuple[str, ...] = (
    "Ιανουάριος", "Ιανουαρίου", "Φεβρουάριος", "Φεβρουαρίου", "Μάρτιος", "Μαρτίου", "Απρίλιος",
    "Απριλίου", "Μάιος", "Μαΐου", "Μαΐου", "Ιούνιος", "Ιουνίου", "Ιούλιος", "Ιουλίου", "Αύγουστος",
    "Αυγούστου", "Σεπτέμβριος", "Σεπτεμβρίου", "Οκτώβριος", "Οκτωβρίου", "Νοέμβριος", "Νοεμβρίου",
    "Δεκέμβριος", "Δεκεμβρίου",
    # the accusative (``τον Μάρτιο 2002``)
    "Ιανουάριο", "Φεβρουάριο", "Μάρτιο", "Απρίλιο", "Μάιο", "Ιούνιο", "Ιούλιο", "Αύγουστο", "Σεπτέμβριο",
    "Οκτώβριο", "Νοέμβριο", "Δεκέμβριο",
)
BIRTH_WORDS: Tuple[str, ...] = (
    "γεννήθηκε", "γεννηθείς", "γεννηθείσα", "γεννηθέντος", "γεννηθείσας", "γεν.",
    "ημερομηνία γέννησης", "ημερομηνίας γέννησης", "ημ. γέννησης",
)
DEATH_WORDS: Tuple[str, ...] = (
    "απεβίωσε", "πέθανε", "αποβιώσας", "αποβιώσασα", "αποβιώσαντος", "ημερομηνία θανάτου",
)
PHONE_WORDS: Tuple[str, ...] = ("τηλ.", "τηλ", "τηλέφωνο", "τηλεφώνου", "κιν.", "κινητό")
IDENTIFIER_CONTEXT: Tuple[str, ...] = (
    "αμκα", "α.μ.κ.α.", "αφμ", "α.φ.μ.", "iban", "λογαριασμ", "ταυτοτητα", "ταυτοτητασ", "αδτ", "α.δ.τ.",
    "διαβατηριο",
)
STREET_TYPES: Tuple[str, ...] = ("οδός", "οδού", "οδό", "λεωφόρος", "λεωφόρου", "λεωφ.", "πλατεία",
                                 "πλατείας", "πάροδος", "παρόδου")
NUMBER_WORDS: Tuple[str, ...] = ("αρ.", "αριθ.", "αριθμός")
POSTAL_CODE = r"(?:Τ\.?Κ\.?[ \u00a0]?)?\d{3}[ \u00a0]?\d{2}"
#: Declension paradigms, folded (lowercase, no accents, ``ς`` -> ``σ``): masculine -ος,
#: -ης, -ας and feminine -α, -η. A woman's surname is the genitive of a man's
#: (``Παπαδοπούλου``): it links to ``Παπαδόπουλος`` of the same decision.
INFLECTIONS: Tuple[Tuple[str, ...], ...] = (
    ("οσ", "ου", "ο", "ε"),
    ("ησ", "η"),
    ("ασ", "α"),
    ("ουσ", "ου"),
)
#: A Greek woman's surname is the genitive of the family's masculine one (``Παπαδόπουλος``/
#: ``Παπαδοπούλου``, ``Γεωργιάδης``/``Γεωργιάδη``): the paradigms above already give it the
#: family letter, so no gender forms are listed.
#: Declension of town names, folded: ``Αθήνα``/``Αθήνας``, ``Θεσσαλονίκη``/``Θεσσαλονίκης``,
#: ``Βόλος``/``Βόλο``/``Βόλου``.
PLACE_INFLECTIONS: Tuple[Tuple[str, ...], ...] = (
    ("α", "ασ", "ων"),
    ("η", "ησ"),
    ("οσ", "ο", "ου"),
    # plurals: ``Σέρρες``/``Σερρών``, ``Αθήναι``/``Αθηνών``, ``Χανιά``/``Χανίων``
    ("εσ", "ων"),
    ("αι", "ων"),
)
REPLACEMENT_FORMATS: Dict[str, str] = {
    E.ADRESSE: "[Διεύθυνση {n}]",
    E.LOCALITE: "[Τόπος {n}]",
    E.DATE_NAISSANCE: "[Ημερομηνία γέννησης {n}]",
    E.DATE_DECES: "[Ημερομηνία θανάτου {n}]",
    E.DATE_MARIAGE: "[Ημερομηνία γάμου {n}]",
    E.NUMERO_IDENTIFIANT: "[Αριθμός ταυτοποίησης {n}]",
    E.SIREN_SIRET: "[Αριθμός μητρώου {n}]",
    E.EMAIL: "[Email {n}]",
    E.TELEPHONE: "[Τηλέφωνο {n}]",
    E.COMPTE_BANCAIRE: "[Λογαριασμός {n}]",
    E.PERSONNE_MORALE: "[{n}]",
    E.ETABLISSEMENT: "[{n}]",
}
#: Where ``data/first_names.txt.gz`` and ``data/surnames.txt.gz`` come from
#: (``python -m judanon.build.lexicons --pack gr``): names-dataset countries, the script
#: kept, the wordfreq language of the common-word flag, how many names of each kind.
LEXICON_SOURCE = {
    "countries": ("GR",), "script": "greek", "language": "el", "first_names": 2500, "surnames": 8000,
    # the oblique forms of common names (Γιάννη, Δημητρη) are frequent words in wordfreq's
    # small Greek list: only a far larger excess refuses a name as a word
    "common_excess": 2.5,
    "note": "\nnames-dataset's `GR` ranks hold names in Latin transliteration (`Papadopoulos`,\n"
            "`Giorgos`), names of other origins (Albanian, Pakistani) and about 2,800 first names and\n"
            "2,700 surnames in Greek script; only the Greek-script names are kept (Greek decisions\n"
            "write every name in Greek script), about 1,800 of each once accents are folded.\n",
}

# --- Realistic replacements (``judanon.replace.strategies.Surrogate(profile="gr")``) ---------
#: Faker locale of the invented names, streets and towns.
SURROGATE_LOCALE = "el_GR"
#: Civilities telling a man, or a woman, right before a name (case matters).
MALE_CIVILITIES: Tuple[str, ...] = ('κ.', 'κος', 'κύριος', 'κυρίου', 'κύριο', 'κύριε', 'Κ.', 'Κύριος')
FEMALE_CIVILITIES: Tuple[str, ...] = ('κα', 'κα.', 'κυρία', 'κυρίας', 'Κα', 'Κα.', 'Κυρία')
#: The twelve months as a written-out date spells them (genitive, as in ``15 Μαρτίου 1980``).
DATE_MONTHS: Tuple[str, ...] = ('Ιανουαρίου', 'Φεβρουαρίου', 'Μαρτίου', 'Απριλίου', 'Μαΐου', 'Ιουνίου', 'Ιουλίου', 'Αυγούστου', 'Σεπτεμβρίου', 'Οκτωβρίου', 'Νοεμβρίου', 'Δεκεμβρίου')

#: Where ``data/spelling.aff`` and ``data/spelling.dic.gz`` come from
#: (``python -m judanon.build.spelling --pack gr --deb hunspell-el_*.deb``): the Debian
#: package of the language's hunspell dictionary, the dictionary in it, the licences it
#: is offered under and the one the derived files are shipped under (see ``data/README.md``).
SPELLING_SOURCE = {"package": "hunspell-el", "dictionary": "el_GR", "offered": "MPL-1.1 or GPL-2 or LGPL-2.1", "licence": "MPL-1.1"}
#: Where ``data/places.txt.gz`` comes from (``python -m judanon.build.places --pack gr``):
#: GeoNames towns of these countries and of the world, CLDR country names in the language.
PLACES_SOURCE = {"countries": ("GR", "CY"), "script": "greek", "language": "el", "min_population": 1000,
                 "world_min_population": 100000}

# --- Proper nouns wherever they stand (``judanon.detectors.propernouns``) -----------
#: Titles of judges and clerks: the name after one is a magistrate's, visible by default.
MAGISTRATE_TITLES: Tuple[str, ...] = ("δικαστής", "δικαστή", "δικαστές", "εφέτης", "εφέτη", "πρωτοδίκης", "πρωτοδίκη")
#: Offices, titles and kin before a person's name, with only common words between
#: (``ο Υπουργός Οικονομικών Χρήστος Σταϊκούρας``; in capitals under a signature).
PERSON_TITLES: Tuple[str, ...] = (
    "υπουργός", "υπουργού", "υπουργό", "υπουργοί", "υφυπουργός", "υφυπουργού", "υφυπ.", "αναπληρωτής",
    "αναπληρωτή", "πρωθυπουργός", "πρωθυπουργού", "πρόεδρος", "προέδρου", "αντιπρόεδρος", "γραμματέας",
    "γραμματέα", "προϊστάμενος", "προϊσταμένη", "προϊσταμένου", "διευθυντής", "διευθυντή", "διευθύντρια",
    "δήμαρχος", "δημάρχου", "περιφερειάρχης", "βουλευτής", "βουλευτή", "εισαγγελέας",
    "εισαγγελέα", "δικηγόρος", "δικηγόρου", "συμβολαιογράφος", "πρέσβης", "καθηγητής", "καθηγητή",
    "καθηγήτρια", "στρατηγός", "στρατηγού", "αρχηγός", "αρχηγού", "εκπρόσωπος", "εκπροσώπου", "προπονητής",
    "ποδοσφαιριστής", "ηθοποιός", "συγγραφέας", "ποιητής", "σκηνοθέτης", "μητροπολίτης", "αρχιεπίσκοπος",
    "πατριάρχης", "βασιλιάς", "σύζυγος", "συζύγου", "γιος", "γιου", "κόρη", "κόρης", "αδελφός", "αδελφή",
    "μητέρα", "πατέρας", "συνάδελφος", "ηγέτης", "επικεφαλής", "μηχανικό", "μηχανικός", "μέλη", "μέλος",
    "εντολή", "ακριβές",
)
#: Words before a place's name (``Δήμου Παγγαίου``, ``Νομού Καβάλας``, ``κάτοικος Αθηνών``).
PLACE_WORDS: Tuple[str, ...] = (
    "δήμος", "δήμου", "δήμο", "νομός", "νομού", "νομό", "ν.", "νήσος", "νήσου", "νήσο", "περιφέρεια",
    "περιφέρειας", "περιφερειακή", "περιφερειακής", "ενότητα", "ενότητας", "δημοτική", "δημοτικής",
    "δ.ε.", "κοινότητα", "κοινότητας", "χωριό", "χωριού", "πόλη", "πόλης", "πόλεως", "κάτοικος",
    "κάτοικοι", "κατοίκου", "οικισμός", "οικισμού", "περιοχή", "περιοχής", "πρωτεύουσα",
    "πρωτεύουσας", "επαρχία", "επαρχίας", "οδός", "οδού",
    # units of local government and their abbreviations (``Τ.Κ. Σκάλας``, ``Δ.Δ. Γλύφας``)
    "τοπική", "τοπικής", "τ.κ.", "δημοτικό", "δημοτικού", "διαμέρισμα", "διαμερίσματος", "δ.δ.", "δε",
    "περιφερειακή", "περιφερειακής", "π.ε.", "νομαρχία", "νομαρχίας",
)
#: Words joining the administrative units of one place (``Δήμου Πελασγίας του Νομού Φθιώτιδας``).
PLACE_CHAIN_WORDS: Tuple[str, ...] = ("του", "της", "των", "και")
#: Prepositions before a place's name (``στην Αθήνα``, ``από τη Θεσσαλονίκη``).
PLACE_PREPOSITIONS: Tuple[str, ...] = ("στην", "στη", "στο", "στον", "στα", "στις", "στους", "εις")
#: Company forms and words around a company's name (``Ελληνικά Πετρέλαια Α.Ε.``).
COMPANY_WORDS: Tuple[str, ...] = (
    "Α.Ε.", "ΑΕ", "Ε.Π.Ε.", "ΕΠΕ", "Ο.Ε.", "Ε.Ε.", "ΙΚΕ", "Ι.Κ.Ε.", "εταιρεία", "εταιρείας", "εταιρία",
    "εταιρίας", "τράπεζα", "τράπεζας", "όμιλος", "ομίλου", "κόμμα", "κόμματος", "σύλλογος", "συλλόγου",
)
#: Endings of Greek surnames, folded: a lone unknown word ending so is a surname.
SURNAME_ENDINGS: Tuple[str, ...] = (
    "πουλοσ", "πουλου", "ακησ", "ακη", "ιδησ", "ιδη", "αδησ", "αδη", "ιαδησ", "ογλου", "ελλησ", "ελλη",
    "ατοσ", "ατου", "ουδησ", "ουδη",
)
#: The state's own names, in their case forms: public, the policy keeps them visible.
STATE_NAMES: Tuple[str, ...] = (
    "Ελλάδα", "Ελλάδας", "Ελλάδος", "Ελληνική Δημοκρατία", "Ελληνικής Δημοκρατίας", "Ελληνική Δημοκρατία",
    "Ελληνικό Δημόσιο", "Ελληνικού Δημοσίου", "Ελληνικό Κράτος", "Ελληνικού Κράτους",
)
#: Sounds of invented names (``--unseen-names``, ``judanon.text.lexicons.invent_name``): Greek
#: syllables, so that an invented name is written as the decisions write names.
NAME_SOUNDS: Tuple[Tuple[str, ...], ...] = (
    ("β", "γ", "δ", "θ", "κ", "λ", "μ", "ν", "π", "ρ", "σ", "τ", "φ", "χ", "ζ", "ξ"),
    ("α", "ε", "ι", "ο", "ου", "η"),
    ("ς", "ς", "ς", "", "ν"),
)
