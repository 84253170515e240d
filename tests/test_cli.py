"""The command line: each command's exit code and output, as a user sees them."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from pathlib import Path

from typer.testing import CliRunner

from exo_ontology.cli import app
from exo_ontology.grounding.grounder import Grounder
from exo_ontology.paths import Paths
from exo_ontology.pipeline.build import BuildResult
from tests.reference import gene

runner = CliRunner()


def exo(*args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=stdin)


def count(paths: Paths) -> int:
    result = exo("query", "--root", str(paths.root), "--format", "tsv",
                 "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert result.exit_code == 0, result.output
    return int(result.stdout.splitlines()[1])


def test_validate_release_ok_and_stripped_label_fails(built: tuple[Paths, BuildResult], tmp_path: Path) -> None:
    paths, _ = built
    ok = exo("validate", "--root", str(paths.root), "--no-reasoner", "--report", str(tmp_path / "ok.tsv"))
    assert ok.exit_code == 0, ok.output
    copy = tmp_path / "exoc-edit-copy.ttl"
    text = paths.edit_file.read_text(encoding="utf-8")
    stripped = text.replace('rdfs:label "drug resistance"@en', "", 1).replace('rdfs:label "drug resistance"', "", 1)
    assert stripped != text
    copy.write_text(stripped, encoding="utf-8")
    bad = exo("validate", str(copy), "--root", str(paths.root), "--report", str(tmp_path / "bad.tsv"))
    assert bad.exit_code == 1
    rows = list(csv.reader(io.StringIO((tmp_path / "bad.tsv").read_text()), delimiter="\t"))
    assert rows[0] == ["Level", "Rule", "Subject", "Property", "Value"]
    assert ["ERROR", "missing_label", "EXOC:0003008"] in [r[:3] for r in rows]


def test_validate_missing_or_broken_file_is_unusable(built: tuple[Paths, BuildResult], tmp_path: Path) -> None:
    paths, _ = built
    assert exo("validate", str(tmp_path / "nope.ttl"), "--root", str(paths.root)).exit_code == 2
    broken = tmp_path / "broken.ttl"
    broken.write_text("this is not turtle .")
    result = exo("validate", str(broken), "--root", str(paths.root))
    assert result.exit_code == 2 and "broken.ttl" in result.stderr


def test_query_count_matches_rapper(built: tuple[Paths, BuildResult]) -> None:
    paths, _ = built
    rapper = shutil.which("rapper")
    assert rapper, "raptor2-utils must be installed (make system-deps)"
    out = subprocess.run([rapper, "-i", "rdfxml", "-c", str(paths.build_dir / "exoc.owl")],
                         capture_output=True, text=True, check=True).stderr
    assert f"returned {count(paths)} triples" in out


def test_owlready2_loads_release_and_hermit_finds_it_consistent(built: tuple[Paths, BuildResult]) -> None:
    import owlready2

    paths, _ = built
    owlready2.JAVA_EXE = shutil.which("java") or "java"
    world = owlready2.World()
    onto = world.get_ontology((paths.build_dir / "exoc.owl").as_uri()).load()
    with onto:
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    assert list(world.inconsistent_classes()) == []


def test_query_formats_stdin_and_errors(built: tuple[Paths, BuildResult], tmp_path: Path) -> None:
    paths, _ = built
    q = "PREFIX EXOC: <https://w3id.org/exoc/EXOC_> SELECT ?f WHERE { ?f a EXOC:0000001 } ORDER BY ?f LIMIT 2"
    as_json = exo("query", "--root", str(paths.root), "--format", "json", stdin=q)
    assert as_json.exit_code == 0
    assert len(json.loads(as_json.stdout)["results"]["bindings"]) == 2
    out = tmp_path / "r.csv"
    assert exo("query", q, "--root", str(paths.root), "--output", str(out)).exit_code == 0
    assert out.read_text().splitlines()[0] == "f"
    assert exo("query", "SELEKT", "--root", str(paths.root)).exit_code == 2
    service = "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"
    refused = exo("query", service, "--root", str(paths.root))
    assert refused.exit_code == 2 and "--allow-service" in refused.stderr
    assert exo("query", "--file", str(tmp_path / "none.rq"), "--root", str(paths.root)).exit_code == 2


def _ground_tsv(*args: str) -> list[dict[str, str]]:
    result = exo("ground", *args, "--format", "tsv", "--root", str(Path(__file__).resolve().parents[1]))
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout), delimiter="\t"))


def test_ground_acceptance_examples() -> None:
    rows = _ground_tsv("PD-L1")
    assert list(rows[0]) == ["text", "curie", "label", "type", "score", "matched"]
    assert rows[0]["curie"] == gene("CD274")
    mir21 = _ground_tsv("miR-21")
    assert mir21[0]["curie"] == gene("MIR21")
    assert any(r["curie"].startswith("mirbase.mature:MIMAT") for r in mir21)
    assert _ground_tsv("TGF-$1")[0]["curie"] == gene("TGFB1")
    disease = _ground_tsv("pancreatic cancer", "--type", "disease")[0]
    assert disease["curie"] == "MONDO:0009831" and disease["label"] == "malignant pancreatic neoplasm"


def test_ground_batch_file_and_bad_type(tmp_path: Path) -> None:
    names = tmp_path / "names.txt"
    names.write_text("PD-L1\nbreast cancer\n\nM2 macrophage\n")
    rows = _ground_tsv("--file", str(names), "--limit", "1")
    assert [r["text"] for r in rows] == ["PD-L1", "breast cancer", "M2 macrophage"]
    assert exo("ground", "x", "--type", "planet").exit_code == 2


def test_ground_json_equals_library(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    result = exo("ground", "angiogenesis", "--format", "json", "--limit", "3", "--root", str(root))
    expected = Grounder.from_paths(Paths(root)).ground("angiogenesis", limit=3)
    assert [r["curie"] for r in json.loads(result.stdout)] == [c.curie for c in expected]


def test_extract_prints_findings_of_any_file(tmp_path: Path) -> None:
    paper = tmp_path / "paper.txt"
    paper.write_text("Exosomal miR-21 derived from M2 macrophages promotes angiogenesis in breast cancer [7].\n")
    result = exo("extract", str(paper), "--format", "tsv", "--root", str(Path(__file__).resolve().parents[1]))
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout), delimiter="\t"))
    assert rows and "finding_label" not in rows[0] and rows[0]["document"] == "paper"
    assert "GO:0001525" in rows[0]["effect"]
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    bad = exo("extract", str(empty))
    assert bad.exit_code == 2 and "empty.txt" in bad.stderr


def test_sources_add_rejects_binary(tmp_path: Path) -> None:
    root = tmp_path / "p"
    (root / "sources").mkdir(parents=True)
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\x01\x02binary")
    result = exo("sources", "add", str(binary), "--root", str(root))
    assert result.exit_code == 2 and "x.txt" in result.stderr


def test_validating_another_file_leaves_the_release_report_alone(built: tuple[Paths, BuildResult],
                                                                 tmp_path: Path) -> None:
    paths, _ = built
    report = paths.reports_dir / "validation.tsv"
    before = report.read_bytes()
    copy = tmp_path / "exoc-edit-copy.ttl"
    copy.write_text(paths.edit_file.read_text(encoding="utf-8").replace('rdfs:label "drug resistance"@en', "", 1),
                    encoding="utf-8")
    assert exo("validate", str(copy), "--root", str(paths.root), "--no-reasoner").exit_code == 1
    assert report.read_bytes() == before
