"""ontology/curation/citation_lists.tsv: the direction of a bibliographic list whose document states none.

A list printed under no heading ("Cited by", "References") gives no citation link by itself. A
curator who knows what the list is (from the document's provider) names it by its document and the
PMID of its first entry and states the direction; the build then links its works.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from exo_ontology.errors import ValidationFailed, located
from exo_ontology.model import SourceDoc
from exo_ontology.reading.citations import CITES, IS_CITED_BY, CitationList, parse_citation_lists

FILE = "citation_lists.tsv"
COLUMNS = ("doc_id", "first_pmid", "direction", "curator", "reason")
DIRECTIONS = (CITES, IS_CITED_BY)


def _rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise ValidationFailed(located(path, f"missing column(s) {', '.join(missing)}; "
                                                 f"expected {', '.join(COLUMNS)}", line=1))
        return [(i, {k: (v or "").strip() for k, v in row.items() if k}) for i, row in enumerate(reader, 2)]


def citation_lists(curation_dir: Path, docs: Sequence[SourceDoc], texts: Mapping[str, str]
                   ) -> dict[str, list[CitationList]]:
    """doc_id -> its lists that have a direction (stated by a heading, or by a curated row); a row
    that names no such list, or a citing work older than the document it cites, is an error."""
    path = curation_dir / FILE
    found = {doc_id: parse_citation_lists(text) for doc_id, text in texts.items()}
    years = {doc.doc_id: doc.year for doc in docs}
    errors: list[str] = []
    for line, row in _rows(path):
        doc_id, first, direction = row.get("doc_id", ""), row.get("first_pmid", ""), row.get("direction", "")
        if direction not in DIRECTIONS:
            errors.append(located(path, f"{direction!r}: use {' or '.join(DIRECTIONS)}", line, "direction"))
            continue
        if not row.get("curator") or not row.get("reason"):
            errors.append(located(path, "curator and reason are required", line, "curator"))
            continue
        lists = found.get(doc_id)
        if lists is None:
            errors.append(located(path, f"{doc_id!r} is not a document of this build", line, "doc_id"))
            continue
        at = next((i for i, lst in enumerate(lists) if lst.works and lst.works[0].pmid == first), None)
        if at is None:
            errors.append(located(path, f"{doc_id} has no list starting with PMID {first}", line, "first_pmid"))
            continue
        if lists[at].direction and lists[at].direction != direction:
            errors.append(located(path, f"the list's heading {lists[at].heading!r} says {lists[at].direction}",
                                  line, "direction"))
            continue
        lists[at] = replace(lists[at], direction=direction)
        if direction == IS_CITED_BY and years.get(doc_id, "").isdigit():
            older = [w.pmid for w in lists[at].works if w.year.isdigit() and int(w.year) < int(years[doc_id])]
            if older:
                errors.append(located(path, f"PMID {older[0]} is older than {doc_id} ({years[doc_id]}), so it "
                                            "cannot cite it", line, "direction"))
    if errors:
        raise ValidationFailed(f"{errors[0]}" + (f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""))
    return {doc_id: [lst for lst in lists if lst.direction] for doc_id, lists in sorted(found.items())
            if any(lst.direction for lst in lists)}
