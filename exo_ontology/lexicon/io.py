"""Read and write the lexicon files (`ontology/lexicon/*.tsv.gz`); loading is lazy, one file at a time."""

from __future__ import annotations

import gc
import gzip
import io
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exo_ontology.errors import InputError, MissingInputError, located

if TYPE_CHECKING:
    from exo_ontology.paths import Paths

TERMS_FILE = "terms.tsv.gz"
NAMES_FILE = "names.tsv.gz"
MIRNA_FILE = "mirna.tsv.gz"
HISTORY_FILE = "mirna_history.tsv.gz"
MESH_FILE = "mesh.tsv.gz"
SOURCES_FILE = "SOURCES.tsv"
DATA_FILES = (TERMS_FILE, NAMES_FILE, MIRNA_FILE, HISTORY_FILE, MESH_FILE)

#: Column order of every file; the cut writes these headers and the loader checks them.
TERM_COLUMNS = ("curie", "label", "type", "obsolete", "replaced_by", "parents", "definition",
                "source", "cancer_branch", "xrefs")
NAME_COLUMNS = ("name", "curie", "status", "type", "relation")
MIRNA_COLUMNS = ("mature_acc", "name", "precursor_accs", "precursor_names", "gene_curies",
                 "previous_names")
HISTORY_COLUMNS = ("name", "accession", "type", "current_name", "is_current")
MESH_COLUMNS = ("mesh_id", "curie", "predicate")
SOURCES_COLUMNS = ("file", "source", "version", "licence", "rows")

#: Name statuses, best first (the grounder's rank; see ARCHITECTURE.md "Lexicon files").
STATUSES = ("label", "exact", "curated", "related", "former", "alias", "xref", "mesh")
STATUS_ORDER = {status: rank for rank, status in enumerate(STATUSES)}
#: Term types. `upper` marks the BFO/RO upper-level classes of ro_relations.tsv (not relations).
TYPES = ("disease", "gene", "mirna", "cell", "chemical", "process", "component", "anatomy",
         "taxon", "relation", "upper")
#: Relations a `curated` name has to its term (from curated_aliases.tsv).
RELATIONS = ("same", "nearest", "broader")


@dataclass(frozen=True)
class Term:
    """One row of terms.tsv: a term the project may reference, with its direct parents."""

    curie: str
    label: str
    type: str
    obsolete: bool
    replaced_by: str
    parents: tuple[str, ...]
    definition: str
    source: str                     # key of SOURCES.tsv `source` (mondo, hgnc, mirbase, ...)
    cancer_branch: str = ""         # MONDO only: cancer, neoplasm, cancer_or_benign_tumor or ""
    #: cross-links inside the lexicon: gene -> `mirbase:MI…` precursors, precursor -> genes
    xrefs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Name:
    """One row of names.tsv: a string a term may be written as, and how trustworthy it is."""

    name: str
    curie: str
    status: str
    type: str
    relation: str = ""              # curated names only: same, nearest or broader


@dataclass(frozen=True)
class MiRNA:
    """One row of mirna.tsv: a human mature miRNA (miRBase 22) with its precursors and genes."""

    mature_acc: str
    name: str
    precursor_accs: tuple[str, ...]
    precursor_names: tuple[str, ...]
    gene_curies: tuple[str, ...]
    previous_names: tuple[str, ...]


def split_values(cell: str) -> tuple[str, ...]:
    """A `|`-joined cell as a tuple ("" -> ())."""
    return tuple(cell.split("|")) if cell else ()


def read_rows(path: Path, columns: tuple[str, ...]) -> Iterator[list[str]]:
    """Rows of a lexicon TSV (gzip or plain) as lists in `columns` order; checks the header.

    Columns are found by name, so a file may carry extra columns. Errors name the file and line.
    """
    if not path.is_file():
        raise MissingInputError(located(path, "lexicon file not found; run `make lexicon`"))
    data = path.read_bytes()
    try:
        text = (gzip.decompress(data) if path.name.endswith(".gz") else data).decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise InputError(located(path, f"unreadable ({exc}); regenerate with `make lexicon`")) from exc
    lines = text.split("\n")
    header = lines[0].split("\t")
    missing = [c for c in columns if c not in header]
    if missing:
        raise InputError(located(path, f"header lacks columns {missing}; expected {list(columns)}",
                                 line=1))
    width = len(header)
    picks = [header.index(c) for c in columns]
    direct = picks == list(range(len(columns))) and width == len(columns)
    for number, line in enumerate(lines[1:], start=2):
        if not line:
            continue
        cells = line.split("\t")
        if len(cells) != width:
            raise InputError(located(path, f"{len(cells)} fields, the header has {width}", line=number))
        yield cells if direct else [cells[i] for i in picks]


def write_tsv(path: Path, columns: tuple[str, ...], rows: Iterable[tuple[str, ...]],
              key: Callable[[tuple[str, ...]], Any] | None = None) -> int:
    """Write distinct rows, sorted (by `key`, then the whole row), under a header; gzip (mtime 0)
    when the name ends in .gz. Same rows, same bytes; the file is replaced atomically.
    Returns the number of rows."""
    lines = ["\t".join(columns)]
    ordered = sorted(set(rows)) if key is None else sorted(set(rows), key=lambda r: (key(r), r))
    for row in ordered:
        if len(row) != len(columns) or any("\t" in c or "\n" in c for c in row):
            raise InputError(located(path, f"bad row for columns {list(columns)}: {row!r}"))
        lines.append("\t".join(row))
    data = ("\n".join(lines) + "\n").encode("utf-8")
    if path.name.endswith(".gz"):
        buffer = io.BytesIO()
        with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as gz:
            gz.write(data)
        data = buffer.getvalue()
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)
    return len(lines) - 1


class Lexicon:
    """Terms, names, miRNAs and MeSH mappings of `ontology/lexicon/`, each file parsed on first use.

    Loading is lazy (per file, and Term/Name objects are made when asked for) because a caller
    that only needs miRNAs should not pay for 600k names.
    """

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    @classmethod
    def load(cls, lexicon_dir: Path) -> Lexicon:
        """Open a lexicon directory; raises MissingInputError naming the first missing file."""
        directory = Path(lexicon_dir)
        if not directory.is_dir():
            raise MissingInputError(located(directory, "lexicon directory not found; "
                                            "run `make lexicon` or restore ontology/lexicon/"))
        for file in DATA_FILES:
            if not (directory / file).is_file():
                raise MissingInputError(located(directory / file, "lexicon file not found; "
                                                "run `make lexicon` to regenerate it"))
        return cls(directory)

    @classmethod
    def from_records(cls, terms: Iterable[Term], names: Iterable[Name] = (),
                     mirnas: Iterable[MiRNA] = (),
                     history: Iterable[tuple[str, str, str, str, bool]] = (),
                     mesh: Iterable[tuple[str, str, str]] = ()) -> Lexicon:
        """An in-memory lexicon (for tests and tools): no files are read."""
        lexicon = cls(Path("<memory>"))
        terms = list(terms)
        name_rows = sorted(([n.name, n.curie, n.status, n.type, n.relation] for n in names),
                           key=_name_order)
        name_table = (name_rows, _spans(name_rows) or {})
        lexicon.__dict__.update(
            _term_rows={t.curie: _term_cells(t) for t in terms},
            _term_objects={t.curie: t for t in terms}, _name_table=name_table,
            _mirnas=list(mirnas), _history=list(history), _mesh=_group_mesh(mesh))
        return lexicon

    # ---- lazily parsed files -------------------------------------------------------------
    @cached_property
    def _term_rows(self) -> dict[str, list[str]]:
        with _bulk():
            return {c[0]: c for c in read_rows(self.directory / TERMS_FILE, TERM_COLUMNS)}

    @cached_property
    def _term_objects(self) -> dict[str, Term]:
        return {}

    @cached_property
    def _name_table(self) -> tuple[list[list[str]], dict[str, tuple[int, int]]]:
        """Name rows grouped by CURIE, and CURIE -> [start, end) of its rows."""
        with _bulk():
            rows = list(read_rows(self.directory / NAMES_FILE, NAME_COLUMNS))
            spans = _spans(rows)
            if spans is None:           # not grouped by CURIE (the cut always groups them)
                rows.sort(key=_name_order)
                spans = _spans(rows) or {}
        return rows, spans

    @cached_property
    def _names(self) -> list[Name]:
        with _bulk():
            return [Name(a, b, c, d, e) for a, b, c, d, e in self._name_table[0]]

    @cached_property
    def _mirnas(self) -> list[MiRNA]:
        with _bulk():
            return [MiRNA(c[0], c[1], *(split_values(v) for v in c[2:]))
                    for c in read_rows(self.directory / MIRNA_FILE, MIRNA_COLUMNS)]

    @cached_property
    def _mirna_index(self) -> dict[str, MiRNA]:
        index = {m.name: m for m in self._mirnas}
        index.update((m.mature_acc, m) for m in self._mirnas)
        return index

    @cached_property
    def _history(self) -> list[tuple[str, str, str, str, bool]]:
        with _bulk():
            return [(c[0], c[1], c[2], c[3], c[4] == "1")
                    for c in read_rows(self.directory / HISTORY_FILE, HISTORY_COLUMNS)]

    @cached_property
    def _mesh(self) -> dict[str, list[tuple[str, str]]]:
        with _bulk():
            return _group_mesh(tuple(c) for c in read_rows(self.directory / MESH_FILE,
                                                           MESH_COLUMNS))

    # ---- public API ----------------------------------------------------------------------
    def term(self, curie: str) -> Term | None:
        """The term with this CURIE (obsolete ones included), or None."""
        found = self._term_objects.get(curie)
        if found is None:
            cells = self._term_rows.get(curie)
            if cells is None:
                return None
            found = self._term_objects[curie] = Term(
                cells[0], cells[1], cells[2], cells[3] == "1", cells[4], split_values(cells[5]),
                cells[6], cells[7], cells[8], split_values(cells[9]))
        return found

    def terms(self) -> Iterable[Term]:
        """Every term, in CURIE order."""
        with _bulk():
            return [term for curie in self._term_rows if (term := self.term(curie))]

    def names(self) -> Iterable[Name]:
        """Every name row, grouped by CURIE (best status first within a term)."""
        return self._names

    def names_of(self, curie: str) -> list[Name]:
        """The names of one term, best status first."""
        rows, spans = self._name_table
        start, end = spans.get(curie, (0, 0))
        if "_names" in self.__dict__:
            found = self._names[start:end]
        else:
            found = [Name(*row) for row in rows[start:end]]
        return sorted(found, key=lambda n: _name_order([n.name, n.curie, n.status]))

    def mirnas(self) -> Iterable[MiRNA]:
        """Every human mature miRNA, in accession order."""
        return self._mirnas

    def mirna(self, key: str) -> MiRNA | None:
        """A mature miRNA by its accession (MIMAT…, with or without prefix) or current name."""
        return self._mirna_index.get(key.removeprefix("mirbase.mature:"))

    def mirna_history(self) -> Iterable[tuple[str, str, str, str, bool]]:
        """(name, accession, type, current_name, is_current) for every human name v6–v22."""
        return self._history

    def mesh(self, mesh_id: str) -> list[tuple[str, str]]:
        """[(curie, predicate)] of a MeSH ID ("D001943" or "MESH:D001943"), best predicate first."""
        key = mesh_id if mesh_id.startswith("MESH:") else f"MESH:{mesh_id}"
        return list(self._mesh.get(key, ()))

    def ancestors(self, curie: str) -> list[str]:
        """Transitive parents, breadth first (nearest first), each once; the term itself excluded.

        Parents missing from the lexicon are listed but cannot be walked further.
        """
        rows = self._term_rows
        seen = {curie}
        order: list[str] = []
        frontier = [curie]
        while frontier:
            following: list[str] = []
            for current in frontier:
                cells = rows.get(current)
                for parent in split_values(cells[5]) if cells else ():
                    if parent not in seen:
                        seen.add(parent)
                        order.append(parent)
                        following.append(parent)
            frontier = following
        return order


@contextmanager
def _bulk() -> Iterator[None]:
    """Pause the cyclic garbage collector while making many small objects (2-3x faster)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _term_cells(term: Term) -> list[str]:
    return [term.curie, term.label, term.type, "1" if term.obsolete else "0", term.replaced_by,
            "|".join(term.parents), term.definition, term.source, term.cancer_branch,
            "|".join(term.xrefs)]


def _name_order(row: list[str]) -> tuple[str, int, str]:
    """Names grouped by CURIE, best status first, then alphabetical (the order of names.tsv)."""
    return row[1], STATUS_ORDER.get(row[2], len(STATUSES)), row[0]


def _spans(rows: list[list[str]]) -> dict[str, tuple[int, int]] | None:
    """CURIE -> [start, end) of its rows, or None when the rows of a CURIE are not contiguous.

    Written with C-speed builtins (dict comprehension, Counter) because it runs over 600k rows:
    walking CURIEs in order of first appearance, the rows are grouped exactly when each
    CURIE's block [previous end, its last row] holds as many rows as the CURIE has.
    """
    curies = [row[1] for row in rows]
    last = {curie: i for i, curie in enumerate(curies)}
    counts = Counter(curies)
    spans: dict[str, tuple[int, int]] = {}
    start = 0
    for curie, end in last.items():
        if end + 1 - start != counts[curie]:
            return None
        spans[curie] = (start, end + 1)
        start = end + 1
    return spans


#: Preference among MeSH mapping predicates (README of the reference tables).
MESH_PREDICATES = ("exactMatch", "hasDbXref", "closeMatch", "relatedMatch", "broadMatch",
                   "narrowMatch", "via_DOID")


def _group_mesh(rows: Iterable[tuple[str, ...]]) -> dict[str, list[tuple[str, str]]]:
    index: dict[str, list[tuple[str, str]]] = {}
    for mesh_id, curie, predicate in rows:
        index.setdefault(mesh_id, []).append((curie, predicate))
    rank = {p: i for i, p in enumerate(MESH_PREDICATES)}
    for group in index.values():
        group.sort(key=lambda pair: (rank.get(pair[1], len(rank)), pair[0]))
    return index


def load_default(paths: Paths) -> Lexicon:
    """The project's lexicon (`paths.lexicon_dir`), opened once per directory and process."""
    return _load_cached(Path(paths.lexicon_dir).resolve())


@lru_cache(maxsize=8)
def _load_cached(directory: Path) -> Lexicon:
    return Lexicon.load(directory)
