"""The grounder's index: every lexicon and edit-file name under its normalised key, stored
column-wise so it pickles fast, and the on-disk cache that spares rebuilding it.

Names of ontology/exoc-edit.ttl (labels, exact and related synonyms of its classes and named
individuals) have status `curated` and a tier of their own just below labels: the project's
ontology is the domain's word ("EV" is an extracellular vesicle, not UBERON's efferent
vestibular nucleus). Their type: a reused term keeps its lexicon type (GO vesicle classes are
`component`); an EXOC class under a GO cellular component is `component` (vesicle types), one
under the EXOC effect class or a GO process is `process` (effects); anything else (cargo types,
study types, applications, directions) is `exoc`.

Gene full names are also indexed as bags of words (`gene_names.word_bag`), so "alpha
smooth muscle actin" meets "actin alpha 2, smooth muscle" whatever the word order.

Construction normalises ~670k names (several seconds); `load_tables` therefore keeps the built
tables in a user cache directory ($EXO_CACHE_DIR, else $XDG_CACHE_HOME/exo-ontology, else
~/.cache/exo-ontology; outside build/, which a release replaces), as a pickle named by a hash of
the lexicon, the edit file and the grounder's code, and reloads them in about a second.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
from array import array
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from exo_ontology.errors import InputError, located
from exo_ontology.grounding.cell_readings import initials
from exo_ontology.grounding.gene_names import symbol_stems, word_bag
from exo_ontology.grounding.mirna_resolver import HistoryRow
from exo_ontology.grounding.normalize import normalize
from exo_ontology.lexicon.io import Lexicon
from exo_ontology.lexicon.records import DATA_FILES, STATUSES, MiRNA, Name, Term
from exo_ontology.paths import Paths

log = logging.getLogger(__name__)

PROJECT = "project"      # internal tier of edit-file names (shown as status `curated`)
TIERS = ("label", PROJECT, *STATUSES[1:])
BAND = 0.06
TYPE_CODES = ("disease", "gene", "mirna", "cell", "chemical", "process", "component",
              "anatomy", "taxon", "relation", "upper", "exoc")
RELATIONS = ("", "same", "nearest", "broader", "related", "ncbi")
#: tiers whose gene names go into the bag-of-words index (full names, not symbols)
BAG_TIERS = ("label", "exact", "related")
_EFFECT = "https://w3id.org/exoc/EXOC_0000008"
#: the modules whose code decides what the cached tables hold (part of the cache key)
CODE_FILES = ("grounding/grounder.py", "grounding/lookup.py", "grounding/index.py", "grounding/score.py",
              "grounding/rewrites.py", "grounding/rewrite_words.py", "grounding/rewrite_cells.py",
              "grounding/rewrite_diseases.py", "grounding/rewrite_genes.py", "grounding/rewrite_processes.py",
              "grounding/cell_readings.py", "grounding/gene_names.py", "grounding/normalize.py",
              "grounding/mirna.py", "grounding/mirna_resolver.py", "lexicon/io.py", "lexicon/records.py",
              "lexicon/tsv.py")


def band(tier: str) -> float:
    """The base score of a tier (a status, or PROJECT for edit-file names)."""
    return round(0.96 - BAND * TIERS.index(tier), 4) if tier in TIERS else 0.0


Bags = Mapping[str, tuple[str, ...]]
TermRow = tuple[str, int, str, str, tuple[str, ...]]


@dataclass
class Tables:
    """Everything a grounder needs, column-wise (fast to pickle): names grouped by key, terms.

    The lookups go through Mapping fields and `rows`, so a subclass may answer them from disk
    (`grounding.index_db`) instead of holding 670k names in memory."""

    keys: Mapping[str, int] = field(default_factory=dict)       # key -> group
    starts: array = field(default_factory=lambda: array("I", [0]))  # group g: rows starts[g]..
    names: list[str] = field(default_factory=list)
    curies: list[str] = field(default_factory=list)
    codes: bytearray = field(default_factory=bytearray)       # per row: tier, type, relation
    term_rows: Mapping[str, TermRow] = field(default_factory=dict)
    edit_individuals: frozenset[str] = frozenset()
    mirnas: list[MiRNA] = field(default_factory=list)
    history: list[HistoryRow] = field(default_factory=list)
    #: gene full names by bag of words: (with numbers, without numbers) -> (name, curie) pairs
    bags: tuple[Bags, Bags] = field(default_factory=lambda: ({}, {}))
    #: (type, initials) -> CURIEs, from cell and anatomy labels and exact synonyms ("DC")
    initials: Mapping[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    #: normalised cell label or exact synonym minus its first word -> CURIEs
    tails: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: gene symbol families: normalised stem -> approved symbols (`gene_names.symbol_stems`)
    stems: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def rows(self, key: str) -> list[tuple[str, str, str, str, str]]:
        """(name, curie, tier, type, relation) of every name with this key."""
        group = self.keys.get(key)
        if group is None:
            return []
        c = self.codes
        return [(self.names[i], self.curies[i], TIERS[c[3 * i]], TYPE_CODES[c[3 * i + 1]],
                 RELATIONS[c[3 * i + 2]]) for i in range(self.starts[group], self.starts[group + 1])]

    def term(self, curie: str) -> Term | None:
        """The lexicon (or edit-file) term; obsolete terms have obsolete=True."""
        row = self.term_rows.get(curie)
        if row is None:
            return None
        label, flags, replaced_by, cancer_branch, xrefs = row
        return Term(curie, label, TYPE_CODES[flags >> 1], bool(flags & 1), replaced_by, (), "",
                    "", cancer_branch, xrefs)

    def bag(self, text: str) -> list[tuple[str, str]]:
        """(name, curie) of the gene names with the same words as `text` in any order; when
        none, and `text` has no number, those that differ only by a number ("alpha smooth
        muscle actin" -> "actin alpha 2, smooth muscle")."""
        exact = self.bags[0].get(word_bag(text), ())
        if exact or any(ch.isdigit() for ch in text):
            return _pairs(exact)
        return _pairs(self.bags[1].get(word_bag(text, numbers=False), ()))


def _pairs(flat: tuple[str, ...]) -> list[tuple[str, str]]:
    return list(zip(flat[::2], flat[1::2], strict=True))


def build_tables(lexicon: Lexicon, edit_file: Path | None) -> Tables:
    """Index every lexicon name and edit-file name under its normalised key (the slow part)."""
    keys: dict[str, int] = {}
    term_rows: dict[str, TermRow] = {}
    tables = Tables(keys=keys, term_rows=term_rows, mirnas=list(lexicon.mirnas()),
                    history=list(lexicon.mirna_history()))
    for t in lexicon.terms():
        xrefs = t.xrefs if t.curie.startswith(("mirbase", "NCBIGene:")) else ()
        term_rows[t.curie] = (t.label, _code(TYPE_CODES, t.type, t.curie) << 1 | t.obsolete,
                              t.replaced_by, t.cancer_branch, xrefs)
    tables.stems = symbol_stems(label for label, flags, *_ in term_rows.values()
                                if TYPE_CODES[flags >> 1] == "gene" and not flags & 1)
    names: Iterable[tuple[Name, str]] = ((n, n.status) for n in lexicon.names())
    if edit_file is not None and edit_file.is_file():
        edit_names, individuals = read_edit_file(edit_file, tables, term_rows)
        tables.edit_individuals = frozenset(individuals)
        names = [*names, *((n, PROJECT) for n in edit_names)]
    groups: dict[str, list[tuple[Name, str]]] = {}
    for name, tier in names:
        key = normalize(name.name)
        if key:
            groups.setdefault(key, []).append((name, tier))
    curie_ids: dict[str, str] = {}
    for key, members in groups.items():
        keys[key] = len(tables.starts) - 1
        for name, tier in members:
            tables.names.append(name.name)
            tables.curies.append(curie_ids.setdefault(name.curie, name.curie))
            tables.codes += bytes((TIERS.index(tier), _code(TYPE_CODES, name.type, name.curie),
                                   _code(RELATIONS, name.relation, name.curie)))
        tables.starts.append(len(tables.names))
    tables.bags = gene_bags(lexicon.names())
    tables.initials, tables.tails = strong_name_indexes(tables)
    return tables


def strong_name_indexes(tables: Tables) -> tuple[dict[tuple[str, str], frozenset[str]],
                                                  dict[str, frozenset[str]]]:
    """The acronym index (initials of cell and anatomy labels and exact synonyms) and the
    tail index (a cell name minus its first word, when three words or more remain)."""
    initials_of: dict[tuple[str, str], set[str]] = {}
    tails: dict[str, set[str]] = {}
    wanted = {TYPE_CODES.index("cell"), TYPE_CODES.index("anatomy")}
    cell = TYPE_CODES.index("cell")
    strong = {TIERS.index("label"), TIERS.index("exact")}
    c = tables.codes
    for i, name in enumerate(tables.names):
        if c[3 * i + 1] not in wanted or c[3 * i] not in strong:
            continue
        curie = tables.curies[i]
        abbr = initials(name)
        if abbr:
            initials_of.setdefault((TYPE_CODES[c[3 * i + 1]], abbr), set()).add(curie)
        tail = name.partition(" ")[2]
        # three words or more: "antigen presenting cell" may lack its "professional", but a lone
        # adjective + cell ("sensitive cell") says too little to pick the one type it ends
        if c[3 * i + 1] == cell and tail.count(" ") >= 2:
            tails.setdefault(normalize(tail), set()).add(curie)
    return ({k: frozenset(v) for k, v in initials_of.items()},
            {k: frozenset(v) for k, v in tails.items()})


def gene_bags(names: Iterable[Name]) -> tuple[Bags, Bags]:
    """The bag-of-words indexes of gene full names (label, exact and related tiers, two words
    or more); each value is flattened (name, curie, name, curie, ...) to pickle small."""
    exact: dict[str, dict[str, str]] = {}
    loose: dict[str, dict[str, str]] = {}
    for n in names:
        if n.type != "gene" or n.status not in BAG_TIERS or " " not in n.name.strip():
            continue
        for index, numbers in ((exact, True), (loose, False)):
            key = word_bag(n.name, numbers=numbers)
            if key:
                index.setdefault(key, {}).setdefault(n.curie, n.name)
    return ({k: _flat(v) for k, v in exact.items()}, {k: _flat(v) for k, v in loose.items()})


def _flat(by_curie: dict[str, str]) -> tuple[str, ...]:
    return tuple(x for curie in sorted(by_curie) for x in (by_curie[curie], curie))


def _code(values: tuple[str, ...], value: str, curie: str) -> int:
    """The position of a term type or name relation; an unknown one is a lexicon error."""
    if value not in values:
        raise InputError(located("ontology/lexicon", f"{curie}: unknown type or relation "
                                 f"{value!r} (the grounder knows {', '.join(values)})"))
    return values.index(value)


def read_edit_file(path: Path, tables: Tables, term_rows: dict[str, TermRow]) -> tuple[list[Name], set[str]]:
    """Names (status `curated`) of the classes and named individuals of the edit file; adds its
    own terms to `term_rows` (the dict behind `tables.term_rows`). Returns the names and the
    CURIEs of the individuals."""
    from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef

    from exo_ontology.namespaces import OBOINOWL, compress

    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises several parser exception types
        raise InputError(located(path, f"cannot parse the edit file: {exc}")) from exc
    synonyms = {OBOINOWL.hasExactSynonym: "same", OBOINOWL.hasRelatedSynonym: "related",
                SKOS.altLabel: "related"}
    individuals = {s for s in graph.subjects(RDF.type, OWL.NamedIndividual) if isinstance(s, URIRef)}
    classes = {s for s in graph.subjects(RDF.type, OWL.Class) if isinstance(s, URIRef)}
    out: list[Name] = []
    for subject in sorted(classes | individuals):
        if (subject, OWL.deprecated, Literal(True)) in graph:
            continue
        curie, known = compress(subject), tables.term_rows.get(compress(subject))
        label = graph.value(subject, RDFS.label)
        if known is not None:
            type_ = TYPE_CODES[known[1] >> 1]
        else:
            ancestors = {str(a) for a in graph.transitive_objects(subject, RDFS.subClassOf)
                         if isinstance(a, URIRef)}
            types = {t.type for t in (tables.term(compress(a)) for a in ancestors) if t}
            type_ = ("component" if "component" in types else "process"
                     if _EFFECT in ancestors or "process" in types else "exoc")
            term_rows[curie] = (str(label or curie), TYPE_CODES.index(type_) << 1, "", "", ())
        names = [(label, "same")] if label is not None else []
        names += [(o, rel) for p, rel in synonyms.items() for o in graph.objects(subject, p)]
        out += [Name(str(o).strip(), curie, "curated", type_, rel) for o, rel in names
                if isinstance(o, Literal) and str(o).strip()]
    return out, {compress(str(s)) for s in individuals}


# ---- the on-disk cache -----------------------------------------------------------------------
def fingerprint(paths: Paths) -> str:
    """Hash of every input of build_tables: lexicon files, edit file, the code, Python."""
    digest = hashlib.sha256(sys.version.encode())
    inputs = [Path(paths.lexicon_dir) / f for f in DATA_FILES] + [Path(paths.edit_file)]
    here = Path(__file__).parent.parent   # the package root
    for path in [*inputs, *(here / m for m in CODE_FILES)]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes() if path.is_file() else b"-")
    return digest.hexdigest()


def cache_dir() -> Path:
    """$EXO_CACHE_DIR, else $XDG_CACHE_HOME/exo-ontology, else ~/.cache/exo-ontology."""
    if os.environ.get("EXO_CACHE_DIR"):
        return Path(os.environ["EXO_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "exo-ontology"


def load_tables(paths: Paths) -> Tables:
    """The project's tables: from the cache when its key matches, else built and cached."""
    from exo_ontology.lexicon.io import load_default

    stamp = fingerprint(paths)
    cache = cache_dir() / f"grounder-{stamp[:20]}.pickle"
    try:
        cached_stamp, tables = pickle.loads(cache.read_bytes())  # our own cache file
        if cached_stamp == stamp and isinstance(tables, Tables):
            return tables
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, AttributeError, TypeError):
        pass
    tables = build_tables(load_default(paths), Path(paths.edit_file))
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        temporary = cache.with_name(f".{cache.name}.{os.getpid()}.tmp")
        temporary.write_bytes(pickle.dumps((stamp, tables), protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temporary, cache)
        olds = sorted(cache.parent.glob("grounder-*.pickle"), key=lambda p: p.stat().st_mtime)
        for old in olds[:-2]:                       # keep the two newest (project and a test)
            old.unlink(missing_ok=True)
    except OSError as exc:                  # a read-only checkout still grounds, just slower
        log.warning("%s: cannot write the grounder cache (%s)", cache, exc)
    return tables
