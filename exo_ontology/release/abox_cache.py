"""Each document's ABox (its N-Triples lines and the external terms they reference) cached under
`build.cache/abox/`, named by a hash of what decides it (the document's manifest row, its findings
after curation, its citation lists, the assembly code): a rebuild assembles only the documents that
changed and takes the others' lines from the last build.

An entry that cannot be read is treated as missing (the document is assembled again), never as an
error; entries the last build did not ask for are removed.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from exo_ontology.cache_files import code_salt, prune_entries, read_entry, write_entry
from exo_ontology.model import Finding, SourceDoc
from exo_ontology.reading.citations import CitationList
from exo_ontology.release import stream
from exo_ontology.release.imports import referenced_curies

PACKAGE = Path(__file__).resolve().parent.parent
#: the code that decides a document's triples and their N-Triples lines
CODE = ("release/assembly.py", "release/citations.py", "release/stream.py", "release/imports.py",
        "namespaces.py", "prefixes.py", "vocabulary.py", "model.py")


@dataclass(frozen=True)
class DocumentLines:
    """A document graph's N-Triples lines (in the serialiser's order) and its external terms."""

    lines: tuple[str, ...]
    curies: frozenset[str]


def salt() -> str:
    return code_salt("rdflib", (PACKAGE / name for name in CODE))


@dataclass(frozen=True)
class AboxCache:
    folder: Path
    salt: str
    used: set[str] = field(default_factory=set)

    @classmethod
    def open(cls, folder: Path) -> AboxCache:
        return cls(folder, salt())

    def key(self, doc: SourceDoc, findings: Sequence[Finding], citations: Sequence[CitationList]) -> str:
        # every record is a frozen dataclass of strings and tuples: its repr is a stable text; the path
        # is left out (it is not in the graph), so a copy of the project keeps its cache
        text = repr((replace(doc, path=Path(doc.path.name)), tuple(findings), tuple(citations)))
        key = hashlib.sha256(f"{self.salt}\0{text}".encode()).hexdigest()
        self.used.add(key)
        return key

    def _file(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> DocumentLines | None:
        data = read_entry(self._file(key))
        try:
            entry = pickle.loads(data) if data is not None else None  # our own, intact cache file
        except (pickle.UnpicklingError, EOFError, ValueError, AttributeError, TypeError):
            return None
        return entry if isinstance(entry, DocumentLines) else None

    def put(self, key: str, entry: DocumentLines) -> None:
        write_entry(self._file(key), pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))

    def prune(self) -> None:
        """Remove the entries this build did not ask for."""
        prune_entries(self.folder, "*/*.pickle", self.used)


def document_lines(docs: Sequence[SourceDoc], findings: Iterable[Finding],
                   citations: Mapping[str, Sequence[CitationList]], cache: AboxCache | None,
                   ) -> Iterator[tuple[SourceDoc, DocumentLines]]:
    """Each document's lines, in the order of `docs`: from the cache, else assembled (and cached)."""
    by_doc: dict[str, list[Finding]] = {}
    for finding in findings:
        by_doc.setdefault(finding.doc_id, []).append(finding)
    for doc in docs:
        mine, cited = by_doc.pop(doc.doc_id, []), citations.get(doc.doc_id, ())
        key = cache.key(doc, mine, cited) if cache else None
        entry = cache.get(key) if cache and key else None
        if entry is None:
            _doc, graph = next(stream.document_graphs([doc], mine, {doc.doc_id: cited}))
            entry = DocumentLines(tuple(stream.graph_lines(graph)), frozenset(referenced_curies([graph])))
            if cache and key:
                cache.put(key, entry)
        yield doc, entry
    if cache:
        cache.prune()
