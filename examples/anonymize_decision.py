"""Pseudonymize the bundled example decision with the Python API.

Run: python examples/anonymize_decision.py
"""

from pathlib import Path

import judanon

text = Path(__file__).with_name("decision-cour-appel.txt").read_text(encoding="utf-8")

anonymizer = judanon.Anonymizer()  # default French profile (neural detector when installed)
result = anonymizer.anonymize(text, case_id="RG 23/01487")

print(result.text)
print(result.audit.summary())

# What was replaced by what, and who found it (entity texts are personal data:
# print them only in a trusted environment).
for entity in result.entities[:10]:
    print(f"{entity.label:32} {entity.source:28} {entity.replacement or '(visible)'}")

# The audit trail round-trips through JSON and holds no plaintext personal data.
restored = judanon.AuditTrail.from_json(result.audit.to_json())
assert restored == result.audit
