"""The lexicon: the cut on a tiny reference fixture, its byte stability, and the shipped files
(expected rows pinned from ../shared/reference by tests/reference.py)."""

from __future__ import annotations

import gzip
import re
import shutil
from pathlib import Path

import pytest

from exo_ontology.errors import InputError, MissingInputError
from exo_ontology.lexicon import Lexicon, Name, Term, load_default
from exo_ontology.lexicon.cut import cut_lexicon, scan_seeds
from exo_ontology.lexicon.designations import GENE_INFO
from exo_ontology.lexicon.records import DATA_FILES, SOURCES_FILE, STATUSES
from exo_ontology.lexicon.tsv import read_rows, write_tsv
from exo_ontology.paths import Paths
from tests.reference import one_row

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "reference"
GZIPPED = {"mondo_terms", "human_genes", "mirbase_v22_precursors", "mirbase_v22_mature",
           "mirbase_name_history", "cl_terms", "uberon_terms", "go_terms", "ncbitaxon_taxslim",
           "chebi_terms", "mesh_terms"}


def make_reference(directory: Path) -> Path:
    """The fixture tables under their real names (gzipped where the real table is)."""
    directory.mkdir()
    for source in FIXTURES.glob("*.tsv"):
        if source.stem == "gene_info":
            (directory / GENE_INFO).write_bytes(gzip.compress(source.read_bytes()))
        elif source.stem in GZIPPED:
            (directory / f"{source.name}.gz").write_bytes(gzip.compress(source.read_bytes()))
        else:
            shutil.copy(source, directory / source.name)
    return directory


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int], Lexicon]:
    base = tmp_path_factory.mktemp("lexicon")
    out = base / "out"
    counts = cut_lexicon(make_reference(base / "ref"), out, seeds={"CHEBI:1"})
    return out, counts, Lexicon.load(out)


def names(lexicon: Lexicon, curie: str) -> set[tuple[str, str, str]]:
    return {(n.name, n.status, n.relation) for n in lexicon.names_of(curie)}


# ---- the cut on the fixture ------------------------------------------------------------------
def test_fixture_terms(tiny: tuple[Path, dict[str, int], Lexicon]) -> None:
    _, _, lexicon = tiny
    pancreas = lexicon.term("MONDO:0009831")
    assert pancreas is not None and pancreas.type == "disease" and pancreas.source == "mondo"
    assert pancreas.cancer_branch == one_row("mondo_terms.tsv.gz", "id",
                                                   "MONDO:0009831")["cancer_branch"]
    old = lexicon.term("MONDO:0000002")
    assert old is not None and old.obsolete and old.replaced_by == "MONDO:0009299"
    assert lexicon.names_of("MONDO:0000002") == []          # obsolete terms get no names
    # genes: only rows with an NCBI Gene ID; MIR genes keep their precursor
    assert {t.label for t in lexicon.terms() if t.type == "gene"} == {"CD274", "MIR21", "HGS"}
    assert lexicon.term("NCBIGene:406991") == Term(
        "NCBIGene:406991", "MIR21", "gene", False, "", (), "", "hgnc", "", ("mirbase:MI0000077",),
        "RNA, micro")    # HGNC's locus type: what kind of cargo the gene is when vesicles carry it
    # GO: no molecular function; obsolete kept; is_a only
    assert lexicon.term("GO:0003674") is None
    exosome = lexicon.term("GO:0070062")
    assert exosome is not None and exosome.type == "component" and exosome.parents == ("GO:1903561",)
    merged = lexicon.term("GO:0000818")
    assert merged is not None and merged.obsolete and merged.replaced_by == "GO:0000444"
    # RO wins over CL for the relation CL also lists; upper classes are not relations
    assert lexicon.term("CL:4030045").type == "relation"  # type: ignore[union-attr]
    assert lexicon.term("BFO:0000040").type == "upper"  # type: ignore[union-attr]
    assert lexicon.term("RO:0002213").definition  # type: ignore[union-attr]


def test_fixture_chebi_subset(tiny: tuple[Path, dict[str, int], Lexicon]) -> None:
    _, _, lexicon = tiny
    chemicals = {t.curie for t in lexicon.terms() if t.type == "chemical"}
    # cisplatin (drug, antineoplastic, MeSH target) + its parent; the seed CHEBI:1 (obsolete)
    # brings its replacement; transplatin is referenced by nothing
    assert chemicals == {"CHEBI:27899", "CHEBI:51214", "CHEBI:1", "CHEBI:18357"}
    assert lexicon.ancestors("CHEBI:27899") == ["CHEBI:51214", "CHEBI:33862"]


def test_fixture_names(tiny: tuple[Path, dict[str, int], Lexicon]) -> None:
    _, _, lexicon = tiny
    assert {("CD274", "label", ""), ("PD-L1", "alias", ""), ("PDCD1LG1", "former", ""),
            ("CD274 molecule", "exact", "")} <= names(lexicon, "NCBIGene:29126")
    # an NCBI synonym HGNC does not list keeps the alias status with relation "ncbi"
    assert ("hPD-L1", "alias", "ncbi") in names(lexicon, "NCBIGene:29126")
    assert ("PD-L1", "alias", "ncbi") not in names(lexicon, "NCBIGene:29126")
    assert ("HRS", "curated", "same") in names(lexicon, "NCBIGene:9146")
    assert ("CAF", "curated", "broader") in names(lexicon, "CL:0000057")
    assert ("liver fibrosis", "curated", "same") in names(lexicon, "MONDO:0005155")
    assert ("Liver Cirrhosis", "mesh", "") in names(lexicon, "MONDO:0005155")
    cisplatin = names(lexicon, "CHEBI:27899")
    assert {("cisplatin", "label", ""), ("DDP", "curated", "same"),
            ("cis-Platinum", "mesh", "")} <= cisplatin
    # a permuted MeSH entry term whose natural order is listed too is dropped
    assert ("Diamminodichloride, Platinum", "mesh", "") not in cisplatin
    breast = names(lexicon, "MONDO:0021100")
    assert ("Breast Tumor", "mesh", "") in breast and ("Tumor, Breast", "mesh", "") not in breast
    # via_DOID pairs give no names
    assert not any(n.status == "mesh" for n in lexicon.names_of("MONDO:0009831"))
    ranked = [STATUSES.index(n.status) for n in lexicon.names_of("NCBIGene:29126")]
    assert ranked == sorted(ranked)
    assert all(n.type == lexicon.term(n.curie).type for n in lexicon.names())  # type: ignore[union-attr]


def test_fixture_mirna_and_mesh(tiny: tuple[Path, dict[str, int], Lexicon]) -> None:
    _, _, lexicon = tiny
    assert [m.name for m in lexicon.mirnas()] == ["hsa-miR-21-5p", "hsa-miR-21-3p"]
    mir21 = lexicon.mirna("mirbase.mature:MIMAT0000076")
    assert mir21 is not None and mir21.gene_curies == ("NCBIGene:406991",)
    assert mir21.precursor_accs == ("MI0000077",) and mir21.previous_names == ("hsa-miR-21",)
    assert lexicon.term("mirbase:MI0000077").xrefs == ("NCBIGene:406991",)  # type: ignore[union-attr]
    assert lexicon.term("mirbase.mature:MIMAT0000530") is None               # mouse
    assert ("hsa-miR-21", "MIMAT0000076", "mature", "hsa-miR-21-5p", False) in lexicon.mirna_history()
    assert all(row[0].startswith("hsa-") for row in lexicon.mirna_history())
    assert lexicon.mesh("D001943") == [("MONDO:0021100", "exactMatch"), ("MONDO:0004989", "via_DOID")]
    assert lexicon.mesh("MESH:D002945") == [("CHEBI:27899", "exactMatch")]


def test_sources_table_counts_every_file(tiny: tuple[Path, dict[str, int], Lexicon]) -> None:
    out, counts, _ = tiny
    rows = list(read_rows(out / SOURCES_FILE, ("file", "source", "version", "licence", "rows")))
    assert {r[0] for r in rows} == set(DATA_FILES)
    for file in DATA_FILES:
        assert sum(int(r[4]) for r in rows if r[0] == file) == counts[file]
    assert all(r[2] and r[3] for r in rows)


def test_rerun_is_byte_identical(tiny: tuple[Path, dict[str, int], Lexicon], tmp_path: Path) -> None:
    first, _, _ = tiny
    second = tmp_path / "again"
    cut_lexicon(make_reference(tmp_path / "ref"), second, seeds={"CHEBI:1"})
    for file in (*DATA_FILES, SOURCES_FILE):
        assert (first / file).read_bytes() == (second / file).read_bytes(), file
    assert (first / "terms.tsv.gz").read_bytes()[4:8] == b"\0\0\0\0"   # gzip mtime 0


def test_seeds_from_ontology_and_curation(tmp_path: Path) -> None:
    (tmp_path / "ontology" / "curation").mkdir(parents=True)
    (tmp_path / "ontology" / "exoc-edit.ttl").write_text(
        "@prefix obo: <http://purl.obolibrary.org/obo/> .\n obo:CHEBI_1 rdfs:subClassOf CHEBI:27899 ,"
        " <http://purl.obolibrary.org/obo/GO_0070062> , <http://identifiers.org/ncbigene/406991> .\n"
        "exoc:x rdfs:label 'EXCL_123' .\n")
    (tmp_path / "ontology" / "curation" / "groundings.tsv").write_text(
        "text\tcurie\nPD-L1\tNCBIGene:29126\nmiR-21\tmirbase.mature:MIMAT0000076\n")
    assert scan_seeds(Paths(tmp_path)) == {"CHEBI:1", "CHEBI:27899", "GO:0070062", "NCBIGene:406991",
                                           "NCBIGene:29126", "mirbase.mature:MIMAT0000076"}


# ---- loader errors and in-memory lexicons -----------------------------------------------------
def test_missing_inputs_are_named(tmp_path: Path) -> None:
    with pytest.raises(MissingInputError, match="nowhere"):
        Lexicon.load(tmp_path / "nowhere")
    (tmp_path / "lex").mkdir()
    with pytest.raises(MissingInputError, match=re.escape("terms.tsv.gz")):
        Lexicon.load(tmp_path / "lex")
    with pytest.raises(MissingInputError, match=re.escape("mondo_terms.tsv.gz")):
        cut_lexicon(tmp_path / "lex", tmp_path / "out")


def test_bad_rows_are_located(tmp_path: Path) -> None:
    path = tmp_path / "names.tsv"
    path.write_text("name\tcurie\tstatus\ttype\trelation\nCD274\tNCBIGene:29126\tlabel\n")
    with pytest.raises(InputError, match=r"names.tsv line 2: 3 fields"):
        list(read_rows(path, ("name", "curie")))
    with pytest.raises(InputError, match="header lacks columns"):
        list(read_rows(path, ("name", "score")))


def test_write_tsv_sorts_and_is_stable(tmp_path: Path) -> None:
    rows = [("b", "2"), ("a", "1"), ("b", "2")]
    assert write_tsv(tmp_path / "x.tsv.gz", ("k", "v"), rows) == 2
    assert gzip.decompress((tmp_path / "x.tsv.gz").read_bytes()) == b"k\tv\na\t1\nb\t2\n"
    with pytest.raises(InputError, match="bad row"):
        write_tsv(tmp_path / "y.tsv", ("k", "v"), [("a\tb", "1")])


def test_from_records() -> None:
    lexicon = Lexicon.from_records(
        [Term("X:2", "child", "cell", False, "", ("X:1",), "", "t"),
         Term("X:1", "root", "cell", False, "", (), "", "t")],
        [Name("kid", "X:2", "related", "cell"), Name("child", "X:2", "label", "cell")])
    assert [n.name for n in lexicon.names_of("X:2")] == ["child", "kid"]
    assert lexicon.ancestors("X:2") == ["X:1"] and lexicon.term("X:3") is None


# ---- the shipped lexicon ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def shipped() -> Lexicon:
    return load_default(Paths(ROOT))


def test_load_default_is_cached(shipped: Lexicon) -> None:
    assert load_default(Paths(ROOT)) is shipped


def test_shipped_genes(shipped: Lexicon) -> None:
    cd274 = one_row("human_genes.tsv.gz", "symbol", "CD274")
    assert "PD-L1" in cd274["alias_symbols"].split("|")
    curie = f"NCBIGene:{cd274['ncbi_gene_id']}"
    assert shipped.term(curie).label == "CD274"  # type: ignore[union-attr]
    assert {("CD274", "label", ""), ("PD-L1", "alias", "")} <= names(shipped, curie)
    mir21 = one_row("human_genes.tsv.gz", "symbol", "MIR21")
    gene = shipped.term(f"NCBIGene:{mir21['ncbi_gene_id']}")
    assert gene is not None and gene.type == "gene"
    assert gene.xrefs == tuple(f"mirbase:{a}" for a in mir21["mirbase_precursor_accs"].split("|"))


def test_shipped_mirna(shipped: Lexicon) -> None:
    row = one_row("mirbase_v22_mature.tsv.gz", "name", "hsa-miR-21-5p")
    mirna = shipped.mirna("hsa-miR-21-5p")
    assert mirna is not None and mirna.mature_acc == row["mature_acc"]
    assert mirna.gene_curies == tuple(f"NCBIGene:{g}" for g in row["ncbi_gene_ids"].split("|"))
    term = shipped.term(f"mirbase.mature:{row['mature_acc']}")
    assert term is not None and term.type == "mirna" and term.label == "hsa-miR-21-5p"


@pytest.mark.parametrize(("table", "label", "type_", "synonym", "status"), [
    ("mondo_terms.tsv.gz", "malignant pancreatic neoplasm", "disease", "pancreatic cancer", "exact"),
    ("cl_terms.tsv.gz", "M2 macrophage", "cell", "", ""),
    ("go_terms.tsv.gz", "extracellular exosome", "component", "", ""),
])
def test_shipped_terms(shipped: Lexicon, table: str, label: str, type_: str, synonym: str,
                       status: str) -> None:
    row = one_row(table, "label", label)
    term = shipped.term(row["id"])
    assert term is not None and (term.label, term.type) == (label, type_)
    if synonym:
        assert synonym in row["exact_synonyms"].split("|")
        assert (synonym, status, "") in names(shipped, row["id"])


def test_shipped_chebi_ancestors_are_present(shipped: Lexicon) -> None:
    chemicals = [t for t in shipped.terms() if t.type == "chemical"]
    assert chemicals
    missing = {p for t in chemicals for p in t.parents if shipped.term(p) is None}
    assert not missing, f"ChEBI parents missing from the lexicon: {sorted(missing)[:10]}"
    cisplatin = one_row("mesh_to_chebi.tsv", "mesh_label", "Cisplatin")["chebi_id"]
    top = shipped.ancestors(cisplatin)[-1]
    assert shipped.term(top).parents == ()  # type: ignore[union-attr]
