"""French abbreviations for cutting text into sentences (``judanon.text.tokenize``).

Data only. Lowercase, matched whatever the case: a word of this list keeps its final
period (``M.``, ``art.``, ``C. civ.``), which then ends no sentence. Single letters
(initials, the ``C.`` of ``C. civ.``) keep it by rule, without being listed.
"""

from __future__ import annotations

#: Abbreviations of French legal writing whose period does not end a sentence.
ABBREVIATIONS = frozenset(
    """
    m mm mme mmes mlle mlles me mes mr dr pr
    art arts al alin ch chap sect ss s suiv
    n no nos num p pp vol t tit liv
    civ pén pen com soc crim adm proc cass req plén ass
    cons const ord déc dec décr circ instr rép rep
    cah tgi trib jcp jur jurispr bull rec gaz pal jo jorf
    cf coll éd ed op cit ibid id not obs concl comm chron rapp
    etc env ex fig gén gen hab inf sup spéc spec
    av bd boul bld fg fbg pl rte imm bât bat esc appt apt st ste
    dpt dép dep arr cne
    janv févr fév avr juil sept oct nov déc
    """.split()
)
