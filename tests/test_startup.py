"""`exo extract` start-up: the Reader snapshot (SQLite) and the findings rows made without the graph
give what the in-memory Reader and the release's findings query give."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from exo_ontology.grounding.index import cache_dir, fingerprint
from exo_ontology.model import SourceDoc
from exo_ontology.paths import Paths
from exo_ontology.pipeline.documents import Reader, findings_from_text
from exo_ontology.pipeline.extract_files import extract_paths, graph_rows
from exo_ontology.pipeline.finding_rows import fast_rows
from exo_ontology.pipeline.snapshot import Snapshot, open_snapshot, snapshot_key, snapshot_path
from exo_ontology.reading import read_raw
from tests.conftest import ROOT, copy_project

CORPUS = ROOT / "tests" / "corpus"
#: abstracts of several kinds: cargo and effects, a table, inherited diseases, shorthands
SAMPLE = ("001", "004", "012", "023", "037")
NAMES = ("PD-L1", "miR-21", "miR-21-5p", "hsa-miR-24-3p", "exosomes", "pancreatic cancer", "PDAC",
         "M2 macrophages", "BM-MSCs", "DCs", "alpha smooth muscle actin", "antigen presenting cell",
         "granulocytic MDSCs", "cisplatin", "tumour-derived EVs", "AKT", "KRAS", "plasma", "angiogenesis")


@pytest.fixture(scope="module")
def snapshot() -> Snapshot:
    return open_snapshot(Paths(ROOT))


def _doc(name: str) -> SourceDoc:
    return SourceDoc(name, CORPUS / f"{name}.txt")


def test_snapshot_reader_grounds_and_extracts_as_the_memory_reader(snapshot: Snapshot, reader: Reader) -> None:
    fast = snapshot.reader
    for name in NAMES:
        for type_ in (None, "gene", "cell", "disease"):
            assert fast.grounder.ground(name, type=type_) == reader.grounder.ground(name, type=type_), (name, type_)
    assert fast.kinds.effects == reader.kinds.effects and fast.kinds.vesicles == reader.kinds.vesicles
    assert fast.kinds.roles == reader.kinds.roles and dict(fast.kinds.gene_cargo) == dict(reader.kinds.gene_cargo)
    assert fast.overrides == reader.overrides
    assert fast.lexicon.ancestors("MONDO:0005192") == reader.lexicon.ancestors("MONDO:0005192")
    for name in SAMPLE:
        doc = _doc(name)
        assert findings_from_text(doc, read_raw(doc), fast) == findings_from_text(doc, read_raw(doc), reader), name


def test_fast_rows_are_the_findings_query_rows(snapshot: Snapshot) -> None:
    paths, reader = Paths(ROOT), snapshot.reader
    docs = [_doc(name) for name in SAMPLE]
    found = {doc.doc_id: findings_from_text(doc, read_raw(doc), reader) for doc in docs}
    assert sum(map(len, found.values())) > 10
    for doc in docs:
        rows = fast_rows(found[doc.doc_id], snapshot.labels, reader.lexicon)
        assert rows is not None and rows == graph_rows(paths, [doc], found[doc.doc_id], reader.lexicon), doc.doc_id
        assert all(list(a) == list(b) for a, b in zip(rows, graph_rows(paths, [doc], found[doc.doc_id],
                                                                         reader.lexicon), strict=True))
    everything = [f for doc in docs for f in found[doc.doc_id]]
    assert fast_rows(reversed(everything), snapshot.labels, reader.lexicon) == graph_rows(
        paths, docs, everything, reader.lexicon)


def test_fast_rows_leave_to_the_graph_what_only_it_can_tell(snapshot: Snapshot) -> None:
    reader = snapshot.reader
    doc = _doc("001")
    findings = findings_from_text(doc, read_raw(doc), reader)
    assert fast_rows([*findings, findings[0]], snapshot.labels, reader.lexicon) is None  # one IRI, two findings
    cargo = next(f for f in findings if f.slot("cargo") or f.slot("disease"))
    curie = (cargo.slot("cargo") or cargo.slot("disease"))[0]
    from exo_ontology.namespaces import expand

    two_labels = {**snapshot.labels, str(expand(curie)): ("another label",)}
    assert fast_rows(findings, two_labels, reader.lexicon) is None


def test_extract_paths_of_several_files_equal_the_graph_rows(snapshot: Snapshot) -> None:
    paths, reader = Paths(ROOT), snapshot.reader
    docs = [_doc(name) for name in SAMPLE[:3]]
    extracted = extract_paths(paths, [doc.path for doc in docs])
    findings = [f for doc in docs for f in findings_from_text(doc, read_raw(doc), reader)]
    expected = [{"file": str(CORPUS / f"{row['document']}.txt"), "article": "", **row}
                for row in graph_rows(paths, docs, findings, reader.lexicon)]
    assert [dict(row) for row in extracted.rows] == expected


def test_snapshot_key_follows_the_edit_file_and_lexicon(tmp_path: Path) -> None:
    paths = copy_project(tmp_path / "project")
    before = snapshot_key(paths)
    assert before == snapshot_key(paths)
    with paths.edit_file.open("a", encoding="utf-8") as out:
        out.write("\n# a comment changes the bytes\n")
    assert snapshot_key(paths) != before
    edited = snapshot_key(paths)
    mirna = paths.lexicon_dir / "mirna.tsv.gz"
    mirna.write_bytes(mirna.read_bytes())      # rewritten, same bytes: the same key (content, not time)
    assert snapshot_key(paths) == edited
    (paths.lexicon_dir / "mirna.tsv.gz").write_bytes(b"")
    assert snapshot_key(paths) != edited


def _private_cache(paths: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[bytes, Path]:
    """The shared snapshot's bytes, and where the snapshot goes in a cache of this test's own."""
    shared = snapshot_path(paths)
    grounder_cache = cache_dir() / f"grounder-{fingerprint(paths)[:20]}.pickle"
    monkeypatch.setenv("EXO_CACHE_DIR", str(tmp_path))
    if grounder_cache.is_file():   # spares rebuilding the grounder's tables: only the snapshot is at stake
        shutil.copy(grounder_cache, tmp_path / grounder_cache.name)
    return shared.read_bytes(), snapshot_path(paths)


@pytest.mark.parametrize("damage", ["truncated", "garbage"])
def test_a_damaged_snapshot_is_rebuilt(snapshot: Snapshot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       damage: str) -> None:
    paths = Paths(ROOT)
    data, target = _private_cache(paths, tmp_path, monkeypatch)
    target.write_bytes(data[: len(data) // 2] if damage == "truncated" else b"not a database" * 1000)
    doc = _doc("001")
    reopened = open_snapshot(paths)
    assert target.stat().st_size == len(data)
    assert findings_from_text(doc, read_raw(doc), reopened.reader) == findings_from_text(
        doc, read_raw(doc), snapshot.reader)


def test_a_snapshot_found_damaged_while_reading_is_rebuilt_and_read_again(
        snapshot: Snapshot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = Paths(ROOT)
    expected = extract_paths(paths, [CORPUS / "001.txt"])
    data, target = _private_cache(paths, tmp_path, monkeypatch)
    target.write_bytes(data)
    with sqlite3.connect(target) as con:     # sound file, stamp and size; its index values are not
        con.execute("UPDATE keys SET v = x'ff'")
    assert target.stat().st_size == len(data)
    assert extract_paths(paths, [CORPUS / "001.txt"]) == expected
    with sqlite3.connect(target) as con:
        assert con.execute("SELECT count(*) FROM keys WHERE v = x'ff'").fetchone() == (0,)


def test_exo_extract_imports_only_what_it_runs(tmp_path: Path) -> None:
    script = ("import sys\nfrom exo_ontology.cli import main\n"
              f"sys.argv = ['exo', 'extract', '--root', {str(ROOT)!r}, '--format', 'tsv', "
              f"{str(CORPUS / '001.txt')!r}]\n"
              "try:\n    main()\nexcept SystemExit as exit:\n    assert not exit.code, exit.code\n"
              "print(sorted(m for m in sys.modules if m.startswith(('exo_ontology.cli.', 'exo_ontology.pipeline.build',"
              " 'exo_ontology.release.streamed', 'rich', 'pyshacl', 'jinja2', 'exo_ontology.query.command'))))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300,
                          check=False, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "['exo_ontology.cli.common', 'exo_ontology.cli.ground']"
    assert done.stdout.splitlines()[0].startswith("file\tarticle\tfinding\t")

