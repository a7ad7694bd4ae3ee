"""From the machine's proposal to a published, accountable decision.

anonymize -> look at the doubts -> review (reject one, add one) -> verify the audit
trail -> publish -> re-identify (authorized users only, with the key).

Run: python examples/review_walkthrough.py [OUTPUT_DIR]
"""

import os
import sys
import tempfile
from pathlib import Path

import judanon

DECISION = """COUR D'APPEL DE RENNES - Chambre sociale - Arrêt du 5 juin 2024

Monsieur Loïc MORVAN, demeurant 5 rue du Port, 56100 Lorient,
appelant, représenté par Me Anne CORRE, avocat au barreau de RENNES,

contre la société Bernard Transports, intimée.

M. Morvan a été engagé le 2 mars 2015 comme magasinier. Le 4 mai 2022, son chef d'équipe, \
Malo Tanguy, lui a notifié une mise à pied. Le salarié invoque le témoignage de Tanguy et celui \
de Mme Rozenn Le Bris. Selon Victor Hugo, cité par l'appelant, la loi protège le faible.
"""

out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="judanon-"))

# 1. The machine's proposal. Rules only here, so that the example runs in a second.
#    The audit key keys every digest the audit trail holds: keep it secret, and keep it
#    to verify the trail later (judanon check --key-file).
audit_key = os.urandom(32)
(out / "audit.key").write_bytes(audit_key)
os.chmod(out / "audit.key", 0o600)
anonymizer = judanon.Anonymizer(neural=False, audit_key=audit_key)
proposal = anonymizer.anonymize(DECISION, case_id="RG 24/00123")
print("proposal:", proposal.audit.summary())

# 2. What the reviewer is asked to look at (no surface in a doubt: ids and offsets).
for doubt in proposal.doubts:
    print(f"doubt {doubt.kind}: entities {list(doubt.entities)} {doubt.detail}")

# 3. The review. The reviewer sees the text; here we find the spans by searching it.
#    - "Victor Hugo" is a writer quoted, not a party: reject both words.
#    - The witness "Tanguy" is left visible once: add that mention.
writer = [e.id for e in proposal.entities if e.text in ("Victor", "Hugo")]
missed = DECISION.index("Tanguy et celui")
reviewed = proposal.review(reject=writer, add=[(missed, missed + len("Tanguy"), "personnePhysique")],
                           accept=True, reviewer="greffière de la chambre sociale")
print("reviewed:", reviewed.audit.summary())
witness = {e.replacement for e in reviewed.entities if e.text == "Tanguy"}
print("the witness keeps one letter:", witness)

# 4. Accountability: the audit trail is a chain of versions keyed by the audit key,
#    without names.
assert reviewed.audit.verify(audit_key)
print("audit verified:", reviewed.audit.verify(audit_key), "| versions:",
      [f"{r.number}:{r.action} by {r.actor}" for r in reviewed.audit.revisions])
(out / "audit.json").write_text(reviewed.audit.to_json(indent=2), encoding="utf-8")

# 5. Publication.
(out / "published.txt").write_text(reviewed.text, encoding="utf-8")
print("published:", out / "published.txt")
print(reviewed.text)

# 6. Re-identification by an authorized person holding the key (kept apart from the
#    mapping: anyone with both can read the original).
key = os.urandom(32)
(out / "mapping.bin").write_bytes(reviewed.export_mapping(key, decision_id="RG 24/00123"))
published = (out / "published.txt").read_text(encoding="utf-8")
original = judanon.reidentify(published, (out / "mapping.bin").read_bytes(), key, decision_id="RG 24/00123")
print("re-identified the original:", original == DECISION)
try:
    judanon.reidentify(published, (out / "mapping.bin").read_bytes(), os.urandom(32), decision_id="RG 24/00123")
except judanon.AuditError as exc:
    print("with another key:", exc)
