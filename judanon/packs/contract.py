"""The pack contract: every name a pack may define, with its default.

A pack (``judanon/packs/<code>/``) keeps its language data in word modules (``words.py``;
a pack may split them, as the French one does: its ``__init__`` then lists them in
``WORD_MODULES``). Every name in capitals there is a *slot* of :class:`PackWords`, the
field of the same name in lowercase (``CIVILITIES`` fills ``civilities``); the slots of
the person grammar are those of :class:`judanon.detectors.person_grammar.PersonGrammar`
(``CIVILITIES_SINGULAR`` ...), gathered in ``PackWords.persons``. A slot a pack leaves
out keeps its default, which turns its feature off. A name no slot has fails when the
pack loads (:class:`judanon.errors.PackContractError`), naming the pack, the name and the
closest slot: a misspelt constant never silently turns a feature off.

Adding a slot is one line in :class:`PackWords` (a field and its default) plus the code
that reads it. A pack's ``__init__`` holds its machinery, not its words: ``patterns()``
(the identifiers, dates and addresses), the functions ``regex_detector``, ``detectors``
and ``profile`` (``functools.partial`` of :mod:`judanon.packs._base`), and, when the
pack keeps seats visible by patterns of its own, ``visible_places()``.
"""

from __future__ import annotations

import difflib
import types
from typing import Dict, Mapping, Sequence, Tuple

import attrs

from judanon.detectors.person_grammar import PersonGrammar
from judanon.errors import PackContractError

__all__ = ["PackWords", "defaults", "slot_names"]


def _words():
    """A slot holding words (any iterable, kept as a tuple); empty by default."""
    return attrs.field(default=(), converter=tuple)


def _word_set():
    return attrs.field(default=frozenset(), converter=frozenset)


def _paradigms():
    """A slot holding tuples of words (declension paradigms, name shapes)."""
    return attrs.field(default=(), converter=lambda value: tuple(tuple(item) for item in value))


def _mapping():
    return attrs.field(factory=dict, converter=dict)


@attrs.frozen(slots=True, eq=False)
class PackWords:
    """Every slot a pack may fill, with its default (see the module docstring).

    Words are matched whatever their case and accents unless a comment says the case
    matters; "folded" words are lowercase without accents
    (:func:`judanon.text.normalize.fold`).
    """

    # --- Persons announced by a civility or a role (``CivilityDetector``) ------------------
    #: Civilities before a name, in every case a decision uses (``pan``, ``κ.``, ``Herr``).
    civilities: Tuple[str, ...] = _words()
    #: Roles in proceedings before a name (``oskarżony``, ``Kläger``).
    roles: Tuple[str, ...] = _words()
    #: Capitalized words that are never a name (compared folded): a run of name words ends
    #: before them (``Sąd``, ``Tribunalul``); the person grammar reads them too.
    not_names: Tuple[str, ...] = _words()

    # --- Dates, numbers and addresses (the pack's ``patterns()``, ``_base.shared_patterns``)
    #: Month names, in every grammatical case dates use (``marca``, ``Μαρτίου``).
    months: Tuple[str, ...] = _words()
    #: A regex source of the word after a year (``r\.?``: ``1985 r.``); ``""``: none.
    year_suffix: str = ""
    #: Words announcing a birth date, a death date, a telephone number.
    birth_words: Tuple[str, ...] = _words()
    death_words: Tuple[str, ...] = _words()
    phone_words: Tuple[str, ...] = _words()
    #: Street types (``ul.``, ``strada``); endings of one-word street names (``straße``);
    #: words before a house number (``nr.``).
    street_types: Tuple[str, ...] = _words()
    street_suffixes: Tuple[str, ...] = _words()
    number_words: Tuple[str, ...] = _words()
    #: The regex source of a postal code (``\d{2}-\d{3}``); ``""``: none.
    postal_code: str = ""

    # --- Declensions (``judanon.resolve.inflection``) -------------------------------------
    #: Paradigms of names, each a tuple of folded endings, nominative first (``""``: the bare
    #: stem); the forms of one paradigm are one person.
    inflections: Tuple[Tuple[str, ...], ...] = _paradigms()
    #: Nominative endings of one family name (husband, wife): one family letter.
    gender_forms: Tuple[Tuple[str, ...], ...] = _paradigms()
    #: Paradigms of town names.
    place_inflections: Tuple[Tuple[str, ...], ...] = _paradigms()

    # --- Towns in the locative, seats that stay visible (``LocativeDetector``) ------------
    #: Prepositions before a town (``w``, ``în``); folded endings of a town in the locative
    #: for a language that needs no preposition (``uje``).
    locative_prepositions: Tuple[str, ...] = _words()
    locative_endings: Tuple[str, ...] = _words()
    #: Capitalized words after them that are no town: countries, institutions, acts.
    not_places: Tuple[str, ...] = _words()
    #: Words opening a court's or an authority's name, whose seat stays visible; lowercase
    #: words inside such a name; words after a town's genitive that make it a seat.
    seat_words: Tuple[str, ...] = _words()
    seat_connectors: Tuple[str, ...] = _words()
    seat_words_after: Tuple[str, ...] = _words()

    # --- Companies and public bodies (``CompanyDetector``) ---------------------------------
    #: Legal forms and organisation words before the name (``la société X``); legal forms
    #: after it, case matters (``X SARL``); public bodies by name and acronym, case matters.
    company_forms_before: Tuple[str, ...] = _words()
    company_forms_after: Tuple[str, ...] = _words()
    public_bodies: Tuple[str, ...] = _words()
    #: Lowercase words joining the words of a company name (``de``, ``et``, ``&``); folded
    #: capitalized words ending one; the articles that may start one.
    company_name_connectors: Tuple[str, ...] = _words()
    company_name_stops: Tuple[str, ...] = _words()
    company_name_articles: Tuple[str, ...] = _words()

    # --- Name lexicons (``data/``, ``NameLexiconDetector``) --------------------------------
    #: Where ``data/first_names.txt.gz`` and ``data/surnames.txt.gz`` come from
    #: (``python -m judanon.build.lexicons --pack <code>``).
    lexicon_source: Mapping[str, object] = _mapping()
    #: A known name's likelihood below which it is no evidence of a pair of names.
    name_pair_min_likelihood: float = 0.2
    #: A name-cased word the lexicons do not know, beside a known name, is a name too.
    name_pair_cased_partners: bool = True

    # --- Persons and places wherever they stand (``ProperNounDetector``) -------------------
    #: Where ``data/spelling.aff`` and ``data/spelling.dic.gz`` come from (``python -m
    #: judanon.build.spelling --pack <code> --deb hunspell-xx_*.deb``): the Debian package,
    #: the dictionary in it, the licences it is offered under, the one the files ship under.
    spelling_source: Mapping[str, object] = _mapping()
    #: Where a ``data/spelling.dic.gz`` of common words alone comes from, when the language's
    #: hunspell dictionary may not ship (``python -m judanon.build.commonwords --pack <code>``).
    common_words_source: Mapping[str, object] = _mapping()
    #: Where ``data/places.txt.gz`` comes from (``python -m judanon.build.places --pack <code>``):
    #: GeoNames countries, script, language of the CLDR country names, population floors.
    places_source: Mapping[str, object] = _mapping()
    #: Articles before a common noun (German ``das``, ``im``): a one-word town after one is
    #: that noun (``das Essen``), a country is not (``die Türkei``).
    noun_articles: Tuple[str, ...] = _words()
    #: Offices, titles and kin before a person's name, with only common words between
    #: (``ministrul``, ``υπουργός``, ``sodnik``); civilities and roles are cues too.
    person_titles: Tuple[str, ...] = _words()
    #: Words before a place's name, part of the place's span (``județul``, ``gmina``, ``Δήμου``).
    place_words: Tuple[str, ...] = _words()
    #: Prepositions before a town besides the locative ones (``do``, ``iz``, ``στην``).
    place_prepositions: Tuple[str, ...] = _words()
    #: Lowercase words joining the administrative units of one place (``του``, ``της``): a
    #: unit opened by a place word after another place, across them or a comma, belongs to
    #: one place span (``Γλύφας, Δήμου Πελασγίας του Νομού Φθιώτιδας``). Empty: none joins.
    place_chain_words: Tuple[str, ...] = _words()
    #: Company forms and words around a company's name (``S.R.L.``, ``spółka``, ``GmbH``): a
    #: capitalized run beside one is the company's name, no person.
    company_words: Tuple[str, ...] = _words()
    #: Folded endings that make a lone unknown capitalized word a surname (``escu``, ``ski``).
    surname_endings: Tuple[str, ...] = _words()
    #: The state's own names in their case forms (``România``, ``Ελληνική Δημοκρατία``):
    #: public, kept visible by the policy and reported apart by ``judanon evaluate``.
    state_names: Tuple[str, ...] = _words()
    #: The language writes every noun with a capital (German): a lone capitalized word no
    #: list explains is then no name (compounds are in no list), and no civility alone
    #: makes one.
    capitalized_nouns: bool = False
    #: Parties are written as letters (``die Klägerin A``, ``E. Sch.``): a lone capital letter
    #: standing as a noun is a person.
    letter_parties: bool = False
    #: Folded endings of the capitalized nouns that name a person (``Verpächterin``,
    #: ``Zeuge``), before such a letter.
    person_noun_endings: Tuple[str, ...] = _words()
    #: Marks around an author's name in a literature citation (``/`` between co-authors,
    #: ``in:`` after one): a name beside one is an author cited, no party.
    citation_marks: Tuple[str, ...] = _words()
    #: ``{language code: lowercase function words}``: a pack whose decisions mix languages
    #: reads each paragraph with the detectors of its language (``LanguageRouter``).
    language_words: Mapping[str, Tuple[str, ...]] = _mapping()

    # --- Replacements, doubts, parties ---------------------------------------------------
    #: Category -> ``[... {n}]`` counter format of the replacements.
    replacement_formats: Mapping[str, str] = _mapping()
    #: Folded words announcing a personal identifier (a number left visible after one is
    #: a doubt for the reviewer).
    identifier_context: Tuple[str, ...] = _words()
    #: Lowercase particles inside a surname (``de``, ``van``), and those opening a surname
    #: that may be dropped (``de La Fontaine``): a party's name is split there.
    surname_particles: frozenset = _word_set()
    surname_lead_particles: frozenset = _word_set()

    # --- Realistic replacements (``Surrogate``) --------------------------------------------
    #: Faker locale (``""``: no words of the language, Faker's ``en_US``); civilities
    #: telling a man, or a woman (case matters); the twelve months as a written date
    #: spells them; how day 1 is written (``1er``).
    surrogate_locale: str = ""
    male_civilities: Tuple[str, ...] = _words()
    female_civilities: Tuple[str, ...] = _words()
    date_months: Tuple[str, ...] = _words()
    first_day: str = ""

    # --- Invented names, sentences, the tagger ---------------------------------------------
    #: ``(onsets, vowels, codas)`` of invented names (``--unseen-names``, training).
    name_sounds: Tuple[Tuple[str, ...], ...] = _paradigms()
    #: Capitalized words that build names and towns without being names (``Saint``).
    name_frame_words: Tuple[str, ...] = _words()
    #: Lowercase abbreviations whose period ends no sentence (``art``, ``mme``).
    abbreviations: frozenset = _word_set()
    #: The tagger the pack ships, a path inside the pack's folder (``models/x.pt``);
    #: ``""``: none (``Anonymizer(profile=..., model=...)`` takes one).
    tagger: str = ""
    #: The tagger's spans below this confidence are dropped; a person guess inside a
    #: company's name (after a grammar ``company_forms`` word) needs the second one.
    neural_min_score: float = 0.0
    neural_company_min_score: float = 0.8
    #: Lowercase words a company's name may hold for the tagger (``&``).
    neural_company_connectors: Tuple[str, ...] = attrs.field(default=("&",), converter=tuple)
    #: Lowercase particles a tagged name may open with (``de``, ``d'``).
    leading_name_particles: Tuple[str, ...] = _words()
    #: Street types (lowercase) and name shapes (``{}`` a common word) of the addresses
    #: ``judanon train`` rewrites.
    training_street_types: Tuple[str, ...] = _words()
    training_street_name_shapes: Tuple[Tuple[str, ...], ...] = _paradigms()

    # --- Persons from context (``PersonContextDetector``) ----------------------------------
    #: The person grammar: its slots are the fields of ``PersonGrammar`` in capitals
    #: (``CIVILITIES_SINGULAR``, ``MAGISTRATE_TITLES`` ...); empty: the pack finds persons
    #: by ``civilities`` and ``roles`` only.
    persons: PersonGrammar = attrs.field(factory=PersonGrammar)

    # --- Persons named by initials (``InitialsDetector``) ----------------------------------
    #: Folded words before a capital letter that make it a designator, not a person
    #: (``annexe B``, ``catégorie C``); a pack that fills it finds persons named by initials
    #: (``G. Berry``, ``le témoin K`` then ``K.`` alone, ``[ L. ]``) with its person grammar.
    initial_designators: Tuple[str, ...] = _words()

    @classmethod
    def read(cls, code: str, modules: Sequence[types.ModuleType]) -> "PackWords":
        """The words of pack ``code``: the names in capitals of its word ``modules``.
        Raises :class:`judanon.errors.PackContractError` on a name no slot has, a slot
        defined twice, or a value of the wrong kind."""
        own, grammar = _own_slots(), _grammar_slots()
        values: Dict[str, Tuple[object, str]] = {}
        for module in modules:
            for name, value in vars(module).items():
                if name.startswith("_") or not name.isupper() or isinstance(value, types.ModuleType):
                    continue
                if name.lower() not in own and name.lower() not in grammar:
                    raise PackContractError(_unknown(code, name, module.__name__))
                if name in values:
                    raise PackContractError(f"pack {code!r}: {name} is defined in {values[name][1]} and in "
                                            f"{module.__name__}; keep one")
                values[name] = (value, module.__name__)
        try:
            persons = PersonGrammar(**{n.lower(): v for n, (v, _) in values.items() if n.lower() in grammar})
            return cls(**{n.lower(): v for n, (v, _) in values.items() if n.lower() in own}, persons=persons)
        except (TypeError, ValueError) as exc:
            raise PackContractError(f"pack {code!r}: a slot holds a value of the wrong kind ({exc})") from None


def _own_slots() -> frozenset:
    return frozenset(f.name for f in attrs.fields(PackWords) if f.name != "persons")


def _grammar_slots() -> frozenset:
    return frozenset(f.name for f in attrs.fields(PersonGrammar))


def slot_names() -> Tuple[str, ...]:
    """Every name a pack may define (``CIVILITIES``, ``CIVILITIES_SINGULAR`` ...), sorted."""
    return tuple(sorted(n.upper() for n in _own_slots() | _grammar_slots()))


def _unknown(code: str, name: str, module: str) -> str:
    """The one-line message of an unknown ``name``: the pack, the name, the closest slot."""
    close = difflib.get_close_matches(name, slot_names(), n=1, cutoff=0.6)
    hint = f"did you mean {close[0]}?" if close else "no slot is close"
    return (f"pack {code!r}: {module} defines {name}, which is no slot of the pack contract ({hint} "
            "the slots are the fields of judanon.packs.contract.PackWords and of PersonGrammar, in capitals)")


def defaults() -> Dict[str, object]:
    """The default of every slot, by name in capitals."""
    empty, grammar = PackWords(), PersonGrammar()
    out = {n.upper(): getattr(grammar, n) for n in _grammar_slots()}
    out.update({n.upper(): getattr(empty, n) for n in _own_slots()})
    return out
