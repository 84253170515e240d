"""Ground a name to ranked identifiers: a normalised-key index over the lexicon and the EXOC edit
file, deterministic explainable scores (status tier, case, type, context), and the miRNA grammar.

Score = the band of the match's tier (label 0.96, edit-file name 0.90, exact 0.84, curated
0.78, related 0.72, former 0.66, alias 0.60, xref 0.54, mesh 0.48) plus adjustments kept under
half a band (case -0.02 for genes and miRNAs, else -0.005; broader/nearest/related and
replaced-obsolete -0.01; taxon -0.01; cancer context +0.01), so a lower-tier synonym never
beats a higher-tier hit for another term ("Synonym tiers" in ../shared/reference/README.md).
A plural acronym ("MSCs") never grounds to a gene symbol: genes are not counted.
miRNA names parsed by the grammar come first, with the scores of `mirna.MirnaResolver`.

Names of ontology/exoc-edit.ttl (labels, exact and related synonyms of its classes and named
individuals) have status `curated` and a tier of their own just below labels: the project's
ontology is the domain's word ("EV" is an extracellular vesicle, not UBERON's efferent
vestibular nucleus). Their type: a reused term keeps its lexicon type (GO vesicle classes are
`component`); an EXOC class under a GO cellular component is `component` (vesicle types), one
under the EXOC effect class or a GO process is `process` (effects); anything else (cargo types,
study types, applications, directions) is `exoc`.

Construction normalises ~600k names (several seconds); `Grounder.from_paths` therefore keeps
the built tables in a user cache directory ($EXO_CACHE_DIR, else $XDG_CACHE_HOME/exo-ontology,
else ~/.cache/exo-ontology; outside build/, which a release replaces), as a pickle named by a
hash of the lexicon, the edit file and this code, and reloads them in about a second.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import re
import sys
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from exo_ontology.errors import InputError, located
from exo_ontology.grounding_rules import (
    REWRITE_PENALTY,
    acronym_parts,
    initials,
    rewrites,
    shared_series,
    symbol_stems,
)
from exo_ontology.lexicon.io import DATA_FILES, STATUSES, Lexicon, MiRNA, Name, Term
from exo_ontology.mirna import FLAG_SCORE, HistoryRow, MirnaResolver, parse
from exo_ontology.model import Candidate
from exo_ontology.normalize import normalize
from exo_ontology.paths import Paths

log = logging.getLogger(__name__)

#: match status -> rank, higher is better (label > exact > curated > ... > mesh)
STATUS_RANK: dict[str, int] = {s: len(STATUSES) - i for i, s in enumerate(STATUSES)}
#: the --type choices
TYPES = ("disease", "gene", "mirna", "cell", "chemical", "process", "anatomy", "taxon")
#: further types a caller may filter on
EXTRA_TYPES = ("component", "exoc", "relation")
PROJECT = "project"      # internal tier of edit-file names (shown as status `curated`)
TIERS = ("label", PROJECT, *STATUSES[1:])
BAND = 0.06
CASE_PENALTY = {"gene": 0.02, "mirna": 0.02}     # symbols are case-sensitive; others 0.005
TYPE_PENALTY = {"taxon": 0.01}                    # genus names collide with words ("Cancer")
_TYPE_CODES = ("disease", "gene", "mirna", "cell", "chemical", "process", "component",
               "anatomy", "taxon", "relation", "upper", "exoc")
_RELATIONS = ("", "same", "nearest", "broader", "related", "ncbi")
_CANCER_WORDS = re.compile(r"cancer|tumou?r|carcinom|oncolog|malignan|neoplas|metasta|sarcoma|"
                           r"leuka?emia|lymphoma|melanoma|glioma", re.IGNORECASE)
_PLURAL_ACRONYM = re.compile(r"[A-Z][A-Z0-9-]*[A-Z0-9]s")
_EFFECT = "https://w3id.org/exoc/EXOC_0000008"
ACRONYM_STEPS = 5          # an acronym read from initials is a guess: 0.25 below its long form


def band(tier: str) -> float:
    """The base score of a tier (a status, or PROJECT for edit-file names)."""
    return round(0.96 - BAND * TIERS.index(tier), 4) if tier in TIERS else 0.0


def case_key(text: str) -> str:
    """The normalised key with case kept, except a capital first letter ("Cancer" = "cancer")."""
    key = normalize(text, casefold=False)
    return key.lower() if key[1:] == key[1:].lower() else key


@dataclass
class Tables:
    """Everything a grounder needs, column-wise (fast to pickle): names grouped by key, terms."""

    keys: dict[str, int] = field(default_factory=dict)       # key -> group
    starts: array = field(default_factory=lambda: array("I", [0]))  # group g: rows starts[g]..
    names: list[str] = field(default_factory=list)
    curies: list[str] = field(default_factory=list)
    codes: bytearray = field(default_factory=bytearray)       # per row: tier, type, relation
    term_rows: dict[str, tuple[str, int, str, str, tuple[str, ...]]] = field(default_factory=dict)
    edit_individuals: frozenset[str] = frozenset()
    mirnas: list[MiRNA] = field(default_factory=list)
    history: list[HistoryRow] = field(default_factory=list)

    def rows(self, key: str) -> list[tuple[str, str, str, str, str]]:
        """(name, curie, tier, type, relation) of every name with this key."""
        group = self.keys.get(key)
        if group is None:
            return []
        c = self.codes
        return [(self.names[i], self.curies[i], TIERS[c[3 * i]], _TYPE_CODES[c[3 * i + 1]],
                 _RELATIONS[c[3 * i + 2]]) for i in range(self.starts[group], self.starts[group + 1])]

    def term(self, curie: str) -> Term | None:
        """The lexicon (or edit-file) term; obsolete terms have obsolete=True."""
        row = self.term_rows.get(curie)
        if row is None:
            return None
        label, flags, replaced_by, cancer_branch, xrefs = row
        return Term(curie, label, _TYPE_CODES[flags >> 1], bool(flags & 1), replaced_by, (), "",
                    "", cancer_branch, xrefs)


def build_tables(lexicon: Lexicon, edit_file: Path | None) -> Tables:
    """Index every lexicon name and edit-file name under its normalised key (the slow part)."""
    tables = Tables(mirnas=list(lexicon.mirnas()), history=list(lexicon.mirna_history()))
    for t in lexicon.terms():
        xrefs = t.xrefs if t.curie.startswith(("mirbase", "NCBIGene:")) else ()
        tables.term_rows[t.curie] = (t.label, _code(_TYPE_CODES, t.type, t.curie) << 1 | t.obsolete,
                                     t.replaced_by, t.cancer_branch, xrefs)
    names: Iterable[tuple[Name, str]] = ((n, n.status) for n in lexicon.names())
    if edit_file is not None and edit_file.is_file():
        edit_names, individuals = read_edit_file(edit_file, tables)
        tables.edit_individuals = frozenset(individuals)
        names = [*names, *((n, PROJECT) for n in edit_names)]
    groups: dict[str, list[tuple[Name, str]]] = {}
    for name, tier in names:
        key = normalize(name.name)
        if key:
            groups.setdefault(key, []).append((name, tier))
    curie_ids: dict[str, str] = {}
    for key, members in groups.items():
        tables.keys[key] = len(tables.starts) - 1
        for name, tier in members:
            tables.names.append(name.name)
            tables.curies.append(curie_ids.setdefault(name.curie, name.curie))
            tables.codes += bytes((TIERS.index(tier), _code(_TYPE_CODES, name.type, name.curie),
                                   _code(_RELATIONS, name.relation, name.curie)))
        tables.starts.append(len(tables.names))
    return tables


def _code(values: tuple[str, ...], value: str, curie: str) -> int:
    """The position of a term type or name relation; an unknown one is a lexicon error."""
    if value not in values:
        raise InputError(located("ontology/lexicon", f"{curie}: unknown type or relation "
                                 f"{value!r} (the grounder knows {', '.join(values)})"))
    return values.index(value)


def read_edit_file(path: Path, tables: Tables) -> tuple[list[Name], set[str]]:
    """Names (status `curated`) of the classes and named individuals of the edit file; adds its
    own terms to `tables`. Returns the names and the CURIEs of the individuals."""
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
            type_ = _TYPE_CODES[known[1] >> 1]
        else:
            ancestors = {str(a) for a in graph.transitive_objects(subject, RDFS.subClassOf)
                         if isinstance(a, URIRef)}
            types = {t.type for t in (tables.term(compress(a)) for a in ancestors) if t}
            type_ = ("component" if "component" in types else "process"
                     if _EFFECT in ancestors or "process" in types else "exoc")
            tables.term_rows[curie] = (str(label or curie), _TYPE_CODES.index(type_) << 1, "",
                                       "", ())
        names = [(label, "same")] if label is not None else []
        names += [(o, rel) for p, rel in synonyms.items() for o in graph.objects(subject, p)]
        out += [Name(str(o).strip(), curie, "curated", type_, rel) for o, rel in names
                if isinstance(o, Literal) and str(o).strip()]
    return out, {compress(str(s)) for s in individuals}


class Grounder:
    """Text -> ranked candidates. Build once; each lookup is a dict access plus scoring."""

    def __init__(self, lexicon: Lexicon | None, edit_file: Path | None = None,
                 tables: Tables | None = None) -> None:
        if tables is None:
            if lexicon is None:
                raise InputError("Grounder needs a lexicon or prebuilt tables")
            tables = build_tables(lexicon, edit_file)
        self.tables = tables
        self.term = tables.term
        self.mirna = MirnaResolver(tables.mirnas, tables.history, tables.term)
        self._stem_cache: dict[str, frozenset[str]] | None = None
        self._initials_cache: dict[tuple[str, str], set[str]] | None = None

    @classmethod
    def from_paths(cls, paths: Paths) -> Grounder:
        """The project's grounder (ontology/lexicon + exoc-edit.ttl), built once per process and
        cached on disk (see the module docstring)."""
        return _grounder_for(Paths(Path(paths.root).resolve()))

    def knows(self, text: str) -> bool:
        """True when `text` has a lexicon key (a cheap test before `ground`)."""
        return normalize(text) in self.tables.keys

    def case_exact(self, text: str, strict: bool = True) -> set[str]:
        """CURIEs with a name matching `text` letter for letter, case included ("MET", not
        "met"); not `strict`: a capital first letter is forgiven ("Lung" = "lung")."""
        if not strict:
            key = case_key(text)
            return {curie for name, curie, *_ in self.tables.rows(normalize(text))
                    if _name_case_key(name) == key}
        exact = normalize(text, casefold=False)
        return {curie for name, curie, *_ in self.tables.rows(exact.casefold())
                if normalize(name, casefold=False) == exact}

    def is_individual(self, curie: str) -> bool:
        """True for the edit file's named individuals (applications, study types, directions)."""
        return curie in self.tables.edit_individuals

    def ground(self, text: str, type: str | None = None, context: str = "",
               limit: int = 10) -> list[Candidate]:
        """Ranked candidates for `text`, best first; [] when nothing matches.

        `type` keeps only candidates of that type (TYPES or EXTRA_TYPES); `context` (words
        around the text) biases the ranking: cancer words prefer MONDO cancers.
        """
        if type is not None and type not in TYPES and type not in EXTRA_TYPES:
            raise InputError(f"type {type!r}: use one of {', '.join(TYPES + EXTRA_TYPES)}")
        text = text.strip()
        if not text:
            return []
        first = self._ground_mirna(text) if type in (None, "mirna", "gene") else []
        if type == "gene":
            first = [c for c in first if c.type == "gene"]
        if type == "mirna" and first:
            return first[:limit]
        cancer = bool(_CANCER_WORDS.search(context))
        found = [*first, *self._lookup(text, type, cancer, {c.curie for c in first})]
        if not found and type in ("cell", "disease", "gene"):
            found = self._rewritten(text, type, cancer)
        return found[:limit]

    def _lookup(self, text: str, type: str | None, cancer: bool,
                taken: set[str] = frozenset()) -> list[Candidate]:  # type: ignore[assignment]
        """The lexicon's candidates for exactly this text (after normalisation), ranked, with the
        gene case and family rules applied."""
        plural_acronym = bool(_PLURAL_ACRONYM.fullmatch(text))
        best: dict[str, Candidate] = {}
        exact_case: set[str] = set()
        for row in self.tables.rows(normalize(text)):
            cand = self._candidate(row, text, cancer)
            if (cand is None or cand.curie in taken or not _type_ok(cand.type, type)
                    or (plural_acronym and cand.type == "gene" and not row[0].endswith("s"))):
                continue
            if case_key(text) == _name_case_key(row[0]):
                exact_case.add(cand.curie)
            if cand.curie not in best or _order(cand) < _order(best[cand.curie]):
                best[cand.curie] = cand
        ranked = sorted(best.values(), key=_order)
        if type in (None, "gene") and any(c.type == "gene" for c in ranked):
            ranked = self._gene_rules(text, ranked, exact_case)
        return ranked

    def _gene_rules(self, text: str, ranked: list[Candidate],
                    exact_case: set[str]) -> list[Candidate]:
        """Gene symbols are case-sensitive: when the text mixes cases on purpose ("P-gp", not
        "met" or "Met"), a gene whose name matches that case (ABCB1's alias "P-gp") ranks above
        one matching only case-insensitively (the symbol PGP). A
        family name (no gene has it as its symbol, and approved symbols are it plus one digit
        or capital: AKT -> AKT1/2/3, NF-kB -> NFKB1/2; or its genes form such a series: PI3K ->
        PIK3CA/CB/CD/CG) names no single gene: its candidates are flagged below FLAG_SCORE."""
        genes = [c for c in ranked if c.type == "gene"]
        exact = [c for c in genes if c.curie in exact_case]
        if exact and genes[0].curie not in exact_case and _mixed_case(text):
            floor = exact[0].score - 0.005
            ranked = sorted((replace(c, score=round(min(c.score, floor), 4),
                                     note=_join(c.note, f"case differs from {text!r}"))
                             if c.type == "gene" and c.curie not in exact_case else c
                             for c in ranked), key=_order)
            genes = [c for c in ranked if c.type == "gene"]
        if any(c.status == "label" for c in genes):
            return ranked
        members = self._stems().get(normalize(text), frozenset())
        top = [c for c in genes if c.status == genes[0].status]
        if len(members) < 2 and not shared_series(top[0].label, (c.label for c in top[1:])):
            return ranked
        names = ", ".join(sorted(members or {c.label for c in genes}))
        note = f"family name: several genes ({names}); no single gene"
        return sorted((replace(c, score=round(min(c.score, FLAG_SCORE - 0.05), 4),
                               status="flagged", note=_join(c.note, note))
                       if c.type == "gene" else c for c in ranked), key=_order)

    def _stems(self) -> dict[str, frozenset[str]]:
        if self._stem_cache is None:
            self._stem_cache = symbol_stems(
                label for label, flags, *_ in self.tables.term_rows.values()
                if _TYPE_CODES[flags >> 1] == "gene" and not flags & 1)
        return self._stem_cache

    def _rewritten(self, text: str, type: str, cancer: bool) -> list[Candidate]:
        """The first general rewrite of `text` that grounds (grounding_rules), scored lower."""
        for count, (new, steps) in enumerate(rewrites(text, type)):
            if count >= 200:
                break
            found = self._lookup(new, type, cancer) or (
                self._acronym(new) if type == "cell" else [])
            if found:
                return _lowered(found, len(steps), f"{' + '.join(steps)}: {new!r}")
        if type == "cell":
            return _lowered(self._acronym(text), ACRONYM_STEPS, "acronym read from the lexicon")
        return []

    def _acronym(self, text: str) -> list[Candidate]:
        """A cell acronym read through the lexicon: the initials of exactly one cell type's
        label or exact synonym ("DCs" -> dendritic cell), or a place acronym + cell acronym
        whose composition CL names, for exactly one place ("BM-MSCs" -> mesenchymal stem cell
        of the bone marrow; UBERON supplies the place)."""
        index = self._initials()
        core = text[:-1] if text.endswith("s") and text[:-1].isupper() else text
        cells = index.get(("cell", core), set())
        if len(cells) == 1:
            return self._lookup(self.tables.term_rows[next(iter(cells))][0], "cell", False)
        hits: dict[str, Candidate] = {}
        for place_abbr, cell_abbr in acronym_parts(text):
            cell_names = {self.tables.term_rows[c][0] for c in index.get(("cell", cell_abbr), ())}
            cell_names |= {c.label for c in self._lookup(cell_abbr, "cell", False)
                           if c.status in ("label", "exact", "curated", "related")}
            places = {self.tables.term_rows[c][0] for c in index.get(("anatomy", place_abbr), ())}
            for cell in cell_names:
                for place in places:
                    for form in (f"{cell} of the {place}", f"{cell} of {place}"):
                        for c in self._lookup(form, "cell", False):
                            if c.status in ("label", "exact"):
                                hits.setdefault(c.curie, c)
        return list(hits.values()) if len(hits) == 1 else []

    def _initials(self) -> dict[tuple[str, str], set[str]]:
        if self._initials_cache is None:
            index: dict[tuple[str, str], set[str]] = {}
            wanted = {_TYPE_CODES.index("cell"), _TYPE_CODES.index("anatomy")}
            strong = {TIERS.index("label"), TIERS.index("exact")}
            c = self.tables.codes
            for i, name in enumerate(self.tables.names):
                if c[3 * i + 1] in wanted and c[3 * i] in strong:
                    abbr = initials(name)
                    if abbr:
                        index.setdefault((_TYPE_CODES[c[3 * i + 1]], abbr), set()).add(
                            self.tables.curies[i])
            self._initials_cache = index
        return self._initials_cache

    def _ground_mirna(self, text: str) -> list[Candidate]:
        out: list[Candidate] = []
        for name in parse(text):
            out += [c for c in self.mirna.resolve(name) if c.curie not in {o.curie for o in out}]
        return out

    def _candidate(self, row: tuple[str, str, str, str, str], text: str,
                   cancer: bool) -> Candidate | None:
        """Score one matching name; obsolete terms are replaced (noted) or dropped."""
        name, curie, tier, type_, relation = row
        term, note, adjust = self.term(curie), "", 0.0
        if term is not None and term.obsolete:
            replacement = self.term(term.replaced_by) if term.replaced_by else None
            if replacement is None or replacement.obsolete:
                return None
            note, adjust, term = f"replaces obsolete {curie}", -0.01, replacement
        if term is not None:
            curie, type_ = term.curie, term.type
        label = term.label if term is not None else curie
        if case_key(text) != _name_case_key(name):
            adjust -= CASE_PENALTY.get(type_, 0.005)
        adjust -= TYPE_PENALTY.get(type_, 0.0)
        if relation == "ncbi":                       # an NCBI synonym HGNC does not list
            adjust -= 0.01
        elif relation in ("broader", "nearest", "related"):
            adjust -= 0.01
            note = f"{note}; " * bool(note) + f"{relation}: {label} is the {relation} term"
        if cancer and term is not None and term.cancer_branch:
            adjust += 0.01 if term.cancer_branch == "cancer" else 0.005
        score = round(band(tier) + max(-0.029, min(0.029, adjust)), 4)
        status = "curated" if tier == PROJECT else tier
        return Candidate(curie, label, type_, score, name, status, note)


@lru_cache(maxsize=200_000)
def _name_case_key(name: str) -> str:
    return case_key(name)


def _type_ok(found: str, wanted: str | None) -> bool:
    return found not in ("relation", "upper") if wanted is None else found == wanted


def _order(c: Candidate) -> tuple[float, int, str]:
    return (-c.score, -STATUS_RANK.get(c.status, 0), c.curie)


def _mixed_case(text: str) -> bool:
    """Both cases, and not just a capitalised word: "P-gp", "NF-kB", not "met" or "Met"."""
    return (any(c.isupper() for c in text) and any(c.islower() for c in text)
            and not re.fullmatch(r"[A-Z][a-z]+", text))


def _join(note: str, more: str) -> str:
    return f"{note}; {more}" if note else more


def _lowered(cands: list[Candidate], steps: int, how: str) -> list[Candidate]:
    """Candidates found through `steps` rewrites: REWRITE_PENALTY lower per step, noted."""
    return [replace(c, score=round(c.score - REWRITE_PENALTY * steps, 4),
                    note=_join(c.note, f"rewritten ({how})")) for c in cands]


# ---- the on-disk cache of from_paths ------------------------------------------------------
def _fingerprint(paths: Paths) -> str:
    """Hash of every input of build_tables: lexicon files, edit file, the code, Python."""
    digest = hashlib.sha256(sys.version.encode())
    inputs = [Path(paths.lexicon_dir) / f for f in DATA_FILES] + [Path(paths.edit_file)]
    here = Path(__file__).parent
    for path in [*inputs, *(here / m for m in ("grounding.py", "grounding_rules.py", "normalize.py", "mirna.py"))]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes() if path.is_file() else b"-")
    return digest.hexdigest()


def _cache_dir() -> Path:
    if os.environ.get("EXO_CACHE_DIR"):
        return Path(os.environ["EXO_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "exo-ontology"


@lru_cache(maxsize=4)
def _grounder_for(paths: Paths) -> Grounder:
    from exo_ontology.lexicon.io import load_default

    stamp = _fingerprint(paths)
    cache = _cache_dir() / f"grounder-{stamp[:20]}.pickle"
    try:
        cached_stamp, tables = pickle.loads(cache.read_bytes())  # our own cache file
        if cached_stamp == stamp and isinstance(tables, Tables):
            return Grounder(None, tables=tables)
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
    return Grounder(None, tables=tables)
