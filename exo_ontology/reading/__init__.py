"""Reading stage: sources/manifest.tsv and raw documents -> Sentence records with raw offsets.

`read_document` returns the sentences of a document in reading order (title, abstract, text,
captions, keywords, re-aligned table rows), with boilerplate, reference lists and machine-made
entity annotations left out. Every sentence keeps `raw[raw_start:raw_end]` as its verbatim
quote and an offset map from each cleaned character to the raw file.
"""

from __future__ import annotations

from exo_ontology.model import Sentence, SourceDoc
from exo_ontology.reading.adding import Added, add_source, add_sources
from exo_ontology.reading.annotations import Annotation, parse_annotations
from exo_ontology.reading.cleaning import CleanText, clean
from exo_ontology.reading.segmenting import Reading, raw_pieces, segment
from exo_ontology.reading.sources import read_manifest, read_raw, unlisted_files


def read_document(doc: SourceDoc, raw: str) -> list[Sentence]:
    """All sentences of a document in reading order, table rows included."""
    return segment(doc.doc_id, raw, doc.title).sentences


def read_document_report(doc: SourceDoc, raw: str) -> Reading:
    """Like read_document, plus the text that was left out and why (for quality reports)."""
    return segment(doc.doc_id, raw, doc.title)


__all__ = [
    "Added",
    "Annotation",
    "CleanText",
    "Reading",
    "add_source",
    "add_sources",
    "clean",
    "parse_annotations",
    "raw_pieces",
    "read_document",
    "read_document_report",
    "read_manifest",
    "read_raw",
    "unlisted_files",
]
