"""HTML views for Jupyter, and the example notebook executed for real."""

import html
import re

import pytest

import judanon
from word_detector import WordDetector
from support import ROOT

TEXT = 'M. <Morvan> & Me "Arnoult", le 12 mars 1975 <script>alert(1)</script> ; M. Dupond.'
WORDS = {"<Morvan>": "personnePhysique", '"Arnoult"': "professionnelAvocat", "12 mars 1975": "dateNaissance",
         "Dupond": "personnePhysique"}


def text_of(view: str) -> str:
    """The decision shown in a result's view, as a reader sees it."""
    inner = re.search(r'<div class="judanon-text">(.*?)</div>', view, re.S).group(1)
    return html.unescape(re.sub(r"<sup[^>]*>.*?</sup>|<[^>]+>", "", inner))


@pytest.fixture()
def result():
    return judanon.Anonymizer(detectors=[WordDetector(WORDS)]).anonymize(TEXT, case_id="c1")


def test_result_view_highlights_escapes_and_rebuilds_the_decision(result):
    view = result._repr_html_()
    assert "<script>" not in view and "&lt;script&gt;" in view
    assert text_of(view) == TEXT
    marks = re.findall(r"<mark class=\"([^\"]+)\" data-category=\"([^\"]+)\" data-replacement=\"([^\"]*)\" "
                       r"style=\"[^\"]+\" title=\"([^\"]+)\">", view)
    assert [(m[0], m[1]) for m in marks] == [
        ("judanon-entity judanon-replaced", "personnePhysique"),
        ("judanon-entity judanon-visible", "professionnelAvocat"),
        ("judanon-entity judanon-replaced", "dateNaissance"),
        ("judanon-entity judanon-replaced", "personnePhysique"),
    ]
    person = next(e for e in result.entities if e.text == "<Morvan>")
    assert marks[0][2] == html.escape(person.replacement) and "\u2192 " + person.replacement in html.unescape(marks[0][3])
    assert "left visible (always-visible)" in html.unescape(marks[1][3])
    assert "&quot;Arnoult&quot;" in view and '"Arnoult"' not in view


def test_doubts_are_flagged():
    r = judanon.Anonymizer(detectors=[WordDetector({"Dupont": "personnePhysique", "Dupond": "personnePhysique"})]
                           ).anonymize("M. Dupont et plus loin M. <Dupond>.")
    assert [d.kind for d in r.doubts] == ["variant-link"]
    view = r._repr_html_()
    assert view.count('judanon-doubt"') == 2 and "Doubts for review (1)" in view
    assert "variant-link: close spellings linked to one referent" in view
    assert "&lt;" in view and "<Dupond>" not in view  # escaped
    clean = judanon.Anonymizer(detectors=[WordDetector({"Dupont": "personnePhysique"})]).anonymize("M. Dupont.")
    assert 'judanon-doubt"' not in clean._repr_html_()


def test_link_doubts_are_flagged_in_both_views():
    r = judanon.Anonymizer(detectors=[WordDetector({"Dupont": "personnePhysique", "Dupond": "personnePhysique"})]
                           ).anonymize("M. Dupont et plus loin M. Dupond.")
    assert r._repr_html_().count('class="judanon-entity judanon-replaced judanon-doubt"') == 2
    audit_view = r.audit._repr_html_()
    assert "close spellings linked to one referent" in audit_view and "Doubts</b> (1)" in audit_view
    assert "Dupon" not in audit_view


def test_audit_view_counts_per_category_and_detector(result):
    view = result.audit._repr_html_()
    assert "Morvan" not in view and "Arnoult" not in view  # counts and hashes only
    rows = {m[0]: m[1:] for m in re.findall(
        r"<tr><td>(\w+)</td><td>(\d+)</td><td>(\d+)</td><td>(\d+)</td><td>(\d+)</td></tr>", view)}
    assert rows["personnePhysique"] == ("2", "0", "2", "0")  # replaced, visible, by "words", doubts
    assert rows["professionnelAvocat"] == ("0", "1", "1", "0")
    assert "<th>words</th>" in view and "No doubts for review." in view


def test_example_notebook_runs_and_shows_highlights():
    nbformat = pytest.importorskip("nbformat", reason="the test extra is not installed")
    nbclient = pytest.importorskip("nbclient", reason="the test extra is not installed")
    notebook = nbformat.read(ROOT / "examples" / "explore_results.ipynb", as_version=4)
    nbclient.NotebookClient(notebook, timeout=None, kernel_name="python3",
                            resources={"metadata": {"path": str(ROOT / "examples")}}).execute()
    code = [c for c in notebook.cells if c.cell_type == "code"]
    result_view = code[1].outputs[0]["data"]["text/html"]
    assert 'class="judanon-entity judanon-replaced" data-category="personnePhysique"' in result_view
    assert 'class="judanon-entity judanon-visible" data-category="professionnelAvocat"' in result_view
    assert 'data-replacement="[Adresse 1]"' in result_view
    audit_view = code[2].outputs[0]["data"]["text/html"]
    assert "<th>flair</th>" in audit_view and "<td>personnePhysique</td>" in audit_view
    printed = "".join(o.get("text", "") for o in code[3].outputs)
    assert printed.splitlines() == [
        "example Result ", "broken DocumentError the record has a 'text' that is not a string (null)", "short Result "]
