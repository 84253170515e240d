"""Stable finding identifiers: a hash of what the finding says and the words it was read from.

Character offsets are deliberately left out, so an edit elsewhere in the document (which shifts
every offset after it) does not change the IRI of a finding whose sentence is unchanged. So is a
disease inherited from the table row or the section: the finding is the same claim whatever its
context says.
"""

from __future__ import annotations

import hashlib
import re

from exo_ontology.model import SLOTS, Finding

_SPACE = re.compile(r"\s+")


def finding_id(finding: Finding) -> str:
    """`F` + 16 hex digits of SHA-256 over document, whitespace-normalised quote and slot values."""
    quote = _SPACE.sub(" ", finding.evidence.quote).strip()
    slots = ";".join(f"{slot}={_own(finding, slot)}" for slot in SLOTS)
    key = f"{finding.doc_id}\x1f{quote}\x1f{slots}"
    return "F" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _own(finding: Finding, slot: str) -> str:
    """The slot's values as the sentence itself states them (an inherited disease counts as none)."""
    if slot == "disease" and finding.disease_inherited:
        return ""
    return "|".join(sorted(finding.slot(slot)))
