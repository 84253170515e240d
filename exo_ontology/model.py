"""Typed records that cross stage boundaries: documents, sentences, mentions, findings.

Each stage of the pipeline (reading -> grounding -> extraction -> curation -> assembly)
takes and returns these frozen records, never loose dicts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class SourceDoc:
    """One row of sources/manifest.tsv: a document and its bibliographic identity."""

    doc_id: str                 # file stem ("004_7e9765e249ffdac8"), with the part's key for an article
    #                             of a container file ("pubmed24n0001_pmid39886670"); stable
    path: Path                  # the raw file under sources/
    title: str = ""
    authors: str = ""
    year: str = ""
    journal: str = ""
    doi: str = ""
    pmid: str = ""
    pmcid: str = ""
    licence: str = ""
    kind: str = ""              # kind of text: web page, abstract page, PDF full text, summary page
    part: str = ""              # article key inside a container file (pmid:…); "" = the whole file


@dataclass(frozen=True)
class Sentence:
    """A sentence (or a re-aligned table row) with offsets into the cleaned and the raw text."""

    doc_id: str
    index: int                  # position within the document (0-based, in reading order)
    text: str                   # cleaned text (hyphenation, Greek letters and line breaks repaired)
    raw_start: int              # offset of the first character in the raw file (code points)
    raw_end: int                # offset after the last character in the raw file
    section: str = ""           # heading of the enclosing section ("" when none)
    kind: str = "text"          # "text", "title", "abstract", "table_row", "caption", "keywords"
    #: extra context a table row carries: e.g. {"disease": "Breast cancer", "status": "In Vitro"}
    context: tuple[tuple[str, str], ...] = ()
    #: offset map: cleaned index i came from raw index offsets[i] (len == len(text))
    offsets: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of `text` back to the raw file."""
        if not self.offsets:
            return self.raw_start + start, self.raw_start + end
        if start >= end:
            point = self.offsets[min(start, len(self.offsets) - 1)]
            return point, point
        return self.offsets[start], self.offsets[end - 1] + 1

    def context_value(self, key: str) -> str:
        """The value of one context field, or ""."""
        return dict(self.context).get(key, "")


@dataclass(frozen=True)
class Candidate:
    """One grounding candidate for a piece of text, with its explainable score."""

    curie: str
    label: str
    type: str                   # disease, gene, mirna, cell, chemical, process, anatomy, taxon, exoc
    score: float                # 0..1, higher is better; deterministic
    matched: str                # the lexicon name that matched
    status: str                 # label, exact, related, alias, xref, abbreviation, history ...
    note: str = ""              # e.g. "flagged: possible typo", "mature accessions: MIMAT..."


@dataclass(frozen=True)
class Mention:
    """A recognised entity mention in a sentence, with its ranked candidates (best first)."""

    text: str
    start: int                  # offset in Sentence.text
    end: int
    type: str
    candidates: tuple[Candidate, ...]

    @property
    def best(self) -> Candidate | None:
        """The top candidate, or None when nothing grounds."""
        return self.candidates[0] if self.candidates else None

    @property
    def ambiguous(self) -> bool:
        """True when two top candidates tie: the choice is left to a curator."""
        return len(self.candidates) > 1 and self.candidates[0].score == self.candidates[1].score


@dataclass(frozen=True)
class MentionSpan:
    """A grounded entity inside a quote: its raw-file span and the identifier it was grounded to."""

    start: int                  # offset in the raw file (code points), like Evidence.char_start
    end: int                    # exclusive
    curie: str


@dataclass(frozen=True)
class Evidence:
    """Where a finding was read: verbatim quote and its span in the raw document."""

    doc_id: str
    quote: str                  # == raw_text[char_start:char_end]
    char_start: int
    char_end: int
    section: str = ""
    citations: tuple[str, ...] = ()   # the review's citation markers, e.g. ("[45]",)
    rule: str = ""                    # id of the extraction rule, or "manual"
    mentions: tuple[MentionSpan, ...] = ()   # grounded entities of the quote, by raw span


#: Finding slots that hold identifiers, in findings.tsv column order.
SLOTS: tuple[str, ...] = (
    "vesicle_type", "source_cell", "cargo", "cargo_type", "target", "direction",
    "effect", "effect_direction", "pathway", "disease", "recipient_cell",
    "study_type", "application",
)


@dataclass(frozen=True)
class Finding:
    """An n-ary claim: vesicles from a source cell carry a cargo that acts on a target and causes
    an effect in a disease context. Every identifier slot holds CURIEs (several when the text
    names several)."""

    doc_id: str
    evidence: Evidence
    vesicle_type: tuple[str, ...] = ()
    source_cell: tuple[str, ...] = ()
    cargo: tuple[str, ...] = ()
    cargo_type: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    direction: tuple[str, ...] = ()          # EXOC direction of the action on the target
    effect: tuple[str, ...] = ()
    effect_direction: tuple[str, ...] = ()   # EXOC promotes / inhibits
    pathway: tuple[str, ...] = ()
    pathway_text: str = ""
    disease: tuple[str, ...] = ()
    disease_inherited: bool = False
    recipient_cell: tuple[str, ...] = ()
    study_type: tuple[str, ...] = ()
    application: tuple[str, ...] = ()
    knowledge_source: str = "text_mining"    # text_mining | curated | manual
    curation_note: str = ""
    finding_id: str = ""                      # stable id, set by extraction (see extraction.ids)

    def slot(self, name: str) -> tuple[str, ...]:
        """Value of an identifier slot by name."""
        value = getattr(self, name)
        assert isinstance(value, tuple)
        return value
