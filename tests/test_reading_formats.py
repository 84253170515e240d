"""The literature formats (reading.formats): detection, the readers' Article records, sources as
(file, part) rows, `exo sources add` of a container file and `exo extract` over many files."""

from __future__ import annotations

import csv
import gzip
import io
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from exo_ontology.cli import app
from exo_ontology.errors import InputError
from exo_ontology.model import SourceDoc
from exo_ontology.paths import Paths
from exo_ontology.pipeline.build import BuildResult, build
from exo_ontology.reading import add_sources, read_manifest, read_raw, unlisted_files
from exo_ontology.reading.formats import detect, read_articles
from exo_ontology.release.findings_table import read_tsv
from tests.conftest import ROOT, quiet
from tests.test_build import digests

FORMATS_DIR = ROOT / "tests" / "fixtures" / "formats"
runner = CliRunner()


def exo(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args))


@pytest.mark.parametrize(("name", "expected"), [
    ("pubmed_3.xml", "pubmed_xml"), ("pubmed_3.xml.gz", "pubmed_xml"), ("bioc_1.xml", "bioc_xml"),
    ("bioc_1.json", "bioc_json"), ("pubtator_2.pubtator", "pubtator")])
def test_format_is_sniffed_from_the_first_bytes(name: str, expected: str, tmp_path: Path) -> None:
    assert detect(FORMATS_DIR / name).name == expected
    # the content decides, not the name: the same bytes under a neutral name
    renamed = tmp_path / "download.dat"
    shutil.copyfile(FORMATS_DIR / name, renamed)
    assert detect(renamed).name == expected


def test_text_files_and_misnamed_files(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Exosomes in glioma.\n", encoding="utf-8")
    assert detect(note).name == "text"
    [article] = read_articles(note)
    assert article.key == "" and article.text == "Exosomes in glioma.\n"
    fake = tmp_path / "fake.xml"
    fake.write_text("just words\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"fake\.xml"):
        detect(fake)


def test_pubmed_reader_records() -> None:
    plain, zipped = read_articles(FORMATS_DIR / "pubmed_3.xml"), read_articles(FORMATS_DIR / "pubmed_3.xml.gz")
    assert plain == zipped
    assert [a.key for a in plain] == ["pmid:90000001", "pmid:90000002", "pmid:90000003"]
    first, second, third = plain
    assert first.title == "Glioma-derived exosomal miR-21 and tumour growth"
    assert first.text.startswith(first.title + "\n\nBACKGROUND: Exosomes carry microRNAs between cells & shape")
    assert (first.doi, first.pmcid, first.year, first.journal) == (
        "10.1000/exo.0001", "PMC9000001", "2021", "Journal of Made-up Oncology")
    assert first.authors == "Müller A, Østergaard LK"
    # inline markup dropped, Unicode kept; MedlineDate's year; collective author
    assert second.title == "Plasma exosomal PD-L1 as a biomarker of melanoma (the α-cohort)"
    assert (second.year, second.authors, second.pmcid) == ("2022", "EV Melanoma Study Group", "")
    assert third.doi == "" and third.licence == ""


def test_bioc_json_reader_records_and_annotations() -> None:
    [article] = read_articles(FORMATS_DIR / "bioc_1.json")
    assert article.key == "pmid:90000021"
    assert (article.pmid, article.pmcid, article.doi, article.licence, article.year) == (
        "90000021", "PMC9000021", "10.1000/exo.0021", "CC BY 4.0", "2024")
    assert article.authors == "Rossi MG, Tanaka K" and article.journal == "Made-up Vesicle Journal"
    assert article.text == ("Hypoxic tumour exosomes in pancreatic cancer\n\nExosomes derived from pancreatic "
                            "cancer cells carried KRAS and promoted the migration of fibroblasts.\n")
    assert "Smith J" not in article.text                      # the reference passage is not running text
    spans = {(a.text, a.type, a.identifiers) for a in article.annotations}
    assert spans == {("pancreatic cancer", "disease", ("MESH:D010190",)), ("KRAS", "gene", ("NCBIGene:3845",))}
    for annotation in article.annotations:
        assert article.text[annotation.raw_start:annotation.raw_end] == annotation.text


def test_bioc_xml_reader_unescapes_and_keys_by_pmid() -> None:
    [article] = read_articles(FORMATS_DIR / "bioc_1.xml")
    assert article.key == "pmid:90000031" and article.title == "Exosomal HOTAIR in bladder cancer"
    assert "transferred HOTAIR & promoted" in article.text and "(≥2-fold)" in article.text
    assert [(a.raw_start, a.text) for a in article.annotations] == [(19, "bladder cancer"), (56, "bladder cancer")]


def test_pubtator_reader_moves_offsets_into_the_composed_text() -> None:
    first, second = read_articles(FORMATS_DIR / "pubtator_2.pubtator")
    assert (first.key, second.key) == ("pmid:90000011", "pmid:90000012")
    assert first.text.startswith("Exosomal miR-155 in breast cancer\n\nExosomes derived from breast cancer")
    assert len(first.annotations) == 4
    for article in (first, second):
        for annotation in article.annotations:
            assert article.text[annotation.raw_start:annotation.raw_end] == annotation.text
    assert ("miR-25-3p", ("NCBIGene:407014",)) in {(a.text, a.identifiers) for a in second.annotations}


def test_bad_files_raise_one_line_errors_naming_them(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text("<PubmedArticleSet><PubmedArticle><MedlineCitation>", encoding="utf-8")
    with pytest.raises(InputError, match=r"broken.xml line 1, column \d+: not well-formed PubMed XML"):
        read_articles(broken)
    bad_gz = tmp_path / "bad.xml.gz"
    bad_gz.write_bytes(gzip.compress(b"<PubmedArticleSet>", mtime=0)[:-6])
    with pytest.raises(InputError, match=r"bad\.xml\.gz"):
        read_articles(bad_gz)
    pubtator = tmp_path / "x.pubtator"
    pubtator.write_text("1|t|Title\n1|a|Abstract\nnot an annotation\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"x\.pubtator line 3"):
        read_articles(pubtator)


def test_manifest_part_rows_read_through_the_registry(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    added = add_sources(sources, FORMATS_DIR / "pubmed_3.xml.gz", licence="unknown")
    assert [d.doc_id for d in added.docs] == [
        "pubmed_3_pmid90000001", "pubmed_3_pmid90000002", "pubmed_3_pmid90000003"]
    # the received file is copied once, byte for byte
    assert (sources / "pubmed_3.xml.gz").read_bytes() == (FORMATS_DIR / "pubmed_3.xml.gz").read_bytes()
    docs, problems = read_manifest(sources / "manifest.tsv")
    assert not problems and [d.pmid for d in docs] == ["90000001", "90000002", "90000003"]
    assert docs[0].part == "pmid:90000001" and docs[0].kind == "PubMed XML" and docs[0].licence == "unknown"
    assert read_raw(docs[1]).startswith("Plasma exosomal PD-L1")
    assert unlisted_files(sources / "manifest.tsv") == []
    with pytest.raises(InputError, match="no article pmid:1 in this file"):
        read_raw(SourceDoc("x", sources / "pubmed_3.xml.gz", part="pmid:1"))
    # the same articles again, from the uncompressed file: skipped by PMID, nothing copied
    again = add_sources(sources, FORMATS_DIR / "pubmed_3.xml")
    assert again.docs == () and len(again.notes) == 3 and "PMID 90000001 is already listed" in again.notes[0]
    assert not (sources / "pubmed_3.xml").exists()


def test_old_manifest_gains_the_part_column_and_keeps_its_rows(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(ROOT / "sources", sources)
    before, _ = read_manifest(sources / "manifest.tsv")
    add_sources(sources, FORMATS_DIR / "bioc_1.json")
    after, problems = read_manifest(sources / "manifest.tsv")
    assert not problems and after[: len(before)] == before
    assert after[-1].doc_id == "bioc_1_pmid90000021" and after[-1].pmcid == "PMC9000021"
    header = (sources / "manifest.tsv").read_text(encoding="utf-8").splitlines()[0].split("\t")
    assert header[-1] == "part"


def test_sources_add_of_pubmed_file_adds_three_documents_to_the_build(project: Paths) -> None:
    result = exo("sources", "add", str(FORMATS_DIR / "pubmed_3.xml"), "--root", str(project.root))
    assert result.exit_code == 0, result.output
    assert result.stderr.count("added ") == 3 and "part pmid:90000002" in result.stderr
    rows = list(csv.DictReader(io.StringIO((project.manifest).read_text(encoding="utf-8")), delimiter="\t"))
    assert [r["pmid"] for r in rows if r["part"]] == ["90000001", "90000002", "90000003"]
    build(project, reasoner=False, log=quiet)
    findings = read_tsv(project.build_dir / "findings.tsv")
    read = {row["document"] for row in findings}
    assert {"pubmed_3_pmid90000001", "pubmed_3_pmid90000003"} <= read
    # evidence offsets are into the article's text as the reader composes it
    texts = {a.key: a.text for a in read_articles(project.sources_dir / "pubmed_3.xml")}
    for row in findings:
        if row["document"].startswith("pubmed_3_"):
            key = "pmid:" + row["document"].rsplit("pmid", 1)[1]
            assert texts[key][int(row["char_start"]):int(row["char_end"])] == row["evidence"]
    again = exo("sources", "add", str(FORMATS_DIR / "pubmed_3.xml"), "--root", str(project.root))
    assert again.exit_code == 0 and again.stderr.count("note: ") == 3


def test_seed_release_unchanged_by_the_part_column(built: tuple[Paths, BuildResult], project: Paths) -> None:
    seeds, _ = built
    manifest = project.manifest
    lines = manifest.read_text(encoding="utf-8").splitlines()
    manifest.write_text("\n".join([lines[0] + "\tpart", *(line + "\t" for line in lines[1:])]) + "\n",
                        encoding="utf-8")
    build(project, reasoner=True, log=quiet)
    assert digests(project.build_dir) == digests(seeds.build_dir)


def test_extract_reads_bioc_json_pubtator_and_directories(tmp_path: Path) -> None:
    result = exo("extract", str(FORMATS_DIR / "bioc_1.json"), str(FORMATS_DIR / "pubtator_2.pubtator"),
                 "--format", "tsv", "--root", str(ROOT))
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout), delimiter="\t"))
    assert {r["article"] for r in rows} == {"pmid:90000021", "pmid:90000011", "pmid:90000012"}
    assert {r["document"] for r in rows if r["article"] == "pmid:90000011"} == {"pubtator_2_pmid90000011"}
    folder = tmp_path / "articles" / "nested"
    folder.mkdir(parents=True)
    for name in ("pubmed_3.xml.gz", "bioc_1.xml"):
        shutil.copyfile(FORMATS_DIR / name, folder / name)
    (folder / "notes.csv").write_text("not,read\n", encoding="utf-8")
    walked = exo("extract", str(tmp_path / "articles"), "--format", "tsv", "--root", str(ROOT))
    assert walked.exit_code == 0, walked.output
    keys = {r["article"] for r in csv.DictReader(io.StringIO(walked.stdout), delimiter="\t")}
    assert {"pmid:90000001", "pmid:90000003", "pmid:90000031"} <= keys


def test_extract_bad_file_is_one_line_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"documents": [', encoding="utf-8")
    result = exo("extract", str(bad), "--root", str(ROOT))
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "bad.json" in result.stderr
