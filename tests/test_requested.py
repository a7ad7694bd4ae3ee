"""Hidden reasons (``anonymize(..., hide_motivations=True)``, Label's ``motivationOccultation``):
the zones of the facts, the grounds and the reasons are hidden whole, nothing inside them
is spent on another replacement, and a decision whose reasons are not found is not published."""

import json

import pytest

import judanon
from judanon import cli
from judanon.audit.check import check_publication
from judanon.entities import CATEGORIES, MOTIVATIONS, Span
from judanon.errors import ArgumentError, ZoningError
from judanon.replace.strategies import Mask, Redact
from judanon.structure import is_empty

from support import SHARED_DATA

DATA = SHARED_DATA / "fr-label"
MARKER = "[Motifs de la décision occultés]"
KEY = b"hidden reasons audit key, 32 b.."

APPEL = """COUR D'APPEL DE POITIERS

CHAMBRE DE LA FAMILLE

ARRÊT DU 14 MAI 2024

N° RG 23/00871

APPELANTE :
Madame Clothilde Vernassal
demeurant 6 rue des Tisserands 86000 Poitiers

INTIMÉ :
Monsieur Baptiste Lhermier
demeurant 18 chemin des Vignes 79000 Niort

COMPOSITION DE LA COUR :
Mme Hortense Delambre, présidente de chambre
assistée de Mme Inès Portalet, greffière

EXPOSÉ DU LITIGE

Madame Vernassal et Monsieur Lhermier se sont mariés le 2 juin 2012. Leur fille Capucine
est suivie par le docteur Anselme Rigoulet, 9 rue du Moulin 86100 Châtellerault.

MOTIFS DE LA DÉCISION

Le juge a retenu que Monsieur Lhermier réside à Niort depuis la séparation.

PAR CES MOTIFS

La cour confirme le jugement et condamne Monsieur Lhermier aux dépens.

LA GREFFIÈRE LA PRÉSIDENTE
Inès Portalet Hortense Delambre
"""

CASSATION = """CIV. 1

COUR DE CASSATION

Audience publique du 3 avril 2024

Mme Sauvignac, présidente

Pourvoi n° K 22-18.406

ARRÊT DE LA COUR DE CASSATION, PREMIÈRE CHAMBRE CIVILE, DU 3 AVRIL 2024

Mme Lorraine Bastaroli, domiciliée 4 allée des Cèdres, 31000 Toulouse, a formé le pourvoi n° K 22-18.406 contre l'arrêt rendu le 2 mars 2022 par la cour d'appel de Toulouse, dans le litige l'opposant à M. Fabrice Oustalet, défendeur à la cassation.

La première chambre civile de la Cour de cassation a rendu le présent arrêt.

Faits et procédure

1. Selon l'arrêt attaqué, M. Oustalet et Mme Bastaroli se sont séparés en 2019.

Examen du moyen

Enoncé du moyen

2. Mme Bastaroli fait grief à l'arrêt de fixer la résidence de l'enfant Ysaline chez son père.

Réponse de la Cour

3. La cour d'appel a souverainement apprécié l'intérêt de l'enfant.

PAR CES MOTIFS, la Cour :

REJETTE le pourvoi ;

Condamne Mme Bastaroli aux dépens.
"""


@pytest.fixture(scope="module")
def rules():
    return judanon.Anonymizer(neural=False, audit_key=KEY)


def test_reasons_facts_and_grounds_are_hidden_whole(rules):
    r = rules.anonymize(APPEL, hide_motivations=True)
    assert r.text.count(MARKER) == 1
    for secret in ("Capucine", "Anselme", "Rigoulet", "Châtellerault", "séparation", "2 juin 2012"):
        assert secret not in r.text
    # what is around the reasons stays, pseudonymized as usual
    assert "COMPOSITION DE LA COUR" in r.text and "PAR CES MOTIFS" in r.text
    assert "Vernassal" not in r.text and "Lhermier" not in r.text
    [hidden] = [e for e in r.entities if e.label == MOTIVATIONS]
    assert APPEL[hidden.start:].startswith("EXPOSÉ DU LITIGE")
    assert APPEL[:hidden.end].endswith("depuis la séparation.")
    assert hidden.replacement == MARKER


def test_nothing_inside_spends_a_letter_or_a_counter(rules):
    hidden = rules.anonymize(APPEL, hide_motivations=True, case_id="RG 23/00871")
    inside = [e for e in hidden.entities if e.label != MOTIVATIONS
              and any(m.start <= e.start < m.end for m in hidden.entities if m.label == MOTIVATIONS)]
    assert inside == []  # the zone's entity stands for everything in it
    # the address of the doctor, named only in the facts, takes no counter: the parties'
    # addresses are the first two, and no third appears
    assert "[Adresse 1]" in hidden.text and "[Adresse 2]" in hidden.text and "[Adresse 3]" not in hidden.text
    letters = {e.replacement for e in hidden.entities if e.label == "personnePhysique"}
    full = rules.anonymize(APPEL, case_id="RG 23/00871")
    assert len(letters) < len({e.replacement for e in full.entities if e.label == "personnePhysique"})


def test_audit_records_the_zones_never_the_text(rules):
    r = rules.anonymize(APPEL, hide_motivations=True)
    trail = json.loads(r.audit.to_json())
    [record] = [e for e in trail["entities"] if e["category"] == MOTIVATIONS]
    assert record["decision"] == "replaced" and "text" not in record
    detail = record["evidence"][0]
    assert detail["detector"] == "zoning"
    assert detail["detail"] == "appel decision: zones expose du litige, motivations"
    assert "Capucine" not in r.audit.to_json()
    assert trail["configuration"]["hide_motivations"] is True
    assert r.audit.verify(KEY)
    assert check_publication(r.text, r.audit, APPEL, KEY) == []


def test_grounds_of_a_cassation_decision_are_hidden_with_the_reasons(rules):
    r = rules.anonymize(CASSATION, hide_motivations=True)
    assert r.text.count(MARKER) == 1
    for secret in ("séparés en 2019", "fait grief", "Ysaline", "souverainement"):
        assert secret not in r.text
    [record] = [e for e in r.audit.entities if e.category == MOTIVATIONS]
    assert record.evidence[0].detail == "cassation decision: zones expose du litige, motivations, moyens"
    assert "REJETTE le pourvoi" in r.text


def test_reasons_not_found_fail_the_decision(rules):
    text = "Tribunal judiciaire de Tulle\n\nMme Ombeline Sarrazac demande la garde de son fils.\n"
    with pytest.raises(ZoningError, match="reasons of this decision were not found"):
        rules.anonymize(text, hide_motivations=True)
    # never a half-processed text: the error quotes nothing of the decision
    try:
        rules.anonymize(text, hide_motivations=True)
    except ZoningError as exc:
        assert "Sarrazac" not in str(exc) and isinstance(exc, judanon.AnonymizationError)


def test_missing_facts_and_dispositif_become_doubts(rules):
    text = ("TRIBUNAL JUDICIAIRE DE MENDE\n\nJUGEMENT DU 4 MARS 2024\n\nDEMANDEUR :\nMonsieur Aurélien Chabrol\n\n"
            "COMPOSITION DU TRIBUNAL\nPrésidente : Mme Édith Roumajon\nGreffier : M. Lucas Vernhet\n\n"
            + "Monsieur Chabrol expose que son voisin a construit un mur sur sa parcelle. " * 12
            + "\n\nMOTIFS DE LA DÉCISION\n\nLe mur empiète sur la parcelle de Monsieur Chabrol.\n")
    r = rules.anonymize(text, hide_motivations=True)
    facts, tail = sorted((d for d in r.doubts if d.kind == "hidden-zone"), key=lambda d: d.start)
    assert "expose du litige" in facts.detail and text[facts.start:facts.end].lstrip().startswith("Monsieur")
    assert "no dispositif" in tail.detail and tail.end == len(text.rstrip("\n"))
    assert "Chabrol" not in facts.detail and MARKER in r.text


def test_the_marker_whatever_the_strategy():
    for strategy in (Redact(), Mask(), {"personnePhysique": Redact()}):
        r = judanon.Anonymizer(neural=False, strategy=strategy).anonymize(APPEL, hide_motivations=True)
        assert r.text.count(MARKER) == 1
        assert dict(r.audit.configuration)["strategy"] in ("Redact", "Mask", "personnePhysique=Redact")


def test_motivations_is_a_category_that_cannot_be_left_visible(rules):
    assert MOTIVATIONS in CATEGORIES and "annotationSupplementaire" in CATEGORIES
    with pytest.raises(ArgumentError, match="cannot be left visible"):
        rules.anonymize(APPEL, omit=[MOTIVATIONS])
    with pytest.raises(ArgumentError, match="cannot be left visible"):
        judanon.Anonymizer(neural=False, keep_visible=["annotationSupplementaire"])
    with pytest.raises(TypeError):
        rules.anonymize(APPEL, hide_motivations="yes")
    # every other category still validates as before
    assert "86000 Poitiers" in rules.anonymize(APPEL, omit=["localite"]).text


def test_a_pack_without_zone_words_cannot_hide_reasons():
    with pytest.raises(ArgumentError, match="hide_motivations"):
        judanon.Anonymizer(profile="pl", neural=False).anonymize("Sąd Rejonowy. Uzasadnienie.", hide_motivations=True)


def test_review_keeps_the_hidden_reasons(rules):
    r = rules.anonymize(APPEL, hide_motivations=True)
    town = next(e for e in r.entities if e.label == "localite")
    reviewed = r.review(reject=[town.id], reviewer="greffe")
    assert reviewed.text.count(MARKER) == 1 and reviewed.audit.verify(KEY)


def test_batch_records_and_command_line(rules, tmp_path, capsys):
    out = list(rules.anonymize_many([{"id": "a", "text": APPEL, "hide_motivations": True},
                                     {"id": "b", "text": APPEL},
                                     {"id": "c", "text": APPEL, "hide_motivations": "oui"}]))
    assert MARKER in out[0].text and MARKER not in out[1].text
    assert isinstance(out[2], judanon.DocumentError) and "hide_motivations" in out[2].reason
    path = tmp_path / "decision.txt"
    path.write_text(APPEL, encoding="utf-8")
    assert cli.main(["anonymize", str(path), "--no-neural", "--hide-motivations"]) == 0
    assert capsys.readouterr().out.count(MARKER) == 1
    path.write_text("Tribunal de Gap\n\nMme Ombeline Sarrazac demande la garde.\n", encoding="utf-8")
    assert cli.main(["anonymize", str(path), "--no-neural", "--hide-motivations"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("judanon: error:") and "\n" not in err and "Sarrazac" not in err


def test_court_members_in_the_bench_are_told_from_the_zones():
    """A tagger's guess that a clerk is a party (``assistée de X`` with no title after the
    name) is a court member in the bench; a party named on a line of the bench stays one."""
    text = APPEL.replace("assistée de Mme Inès Portalet, greffière", "Présidée par Hortense Delambre, assistée de "
                         "Ninon Kourazel\nSur le rapport de Mme Delambre, présidente, les observations de Maître "
                         "Léon Bardin, avocat de Monsieur Lhermier")

    class Tagger:  # a statistical tagger's guesses, as the neural detector declares them
        name, version = "tagger", "1"

        def detect(self, view):
            for surface in ("Ninon Kourazel", "Lhermier"):
                i = view.find(surface)
                while i >= 0:
                    yield Span(i, i + len(surface), "personnePhysique", self.name, 0.9, "PER", 1,
                               roles=frozenset({"guess"}))
                    i = view.find(surface, i + 1)

    r = judanon.Anonymizer(detectors=[Tagger()]).anonymize(text)
    labels = {(e.text, e.label) for e in r.entities}
    assert ("Ninon Kourazel", "professionnelMagistratGreffier") in labels
    assert ("Lhermier", "personnePhysique") in labels and "Kourazel" in r.text
    [clerk] = [e for e in r.audit.entities if e.category == "professionnelMagistratGreffier"]
    assert clerk.evidence[0].detail.startswith("court member in the bench")


@pytest.mark.skipif(not DATA.exists(), reason="needs the shared decisions (../shared/data/fr-label)")
def test_shared_decisions_hide_their_reasons(rules):
    docs = [json.loads(line) for name in ("dev", "silver") for line in open(DATA / f"{name}.jsonl", encoding="utf-8")]
    done = 0
    for d in docs:
        if is_empty(d["text"]):
            continue
        r = rules.anonymize(d["text"], omit=d.get("categoriesToOmit") or (), hide_motivations=True)
        hidden = [e for e in r.entities if e.label == MOTIVATIONS]
        assert hidden and all(e.replacement == MARKER for e in hidden)
        assert not any(e.label != MOTIVATIONS and h.start <= e.start < h.end for e in r.entities for h in hidden)
        done += 1
    assert done >= 100
