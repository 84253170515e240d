"""What reading one document gives (`DocResult`), picklable so that it crosses process boundaries and
sits in the findings cache."""

from __future__ import annotations

from dataclasses import dataclass

from exo_ontology.errors import InputError
from exo_ontology.model import Finding, SourceDoc
from exo_ontology.pipeline.documents import Reader, findings_from_text
from exo_ontology.reading import read_raw


@dataclass(frozen=True)
class DocResult:
    """One document's machine findings (before curation), its raw text (None when it could not be
    read) and the one-line problem that stopped it, if any."""

    doc_id: str
    text: str | None
    findings: tuple[Finding, ...] = ()
    problem: str | None = None


def read_one(doc: SourceDoc, reader: Reader) -> DocResult:
    """Read and extract one document; a bad document becomes a result with its problem."""
    try:
        raw = read_raw(doc)
    except InputError as err:
        return DocResult(doc.doc_id, None, (), str(err))
    try:
        return DocResult(doc.doc_id, raw, tuple(findings_from_text(doc, raw, reader)))
    except InputError as err:
        return DocResult(doc.doc_id, raw, (), str(err))
