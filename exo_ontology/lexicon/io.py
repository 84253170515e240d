"""Load the lexicon files (`ontology/lexicon/*.tsv.gz`) behind `Lexicon`, lazily, one file at a time."""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from exo_ontology.errors import MissingInputError, located
from exo_ontology.lexicon.records import (
    DATA_FILES,
    HISTORY_COLUMNS,
    HISTORY_FILE,
    MESH_COLUMNS,
    MESH_FILE,
    MIRNA_COLUMNS,
    MIRNA_FILE,
    NAME_COLUMNS,
    NAMES_FILE,
    STATUS_ORDER,
    STATUSES,
    TERM_COLUMNS,
    TERMS_FILE,
    MiRNA,
    Name,
    Term,
    split_values,
)
from exo_ontology.lexicon.tsv import read_rows

if TYPE_CHECKING:
    from exo_ontology.paths import Paths


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

    @classmethod
    def over_term_rows(cls, lexicon_dir: Path, rows: Mapping[str, list[str]]) -> Lexicon:
        """A lexicon whose terms come from `rows` (CURIE -> the cells of `term_cells`, e.g. read
        from disk on demand); the other files are still parsed on first use."""
        lexicon = cls(Path(lexicon_dir))
        lexicon.__dict__["_term_rows"] = rows
        return lexicon

    # ---- lazily parsed files -------------------------------------------------------------
    @cached_property
    def _term_rows(self) -> Mapping[str, list[str]]:
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
                cells[6], cells[7], cells[8], split_values(cells[9]), cells[10])
        return found

    def term_cells(self) -> Iterable[tuple[str, list[str]]]:
        """(CURIE, cells of its terms.tsv row) of every term, in CURIE order (what `over_term_rows` takes)."""
        return self._term_rows.items()

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
            "|".join(term.xrefs), term.locus_type]


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
