"""Third-party entity annotations (PubTator, BioC) -> the `Annotation` records of reading.annotations.

Like the "Full-text entities" lists, they are hints for grounding, never taken as truth.
"""

from __future__ import annotations

import re

from exo_ontology.reading.annotations import Annotation

#: PubTator / BioC annotation type (lower-cased) -> the entity type of reading.annotations
TYPES: dict[str, str] = {
    "gene": "gene", "disease": "disease", "chemical": "chemical", "species": "species",
    "cellline": "cell_line", "cell_line": "cell_line", "cell line": "cell_line", "celltype": "cell",
    "cell_type": "cell", "mutation": "variant", "variant": "variant", "dnamutation": "variant",
    "proteinmutation": "variant", "snp": "variant", "genus": "species", "strain": "species",
}
#: entity type -> prefix of a bare numeric identifier (PubTator writes genes and species as numbers)
NUMERIC_PREFIX: dict[str, str] = {"gene": "NCBIGene", "species": "NCBITaxon"}
_CURIE = re.compile(r"^([A-Za-z][\w.]*):(\S+)$")


def identifiers(raw: str, type_: str) -> tuple[str, ...]:
    """"7157;7158" -> NCBIGene:7157, NCBIGene:7158 ; "MESH:D009369" kept ; "-" and "" -> ()."""
    found = []
    for token in re.split(r"[;,|]", raw):
        token = token.strip()
        if not token or token == "-":
            continue
        if token.isdigit() and type_ in NUMERIC_PREFIX:
            found.append(f"{NUMERIC_PREFIX[type_]}:{token}")
        elif match := _CURIE.match(token):
            prefix = "MESH" if match.group(1).lower() == "mesh" else match.group(1)
            found.append(f"{prefix}:{match.group(2)}")
    return tuple(found)


def annotation_of(text: str, raw_type: str, identifier: str, scope: str, start: int, end: int
                  ) -> Annotation | None:
    """One annotated span; None when it has no text."""
    if not text.strip():
        return None
    type_ = TYPES.get(raw_type.strip().lower(), raw_type.strip().lower())
    return Annotation(text, type_, identifiers(identifier, type_), scope=scope, raw_start=start, raw_end=end)
