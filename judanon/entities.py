"""Plain values that flow through the pipeline: categories, spans and entities.

Offsets always refer to the original text, as Python string indices
(``text[start:end]``).
"""

from __future__ import annotations

from typing import Iterable, Optional, Protocol, Tuple, runtime_checkable

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
)

#: Categories that stay visible whatever the caller asks.
ALWAYS_VISIBLE = frozenset({AVOCAT})
#: Categories that stay visible unless the caller passes an explicit ``omit``.
VISIBLE_BY_DEFAULT = frozenset({MAGISTRAT_GREFFIER})
#: Categories whose mentions are persons' names (letters in the Label convention).
PERSON_CATEGORIES = frozenset({PERSONNE_PHYSIQUE, MAGISTRAT_GREFFIER, AVOCAT})


def _non_negative(instance, attribute, value):
    if value < 0:
        raise ArgumentError(f"{attribute.name} must be >= 0, got {value}")


@attrs.frozen(slots=True)
class Span:
    """A candidate found by one detector.

    ``evidence`` says why the detector fired (a pattern name, the list entry that
    matched, a model name); ``specificity`` ranks detectors for the overlap policy:
    3 = validated identifier (checksum), 2 = context rule or exact list entry,
    1 = statistical guess (fuzzy match, neural model).
    """

    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field()
    label: str
    source: str
    score: float = 1.0
    #: May be a list entry (a name): left out of the repr.
    evidence: str = attrs.field(default="", repr=False)
    specificity: int = 1

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
