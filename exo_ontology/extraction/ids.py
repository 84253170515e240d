"""Stable finding identifiers: a hash of what the finding says and the words it was read from.

Character offsets are deliberately left out, so an edit elsewhere in the document (which shifts
every offset after it) does not change the IRI of a finding whose sentence is unchanged.
"""

from __future__ import annotations

import hashlib
import re

from exo_ontology.model import SLOTS, Finding

_SPACE = re.compile(r"\s+")


def finding_id(finding: Finding) -> str:
    """`F` + 16 hex digits of SHA-256 over document, whitespace-normalised quote and slot values."""
    quote = _SPACE.sub(" ", finding.evidence.quote).strip()
    slots = ";".join(f"{slot}={'|'.join(sorted(finding.slot(slot)))}" for slot in SLOTS)
    key = f"{finding.doc_id}\x1f{quote}\x1f{slots}"
    return "F" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
