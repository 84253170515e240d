"""Documents to findings: the read-only resources a reading needs (Reader), one document, many documents."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from exo_ontology.curation.overlay import load_grounding_overrides, override_mentions
from exo_ontology.errors import InputError
from exo_ontology.extraction import Kinds, extract_findings, load_kinds
from exo_ontology.grounding.grounder import Grounder
from exo_ontology.grounding.recognize import recognize
from exo_ontology.lexicon.io import Lexicon, load_default
from exo_ontology.model import Finding, SourceDoc
from exo_ontology.paths import Paths
from exo_ontology.reading import read_document, read_raw

Log = Callable[[str], None]


@dataclass(frozen=True)
class Reader:
    """What reading a document needs: the grounder and the ontology's effect and vesicle classes."""

    grounder: Grounder
    lexicon: Lexicon
    kinds: Kinds
    #: curated groundings (ontology/curation/groundings.tsv): (text, type) -> CURIE or "-"
    overrides: dict[tuple[str, str], str] = field(default_factory=dict)

    @classmethod
    def from_paths(cls, paths: Paths) -> Reader:
        lexicon = load_default(paths)
        return cls(Grounder.from_paths(paths), lexicon, load_kinds(paths.edit_file, lexicon),
                   load_grounding_overrides(paths.curation_dir, lexicon))


def findings_from_text(doc: SourceDoc, raw: str, reader: Reader) -> list[Finding]:
    """All machine-extracted findings of one document's raw text (no curation applied)."""
    sentences = read_document(doc, raw)
    mentions = override_mentions(recognize(sentences, reader.grounder), reader.overrides, reader.lexicon)
    if not any(mentions.values()):
        raise InputError(f"{doc.path}: no recognisable entity (no gene, miRNA, disease, cell, "
                         "drug or process name found); nothing to extract")
    return extract_findings(doc, raw, sentences, mentions, reader.grounder, reader.kinds)


def extract_documents(docs: list[SourceDoc], reader: Reader, log: Log,
                      advance: Callable[[int], None] = lambda _done: None,
                      ) -> tuple[list[Finding], dict[str, str], list[str]]:
    """Findings of every readable document; a bad document is reported and skipped. The texts hold
    the documents that could be read (with or without findings)."""
    findings: list[Finding] = []
    texts: dict[str, str] = {}
    problems: list[str] = []
    for doc in docs:
        try:
            raw = read_raw(doc)
            texts[doc.doc_id] = raw
            found = findings_from_text(doc, raw, reader)
        except InputError as err:
            problems.append(str(err))
            log(f"warning: {err}")
            continue
        finally:
            advance(1)
        log(f"{doc.doc_id}: {len(found)} findings")
        findings.extend(found)
    return findings, texts, problems
