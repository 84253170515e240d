"""Documents to findings with the findings cache and the Dask engine: what `exo build` and the quality
report call. Only documents whose content hash (or whose extraction key) changed are read again."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from exo_ontology.model import Finding, SourceDoc
from exo_ontology.paths import Paths
from exo_ontology.pipeline.cache import FindingsCache
from exo_ontology.pipeline.documents import Log
from exo_ontology.pipeline.fingerprint import document_key, extraction_key
from exo_ontology.pipeline.outcome import DocResult
from exo_ontology.pipeline.parallel import DocumentMapper

#: the log names at most this many re-extracted documents
NAMED = 5


@dataclass
class Extraction:
    """Findings of the readable documents, their texts, the problems met, and how each was obtained."""

    findings: list[Finding] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    extracted: list[str] = field(default_factory=list)
    cached: int = 0

    def of(self, docs: Sequence[SourceDoc]) -> tuple[list[Finding], dict[str, str], list[str]]:
        """(findings, texts, problems) of those of `docs` this extraction holds, as
        `documents.extract_documents` returns them (for the quality report)."""
        ids = {doc.doc_id for doc in docs}
        return ([f for f in self.findings if f.doc_id in ids], {d: t for d, t in self.texts.items() if d in ids},
                [p for p in self.problems if any(d in p for d in ids)])

    def summary(self) -> str:
        """E.g. "re-extracted 1 document (006_ab), 5 from cache"."""
        names = ", ".join(self.extracted[:NAMED]) + (", …" if len(self.extracted) > NAMED else "")
        plural = "" if len(self.extracted) == 1 else "s"
        return (f"re-extracted {len(self.extracted)} document{plural}" + (f" ({names})" if names else "")
                + f", {self.cached} from cache")


def _key(doc: SourceDoc) -> str | None:
    try:
        return document_key(doc, doc.path.read_bytes())
    except OSError:  # an unreadable file is read (and reported) again each time
        return None


def extract_cached(docs: Sequence[SourceDoc], paths: Paths, mapper: DocumentMapper, log: Log = lambda _m: None,
                   advance: Callable[[DocResult], None] = lambda _r: None) -> Extraction:
    """Findings of every document in order: from the cache where its key matches, else extracted
    (in parallel by `mapper`) and cached. A bad document's problem is logged and kept."""
    cache = FindingsCache.open(paths.root / "build.cache", extraction_key(paths))
    keys = {doc.doc_id: _key(doc) for doc in docs}
    results: dict[str, DocResult] = {}
    for doc in docs:
        key = keys[doc.doc_id]
        hit = cache.get(key) if key else None
        if hit is not None:
            results[doc.doc_id] = hit
            advance(hit)
    todo = [doc for doc in docs if doc.doc_id not in results]

    def arrived(result: DocResult) -> None:
        # cached as each document arrives, so an interrupted or failed build of a long corpus
        # resumes where it stopped instead of extracting everything again
        key = keys[result.doc_id]
        if key:
            cache.put(key, result)
        advance(result)

    for result in mapper.map(todo, arrived):
        results[result.doc_id] = result
    out = Extraction(extracted=[doc.doc_id for doc in todo], cached=len(docs) - len(todo))
    for doc in docs:
        result = results[doc.doc_id]
        if result.text is not None:
            out.texts[doc.doc_id] = result.text
        if result.problem:
            out.problems.append(result.problem)
            log(f"warning: {result.problem}")
        out.findings.extend(result.findings)
    return out
