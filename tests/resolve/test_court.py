"""Court members told from the zones (judanon.resolve.court): a tagger's guess that names a
clerk or a judge in the bench or the signatures, a title beside it, is a court member."""


from judanon.entities import Span
from judanon.resolve import resolve
from judanon.structure import zone_words, zones

BENCH = """COUR D'APPEL DE LIMOGES

CHAMBRE SOCIALE

APPELANTE :
Mme Rosalie Dumazeau

COMPOSITION DE LA COUR :
Présidée par Agathe Vialaneix, assistée de Lou Chassagnac
Greffière lors des débats : Mme Perrine Lacouture
Sur le rapport de M. Gonzague Fayolle, conseiller, les observations de Maître Élie Brugère, avocat de Mme Rosalie Dumazeau

MOTIFS DE LA DÉCISION

Mme Dumazeau a été licenciée. Elle fut assistée de Lou Chassagnac, greffière de formation, lors de l'entretien.

PAR CES MOTIFS

La cour confirme le jugement.

LA GREFFIÈRE LA PRÉSIDENTE
Perrine Lacouture Agathe Vialaneix
"""


def guess(text, surface, nth=0, roles=frozenset({"guess"})):
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Span(start, start + len(surface), "personnePhysique", "tagger", 0.9, "PER", 1, roles=roles)


def labels(spans, text=BENCH):
    resolution = resolve(text, spans, zone_words=zone_words("fr"))
    return {(text[c.start:c.end], c.start): c.label for c in resolution.candidates}


def test_a_lead_an_opener_or_a_title_beside_the_name_in_the_bench():
    spans = [guess(BENCH, "Lou Chassagnac"), guess(BENCH, "Agathe Vialaneix"), guess(BENCH, "Perrine Lacouture"),
             guess(BENCH, "Gonzague Fayolle")]
    found = labels(spans)
    assert set(found.values()) == {"professionnelMagistratGreffier"}


def test_the_signatures_too():
    found = labels([guess(BENCH, "Perrine Lacouture", 1), guess(BENCH, "Agathe Vialaneix", 1)])
    assert set(found.values()) == {"professionnelMagistratGreffier"}


def test_a_party_named_on_a_line_of_the_bench_stays_a_party():
    found = labels([guess(BENCH, "Rosalie Dumazeau", 1)])
    assert set(found.values()) == {"personnePhysique"}


def test_outside_the_bench_the_same_words_change_nothing():
    found = labels([guess(BENCH, "Lou Chassagnac", 1)])  # in the reasons: "assistée de ..., greffière"
    assert set(found.values()) == {"personnePhysique"}


def test_the_party_list_and_the_rules_are_not_second_guessed():
    party = guess(BENCH, "Lou Chassagnac", roles=frozenset({"party"}))
    rule = guess(BENCH, "Agathe Vialaneix", roles=frozenset())
    assert set(labels([party, rule]).values()) == {"personnePhysique"}


def test_zoning_runs_only_when_a_guess_stands_beside_a_title(monkeypatch):
    import judanon.resolve.resolution as resolution

    calls = []
    real = resolution.find_zones
    monkeypatch.setattr(resolution, "find_zones", lambda *a, **k: calls.append(1) or real(*a, **k))
    labels([guess(BENCH, "Rosalie Dumazeau")])  # a party's heading: no title beside it
    assert calls == []
    labels([guess(BENCH, "Lou Chassagnac")])
    assert calls == [1]


def test_zones_given_are_used():
    z = zones(BENCH)
    resolution = resolve(BENCH, [guess(BENCH, "Lou Chassagnac")], zone_words=zone_words("fr"), zones=z)
    # the name found in the bench spreads as a court member's to its other occurrence
    assert [c.label for c in resolution.candidates] == ["professionnelMagistratGreffier"] * 2
