"""`exo diff` and `exo changelog`: every kind of change on tiny graphs, the renderers, bad input, the
changelog's idempotence, and a curation reject seen between two real builds as one removed finding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph
from typer.testing import CliRunner

from exo_ontology.cli import app
from exo_ontology.errors import InputError, MissingInputError
from exo_ontology.paths import Paths
from exo_ontology.pipeline.build import BuildResult, build
from exo_ontology.release.changelog import split_sections, write_changelog
from exo_ontology.release.diff import Change, Diff, Release, diff_graphs, diff_releases, load_release
from exo_ontology.release.diff_render import RENDERERS, TSV_COLUMNS
from exo_ontology.release.files import read_release_info
from exo_ontology.release.findings_table import read_tsv
from tests.conftest import ROOT, quiet

PREFIXES = """
@prefix EXOC: <https://w3id.org/exoc/EXOC_> . @prefix GO: <http://purl.obolibrary.org/obo/GO_> .
@prefix IAO: <http://purl.obolibrary.org/obo/IAO_> . @prefix RO: <http://purl.obolibrary.org/obo/RO_> .
@prefix CL: <http://purl.obolibrary.org/obo/CL_> . @prefix NCBIGene: <http://identifiers.org/ncbigene/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> . @prefix prov: <http://www.w3.org/ns/prov#> .
@prefix oboInOwl: <http://www.geneontology.org/formats/oboInOwl#> .
@prefix exoc.finding: <https://w3id.org/exoc/finding/> . @prefix exoc.evidence: <https://w3id.org/exoc/evidence/> .
"""
OLD = PREFIXES + """
EXOC:0001001 a owl:Class ; rdfs:label "small EV"@en ; IAO:0000115 "A small vesicle."@en ;
    rdfs:subClassOf GO:1903561 ; oboInOwl:hasExactSynonym "sEV"@en ; skos:closeMatch GO:0000001 .
EXOC:0001002 a owl:Class ; rdfs:label "large EV"@en .
EXOC:0000101 a owl:ObjectProperty ; rdfs:label "has source cell"@en .
EXOC:0000116 a owl:DatatypeProperty ; rdfs:label "pathway text"@en .
exoc.finding:F1 a EXOC:0000001 ; EXOC:0000103 NCBIGene:7157 ; prov:wasDerivedFrom exoc.evidence:F1 .
exoc.evidence:F1 a EXOC:0000002 ; EXOC:0000120 "Exosomal TP53 promotes growth." .
exoc.finding:F2 a EXOC:0000001 ; EXOC:0000107 GO:0001525 .
"""
NEW = PREFIXES + """
EXOC:0001001 a owl:Class ; rdfs:label "small extracellular vesicle"@en ; IAO:0000115 "A small vesicle."@en ;
    rdfs:subClassOf GO:1903561 , [ a owl:Restriction ; owl:onProperty RO:0003001 ; owl:someValuesFrom CL:0000000 ] ;
    oboInOwl:hasExactSynonym "sEV"@en , "small EVs"@en ; skos:exactMatch GO:0000001 .
EXOC:0001002 a owl:Class ; rdfs:label "large EV"@en ; IAO:0000115 "A large vesicle."@en .
EXOC:0000101 a owl:ObjectProperty ; rdfs:label "has source cell"@en .
IAO:0000115 a owl:AnnotationProperty ; rdfs:label "definition"@en .
exoc.finding:F1 a EXOC:0000001 ; EXOC:0000103 NCBIGene:7157 , NCBIGene:1 ; prov:wasDerivedFrom exoc.evidence:F1 .
exoc.evidence:F1 a EXOC:0000002 ; EXOC:0000120 "Exosomal TP53 promotes\\ngrowth." .
exoc.finding:F3 a EXOC:0000001 ; EXOC:0000107 GO:0001525 .
"""


def graph(text: str) -> Graph:
    return Graph().parse(data=text, format="turtle")


def rows(changes: list[Change]) -> set[tuple[str, ...]]:
    return {(c.change, c.kind, c.id, c.field, c.old, c.new) for c in changes}


def test_every_kind_of_change_on_tiny_graphs() -> None:
    changes = diff_graphs(graph(OLD), graph(NEW))
    assert rows(changes) == {
        ("added", "annotation property", "IAO:0000115", "", "", ""),
        ("added", "finding", "exoc.finding:F3", "", "", ""),
        ("removed", "data property", "EXOC:0000116", "", "", ""),
        ("removed", "finding", "exoc.finding:F2", "", "", ""),
        ("changed", "class", "EXOC:0001001", "label", "small EV", "small extracellular vesicle"),
        ("changed", "class", "EXOC:0001001", "synonym", "", "small EVs [exact]"),
        ("changed", "class", "EXOC:0001001", "mapping", "GO:0000001 [skos:closeMatch]",
         "GO:0000001 [skos:exactMatch]"),
        ("changed", "class", "EXOC:0001001", "parent", "",
         "[owl:onProperty RO:0003001; owl:someValuesFrom CL:0000000]"),
        ("changed", "class", "EXOC:0001002", "definition", "", "A large vesicle."),
        ("changed", "finding", "exoc.finding:F1", "cargo", "", "NCBIGene:1"),
        ("changed", "finding", "exoc.finding:F1", "evidence quote", "Exosomal TP53 promotes growth.",
         "Exosomal TP53 promotes\ngrowth."),
    }
    # added, removed, changed; kinds in report order; ids; fields
    assert [c.change for c in changes] == sorted((c.change for c in changes), key=("added", "removed",
                                                                                     "changed").index)
    changed_label = next(c for c in changes if c.field == "label")
    assert changed_label.label == "small extracellular vesicle"


def test_the_same_graph_has_no_differences_and_evidence_is_no_entity_of_its_own() -> None:
    assert diff_graphs(graph(OLD), graph(OLD)) == []
    assert all("evidence" not in c.id for c in diff_graphs(Graph(), graph(OLD)))


def test_renderers_markdown_and_tsv() -> None:
    diff = Diff("old", "new", tuple(diff_graphs(graph(OLD), graph(NEW))))
    markdown = RENDERERS["markdown"](diff)
    assert markdown.startswith("# EXOC diff: old → new\n")
    assert "| class | 0 | 0 | 2 |" in markdown and "| finding | 1 | 1 | 1 |" in markdown
    assert "  - label: small EV → small extracellular vesicle" in markdown
    assert "  - synonym: added small EVs \\[exact\\]" in markdown
    assert "- `exoc.finding:F2`" in markdown.split("## Removed")[1]
    tsv = RENDERERS["tsv"](diff).splitlines()
    assert tsv[0].split("\t") == list(TSV_COLUMNS) and len(tsv) == 1 + len(diff.changes)
    quote_row = next(line.split("\t") for line in tsv if "evidence quote" in line)
    assert quote_row[-1] == "Exosomal TP53 promotes\\ngrowth."   # one row per change, line breaks escaped
    assert RENDERERS["markdown"](Diff("a", "b", ())).endswith("No differences.\n")


def test_bad_input_is_a_one_line_error_naming_the_file(tmp_path: Path) -> None:
    with pytest.raises(MissingInputError, match=r"nope\.ttl"):
        load_release(str(tmp_path / "nope.ttl"))
    bad = tmp_path / "bad.ttl"
    bad.write_text("EXOC:1 a <unclosed .\n")
    with pytest.raises(InputError, match=r"bad\.ttl: cannot be parsed as turtle"):
        load_release(str(bad))
    with pytest.raises(MissingInputError, match=r"no exoc\.nt or exoc\.ttl"):
        load_release(str(tmp_path))
    runner = CliRunner()
    result = runner.invoke(app, ["diff", str(bad), "none"])
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"error: {bad}: cannot be parsed as turtle (")


def test_cli_exits_0_with_differences_and_writes_tsv(tmp_path: Path) -> None:
    (tmp_path / "old.ttl").write_text(OLD)
    (tmp_path / "new.ttl").write_text(NEW)
    out = tmp_path / "diff.tsv"
    result = CliRunner().invoke(app, ["diff", str(tmp_path / "old.ttl"), str(tmp_path / "new.ttl"),
                                      "--format", "tsv", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert len(read_tsv(out)) == 11
    assert CliRunner().invoke(app, ["diff", "-", str(tmp_path / "new.ttl"), "--format", "xml"]).exit_code == 2


def release_dir(tmp_path: Path, name: str, text: str, version: str) -> Path:
    directory = tmp_path / name
    directory.mkdir()
    graph(text).serialize(directory / "exoc.nt", format="nt", encoding="utf-8")
    (directory / "manifest.json").write_text(json.dumps({"version": version, "date": f"{version}-01"}))
    return directory


def test_changelog_sections_are_replaced_idempotently_and_older_ones_kept(tmp_path: Path) -> None:
    v1 = release_dir(tmp_path, "v1", OLD, "2030-01")
    v2 = release_dir(tmp_path, "v2", NEW, "2030-02")
    changelog = tmp_path / "CHANGELOG.md"
    write_changelog(changelog, load_release("none"), load_release(str(v1)))
    write_changelog(changelog, load_release(str(v1)), load_release(str(v2)))
    first = changelog.read_text()
    write_changelog(changelog, load_release(str(v1)), load_release(str(v2)))
    write_changelog(changelog, load_release("-"), load_release(str(v1)))
    assert changelog.read_text() == first
    _preamble, sections, order = split_sections(first)
    assert order == ["2030-02", "2030-01"]
    assert sections["2030-02"].startswith("## [2030-02] - 2030-02-01\n\nCompared with release 2030-01.")
    assert "Compared with an empty release" in sections["2030-01"]
    assert "| finding | 1 | 1 | 1 |" in sections["2030-02"]


def test_changelog_truncates_long_lists_and_needs_a_version(tmp_path: Path) -> None:
    many = PREFIXES + "".join(f"EXOC:00030{i:02d} a owl:Class ; rdfs:label \"effect {i}\" .\n" for i in range(30))
    target = release_dir(tmp_path, "big", many, "2031-01")
    path = write_changelog(tmp_path / "CL.md", load_release("none"), load_release(str(target)), limit=25)
    text = path.read_text()
    assert "#### class (30)" in text and "- … and 5 more" in text and "EXOC:0003024" in text
    assert "EXOC:0003025" not in text
    unversioned = Release("x.ttl", graph(OLD))
    with pytest.raises(InputError, match=r"x\.ttl: no version"):
        write_changelog(tmp_path / "CL.md", load_release("none"), unversioned)


def test_a_release_version_comes_from_the_graph_when_there_is_no_manifest(tmp_path: Path) -> None:
    text = PREFIXES + """<https://w3id.org/exoc/exoc.owl> a owl:Ontology ; owl:versionInfo "9.9" ;
        owl:versionIRI <https://w3id.org/exoc/releases/2032-03-04/exoc.owl> ."""
    (tmp_path / "exoc.ttl").write_text(text)
    release = load_release(str(tmp_path / "exoc.ttl"))
    assert (release.name, release.version, release.date) == ("9.9", "9.9", "2032-03-04")


def _rejectable(full: Graph) -> str:
    """A machine finding whose every term another finding or EXOC itself also uses, so rejecting it
    removes no imported term: then the finding is the only thing that may change."""
    from rdflib import RDF, URIRef

    from exo_ontology import vocabulary as V

    findings = sorted(str(f) for f in full.subjects(RDF.type, V.FINDING))
    used_by: dict[str, set[str]] = {}
    for finding in findings:
        for obj in full.objects(URIRef(finding), None):
            used_by.setdefault(str(obj), set()).add(finding)
    for finding in findings:
        if (URIRef(finding), V.HAS_KNOWLEDGE_SOURCE, V.TEXT_MINING) not in full:
            continue
        terms = [str(o) for o in full.objects(URIRef(finding), None) if isinstance(o, URIRef)
                 and not str(o).startswith(("https://w3id.org/exoc/EXOC_", "https://w3id.org/exoc/evidence/"))]
        if all(used_by[t] - {finding} for t in terms):
            return finding.rsplit("/", 1)[1]
    raise AssertionError("no finding shares all its terms with another one")


def test_a_rejected_finding_is_the_only_difference_between_two_builds(
        built: tuple[Paths, BuildResult], project: Paths) -> None:
    paths, _ = built
    release = load_release(str(paths.build_dir))
    fid = _rejectable(release.graph)
    curation = project.curation_dir / "findings.tsv"
    header = curation.read_text(encoding="utf-8").splitlines()[0].split("\t")
    row = {"action": "reject", "finding": fid, "curator": "test", "reason": "not a claim"}
    with curation.open("a", encoding="utf-8") as handle:
        handle.write("\t".join(row.get(column, "") for column in header) + "\n")
    user_changelog = project.root / "CHANGELOG.md"
    user_changelog.write_text("# my notes\n", encoding="utf-8")
    build(project, reasoner=False, log=quiet)
    assert user_changelog.read_text(encoding="utf-8") == "# my notes\n"   # a build never writes it
    diff = diff_releases(release, load_release(str(project.build_dir)))
    assert [(c.change, c.kind, c.id) for c in diff.changes] == [("removed", "finding", f"exoc.finding:{fid}")]
    assert diff.changes[0].label   # the finding is named by its quote
    # the release metadata does change (void:triples, findings count): it is not an ontology term
    assert (paths.build_dir / "void.ttl").read_bytes() != (project.build_dir / "void.ttl").read_bytes()
    result = CliRunner().invoke(app, ["diff", str(paths.build_dir), str(project.build_dir), "--format", "tsv"])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 2


def test_the_committed_changelog_has_a_section_for_the_current_release() -> None:
    """Written by `exo changelog` (see README); a version bump without its section fails here."""
    info = read_release_info(Paths(ROOT).release_info)
    _preamble, sections, order = split_sections((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"))
    assert order[0] == info.version
    assert "| kind | added | removed | changed |" in sections[info.version]
