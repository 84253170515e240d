"""The lexicon's file layout and row records: file names, columns, statuses, types, Term/Name/MiRNA."""

from __future__ import annotations

from dataclasses import dataclass

TERMS_FILE = "terms.tsv.gz"
NAMES_FILE = "names.tsv.gz"
MIRNA_FILE = "mirna.tsv.gz"
HISTORY_FILE = "mirna_history.tsv.gz"
MESH_FILE = "mesh.tsv.gz"
SOURCES_FILE = "SOURCES.tsv"
DATA_FILES = (TERMS_FILE, NAMES_FILE, MIRNA_FILE, HISTORY_FILE, MESH_FILE)

#: Column order of every file; the cut writes these headers and the loader checks them.
TERM_COLUMNS = ("curie", "label", "type", "obsolete", "replaced_by", "parents", "definition",
                "source", "cancer_branch", "xrefs", "locus_type")
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
    #: genes only: HGNC's locus type ("gene with protein product", "RNA, long non-coding", ...),
    #: which tells what kind of cargo a gene name carried by vesicles is
    locus_type: str = ""


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
