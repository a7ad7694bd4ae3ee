"""Plain values that flow through the pipeline: categories, spans and entities.

Offsets always refer to the original text, as Python string indices
(``text[start:end]``).
"""

from __future__ import annotations

from typing import FrozenSet, Iterable, Optional, Protocol, Tuple, runtime_checkable

import attrs
from judanon.errors import ArgumentError

# --- Categories (identifiers of the Cour de cassation's review tool Label) ---------

PERSONNE_PHYSIQUE = "personnePhysique"
MAGISTRAT_GREFFIER = "professionnelMagistratGreffier"
AVOCAT = "professionnelAvocat"
ADRESSE = "adresse"
LOCALITE = "localite"
DATE_NAISSANCE = "dateNaissance"
DATE_DECES = "dateDeces"
DATE_MARIAGE = "dateMariage"
NUMERO_IDENTIFIANT = "numeroIdentifiant"
SIREN_SIRET = "numeroSiretSiren"
EMAIL = "email"
TELEPHONE = "telephoneFax"
COMPTE_BANCAIRE = "compteBancaire"
SITE_WEB = "siteWebSensible"
PERSONNE_MORALE = "personneMorale"
ETABLISSEMENT = "etablissement"
CADASTRE = "cadastre"
IMMATRICULATION = "plaqueImmatriculation"
#: The reasons of a decision hidden whole (``anonymize(..., hide_motivations=True)``),
#: Label's category of the same name.
MOTIVATIONS = "motivations"
#: A term the judge asked to hide that is no person's name (``also_hide``), Label's
#: category of the judge's additional terms (``Occultation supplémentaire``).
ANNOTATION_SUPPLEMENTAIRE = "annotationSupplementaire"

#: Every category judanon knows, in a stable order.
CATEGORIES: Tuple[str, ...] = (
    PERSONNE_PHYSIQUE,
    MAGISTRAT_GREFFIER,
    AVOCAT,
    ADRESSE,
    LOCALITE,
    DATE_NAISSANCE,
    DATE_DECES,
    DATE_MARIAGE,
    NUMERO_IDENTIFIANT,
    SIREN_SIRET,
    EMAIL,
    TELEPHONE,
    COMPTE_BANCAIRE,
    SITE_WEB,
    PERSONNE_MORALE,
    ETABLISSEMENT,
    CADASTRE,
    IMMATRICULATION,
    MOTIVATIONS,
    ANNOTATION_SUPPLEMENTAIRE,
)

#: Categories that stay visible whatever the caller asks.
ALWAYS_VISIBLE = frozenset({AVOCAT})
#: Categories that stay visible unless the caller passes an explicit ``omit``.
VISIBLE_BY_DEFAULT = frozenset({MAGISTRAT_GREFFIER})
#: Categories a decision's own request sets (its reasons hidden, a judge's extra terms):
#: always replaced, never left visible by ``omit`` or ``keep_visible``.
REQUESTED_CATEGORIES = frozenset({MOTIVATIONS, ANNOTATION_SUPPLEMENTAIRE})
#: Categories whose mentions are persons' names (letters in the Label convention).
PERSON_CATEGORIES = frozenset({PERSONNE_PHYSIQUE, MAGISTRAT_GREFFIER, AVOCAT})


def _non_negative(instance, attribute, value):
    if value < 0:
        raise ArgumentError(f"{attribute.name} must be >= 0, got {value}")


# --- What a span declares to resolution (``Span.roles``) -----------------------------

#: A person's name that a context in the text anchors (a civility, a role or title word
#: before it: ``Mme``, ``le requérant``, ``Me``). A word of a company's name found there
#: is a person's name at that place.
ANCHORED = "anchored"
#: A statistical guess that the rest of the decision must confirm: dropped when the
#: decision writes the word in lowercase elsewhere, and, inside a company's name, kept
#: but not spread to other occurrences unless another detector saw it too.
GUESS = "guess"
#: A name from the case's party list (metadata given with the decision, not the text):
#: a word of a company's name found there is the party's name; inside a listed public
#: body's name it is a person only where a context in the text anchors it too.
PARTY = "party"
#: A company span that names a public body from a list (``URSSAF``, ``AGS-CGEA``): no
#: person's name inside it stays, unless both the text and the party list say so.
PUBLIC_BODY = "public-body"
#: Every role a span may declare.
ROLES = frozenset({ANCHORED, GUESS, PARTY, PUBLIC_BODY})
#: No role: what a span declares by default (a rule's or a list's finding, neither
#: anchored nor a guess).
NO_ROLES: frozenset = frozenset()


def _known_roles(instance, attribute, value):
    if value and not (isinstance(value, frozenset) and value <= ROLES):
        if not isinstance(value, frozenset):
            raise ArgumentError(f"roles must be a frozenset of judanon.entities.ROLES, not {type(value).__name__}")
        unknown = ", ".join(sorted(map(repr, value - ROLES)))
        raise ArgumentError(f"unknown span role {unknown}; roles are: {', '.join(sorted(ROLES))}")


@attrs.frozen(slots=True)
class Span:
    """A candidate found by one detector.

    ``evidence`` says why the detector fired (a pattern name, the list entry that
    matched, a model name); ``specificity`` ranks detectors for the overlap policy:
    3 = validated identifier (checksum), 2 = context rule or exact list entry,
    1 = statistical guess (fuzzy match, neural model).

    ``roles`` declares what resolution needs to know of the span, whatever detector
    made it (resolution never reads ``source``): a frozenset of :data:`ANCHORED`
    (a context in the text anchors this person's name), :data:`GUESS` (a statistical
    guess to confirm), :data:`PARTY` (from the case's party list), :data:`PUBLIC_BODY`
    (a company span naming a listed public body). The default, no role, suits most
    detectors: their spans are neither anchored nor guesses. See
    ``docs/overlap-policy.md``.
    """

    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field()
    label: str
    source: str
    score: float = 1.0
    #: May be a list entry (a name): left out of the repr.
    evidence: str = attrs.field(default="", repr=False)
    specificity: int = 1
    roles: FrozenSet[str] = attrs.field(default=NO_ROLES, validator=_known_roles)

    @end.validator
    def _check_end(self, attribute, value):
        if value <= self.start:
            raise ArgumentError(f"end ({value}) must be greater than start ({self.start})")

    @property
    def length(self) -> int:
        return self.end - self.start


@runtime_checkable
class Detector(Protocol):
    """Anything with ``detect(text) -> Iterable[Span]``.

    ``name`` and ``version`` are optional; the audit trail records them when present.
    """

    def detect(self, text: str) -> Iterable[Span]:  # pragma: no cover - protocol
        ...


@attrs.frozen(slots=True)
class Evidence:
    """One detector's vote for an entity."""

    source: str
    #: May be a list entry (a name): left out of the repr.
    detail: str = attrs.field(repr=False)
    score: float


def entity_id(start: int, end: int) -> str:
    """The id of the mention at ``text[start:end]`` (``Entity.id``, the audit trail's ``id``)."""
    return f"e{start}-{end}"


@attrs.frozen(slots=True)
class Entity:
    """A resolved mention in the decision and what was done with it.

    ``replacement`` is ``None`` when the mention stays visible.
    """

    start: int
    end: int
    label: str
    #: The surface: personal data, left out of the repr (its length shows).
    text: str = attrs.field(repr=lambda t: f"<{len(t)} characters>")
    source: str
    score: float
    replacement: Optional[str] = None
    evidence: Tuple[Evidence, ...] = ()
    #: Why it stays visible (``None`` when replaced).
    visible_reason: Optional[str] = None
    #: Key that links mentions of one referent (same key, same replacement).
    link: str = ""
    #: Set when the link to the referent is uncertain and a reviewer should look.
    doubt: Optional[str] = None

    @property
    def id(self) -> str:
        """Identifier of the mention, stable within a result and across its reviews
        (entities never overlap, so the offsets name one mention)."""
        return entity_id(self.start, self.end)

    def to_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "text": self.text,
            "source": self.source,
            "score": self.score,
            "replacement": self.replacement,
        }
