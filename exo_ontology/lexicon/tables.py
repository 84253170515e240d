"""Read each reference table of ../shared/reference into lexicon rows: one `terms_from_<source>()` each.

As in gilda's generate_terms, every function returns a `Part` (term rows + name rows) for one
table; `lexicon.cut` merges the parts and writes the files. The MeSH tables are read by
`lexicon.mesh`, NCBI Gene designations by `lexicon.designations`.
"""

from __future__ import annotations

import csv
import gzip
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from exo_ontology.errors import MissingInputError, located
from exo_ontology.namespaces import ncbigene_curie

Row = tuple[str, ...]

#: Every reference table the cut reads.
REFERENCE_TABLES = (
    "mondo_terms.tsv.gz", "human_genes.tsv.gz", "mirbase_v22_precursors.tsv.gz",
    "mirbase_v22_mature.tsv.gz", "mirbase_name_history.tsv.gz", "cl_terms.tsv.gz",
    "uberon_terms.tsv.gz", "go_terms.tsv.gz", "ncbitaxon_taxslim.tsv.gz", "ro_relations.tsv",
    "chebi_terms.tsv.gz", "chebi_drugs.tsv", "chebi_antineoplastic.tsv", "mesh_to_chebi.tsv",
    "mesh_to_mondo.tsv", "mesh_terms.tsv.gz", "curated_aliases.tsv",
)


@dataclass
class Part:
    """What one reference table contributes: term rows (TERM_COLUMNS) and name rows.

    Name rows are (name, curie, status, relation); the type is filled in from the term.
    """

    source: str
    terms: list[Row] = field(default_factory=list)
    names: list[Row] = field(default_factory=list)

    def term(self, curie: str, label: str, type_: str, *, obsolete: str = "0", replaced_by: str = "",
             parents: str = "", definition: str = "", cancer_branch: str = "",
             xrefs: str = "", locus_type: str = "") -> None:
        self.terms.append((curie, label, type_, obsolete, replaced_by, parents, definition,
                           self.source, cancer_branch, xrefs, locus_type))

    def name(self, curie: str, status: str, *cells: str, relation: str = "") -> None:
        """Add every `|`-joined value of `cells` as a name of `curie` with `status`."""
        for cell in cells:
            for value in cell.split("|") if cell else ():
                self.names.append((value.strip(), curie, status, relation))


def read_table(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a reference TSV (UTF-8, one header line, no quoting) as dicts."""
    if not path.is_file():
        raise MissingInputError(located(path, "reference table not found; pass --reference DIR "
                                        "(default ../shared/reference)"))
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def _is_current(row: dict[str, str]) -> bool:
    return row.get("obsolete", "0") != "1"


def terms_from_mondo(ref: Path) -> Part:
    """All MONDO terms (obsolete ones too); cancer_branch kept for the grounder's cancer prior."""
    part = Part("mondo")
    for r in read_table(ref / "mondo_terms.tsv.gz"):
        part.term(r["id"], r["label"], "disease", obsolete=r["obsolete"],
                  replaced_by=r["replaced_by"], parents=r["parents"],
                  cancer_branch=r["cancer_branch"])
        if _is_current(r):
            part.name(r["id"], "label", r["label"])
            part.name(r["id"], "exact", r["exact_synonyms"])
            part.name(r["id"], "related", r["other_synonyms"])
            part.name(r["id"], "xref", r["xref_synonyms"])
    return part


def terms_from_human_genes(ref: Path) -> Part:
    """Approved HGNC genes that have an NCBI Gene ID; MIR genes keep their miRBase precursors.
    NCBI synonyms that HGNC does not list are aliases with relation `ncbi`."""
    part = Part("hgnc")
    for r in read_table(ref / "human_genes.tsv.gz"):
        if not r["ncbi_gene_id"]:
            continue
        curie = ncbigene_curie(r["ncbi_gene_id"])
        precursors = "|".join(f"mirbase:{a}" for a in r["mirbase_precursor_accs"].split("|") if a)
        part.term(curie, r["symbol"], "gene", xrefs=precursors, locus_type=r["locus_type"])
        part.name(curie, "label", r["symbol"])
        part.name(curie, "exact", r["name"])
        part.name(curie, "former", r["prev_symbols"])
        part.name(curie, "alias", r["alias_symbols"])
        # NCBI-only synonyms collide more ("PD-1" of RPL17): same status, relation "ncbi", so
        # the grounder can rank an HGNC alias first (merge_names keeps the HGNC row of a name).
        part.name(curie, "alias", r["ncbi_synonyms"], relation="ncbi")
    return part


def _gene_curies(cell: str) -> str:
    return "|".join(ncbigene_curie(g) for g in cell.split("|") if g)


def terms_from_mirbase(ref: Path) -> Part:
    """Human (hsa) mature miRNAs and precursors of miRBase 22 as `mirna` terms."""
    part = Part("mirbase")
    for r in read_table(ref / "mirbase_v22_precursors.tsv.gz"):
        if r["species_code"] == "hsa":
            curie = f"mirbase:{r['precursor_acc']}"
            part.term(curie, r["name"], "mirna", xrefs=_gene_curies(r["ncbi_gene_ids"]))
            part.name(curie, "label", r["name"])
            part.name(curie, "former", r["previous_names"])
    for acc, name, precursors, _names, genes, previous in mirna_rows(ref):
        curie = f"mirbase.mature:{acc}"
        links = [*(f"mirbase:{p}" for p in precursors.split("|") if p), *genes.split("|")]
        part.term(curie, name, "mirna", xrefs="|".join(link for link in links if link))
        part.name(curie, "label", name)
        part.name(curie, "former", previous)
    return part


def mirna_rows(ref: Path) -> list[Row]:
    """mirna.tsv rows: human mature miRNAs with precursors, NCBI genes and previous names."""
    return [(r["mature_acc"], r["name"], r["precursor_accs"], r["precursor_names"],
             _gene_curies(r["ncbi_gene_ids"]), r["previous_names"])
            for r in read_table(ref / "mirbase_v22_mature.tsv.gz") if r["species_code"] == "hsa"]


def mirna_history_rows(ref: Path) -> list[Row]:
    """mirna_history.tsv rows: every human name of releases v6–v22 and its current name."""
    return [(r["name"], r["accession"], r["type"], r["current_name_v22"], r["is_current_v22"])
            for r in read_table(ref / "mirbase_name_history.tsv.gz") if r["species_code"] == "hsa"]


def terms_from_cl(ref: Path) -> Part:
    """All CL cell types; broad and narrow synonyms count as `related`."""
    part = Part("cl")
    for r in read_table(ref / "cl_terms.tsv.gz"):
        part.term(r["id"], r["label"], "cell", obsolete=r["obsolete"],
                  replaced_by=r["replaced_by"], parents=r["parents"])
        if _is_current(r):
            part.name(r["id"], "label", r["label"])
            part.name(r["id"], "exact", r["exact_synonyms"])
            part.name(r["id"], "related", r["related_synonyms"], r["broad_synonyms"],
                      r["narrow_synonyms"])
    return part


def terms_from_uberon(ref: Path) -> Part:
    """All UBERON anatomy terms (the table has exact synonyms only)."""
    part = Part("uberon")
    for r in read_table(ref / "uberon_terms.tsv.gz"):
        part.term(r["id"], r["label"], "anatomy", obsolete=r["obsolete"],
                  replaced_by=r["replaced_by"], parents=r["parents"])
        if _is_current(r):
            part.name(r["id"], "label", r["label"])
            part.name(r["id"], "exact", r["exact_synonyms"])
    return part


GO_TYPES = {"biological_process": "process", "cellular_component": "component"}


def terms_from_go(ref: Path) -> Part:
    """GO biological processes and cellular components (no molecular functions); is_a parents.

    The synonyms column mixes EXACT and RELATED, so every synonym is `related`.
    """
    part = Part("go")
    for r in read_table(ref / "go_terms.tsv.gz"):
        type_ = GO_TYPES.get(r["namespace"])
        if type_ is None:
            continue
        part.term(r["id"], r["label"], type_, obsolete=r["obsolete"],
                  replaced_by=r["replaced_by"], parents=r["is_a"])
        if _is_current(r):
            part.name(r["id"], "label", r["label"])
            part.name(r["id"], "related", r["synonyms"])
    return part


def terms_from_taxslim(ref: Path) -> Part:
    """NCBITaxon taxslim: scientific name as label, common names and synonyms as `related`."""
    part = Part("ncbitaxon")
    for r in read_table(ref / "ncbitaxon_taxslim.tsv.gz"):
        part.term(r["id"], r["label"], "taxon", obsolete=r["obsolete"], parents=r["parents"])
        if _is_current(r):
            part.name(r["id"], "label", r["label"])
            part.name(r["id"], "related", r["synonyms"])
    return part


def terms_from_ro(ref: Path) -> Part:
    """RO/BFO relations (type `relation`) and the BFO/RO upper classes (type `upper`)."""
    part = Part("ro")
    for r in read_table(ref / "ro_relations.tsv"):
        type_ = "relation" if r["kind"] == "object_property" else "upper"
        part.term(r["id"], r["label"], type_, obsolete=r["obsolete"],
                  replaced_by=r["replaced_by"], parents=r["parents"], definition=r["definition"])
        if _is_current(r):
            part.name(r["id"], "label", r["label"])
            part.name(r["id"], "related", r["synonyms"])
    return part


def chebi_subset(ref: Path, seeds: Iterable[str]) -> dict[str, dict[str, str]]:
    """The ChEBI rows the project needs: drugs, antineoplastics, MeSH targets and seeds, plus
    their replacements and the closure of their ancestors (so imports can walk to the root)."""
    rows = {r["id"]: r for r in read_table(ref / "chebi_terms.tsv.gz")}
    wanted = {r["chebi_id"] for r in read_table(ref / "chebi_drugs.tsv")}
    wanted |= {r["chebi_id"] for r in read_table(ref / "chebi_antineoplastic.tsv")}
    wanted |= {r["chebi_id"] for r in read_table(ref / "mesh_to_chebi.tsv")}
    wanted |= {s for s in seeds if s.startswith("CHEBI:")}
    keep: dict[str, dict[str, str]] = {}
    stack = sorted(w for w in wanted if w)
    while stack:
        curie = stack.pop()
        if curie in keep or curie not in rows:
            continue
        row = keep[curie] = rows[curie]
        stack.extend(p for p in [*row["parents"].split("|"), row["replaced_by"]] if p)
    return keep


def terms_from_chebi(ref: Path, subset: dict[str, dict[str, str]]) -> Part:
    """The ChEBI subset, with the hand-written drug query names of chebi_drugs.tsv as `curated`."""
    part = Part("chebi")
    for curie, r in subset.items():
        part.term(curie, r["label"], "chemical", obsolete=r["obsolete"],
                  replaced_by=r["replaced_by"], parents=r["parents"])
        if _is_current(r):
            part.name(curie, "label", r["label"])
            part.name(curie, "exact", r["exact_synonyms"])
    drugs = Part("chebi_drugs")
    for r in read_table(ref / "chebi_drugs.tsv"):
        if r["chebi_id"]:
            drugs.name(r["chebi_id"], "curated", r["query_name"], relation="same")
    part.names.extend(drugs.names)
    return part


def names_from_curated_aliases(ref: Path) -> Part:
    """Hand-made fallbacks (CAF, MDSC, liver fibrosis, HRS …) with their relation to the term."""
    part = Part("curated_aliases")
    for r in read_table(ref / "curated_aliases.tsv"):
        target = r["target_id"].strip()
        curie = ncbigene_curie(target) if target.isdigit() else target
        part.name(curie, "curated", r["text"], relation=r["relation"])
    return part
