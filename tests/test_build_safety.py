"""A build that cannot lose a release: one build at a time, unlisted and unreadable sources, the
version, and progress that shows only the steps worth waiting for."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from io import StringIO
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rich.console import Console
from typer.testing import CliRunner

from exo_ontology.cli import app
from exo_ontology.errors import InputError
from exo_ontology.namespaces import SOURCE
from exo_ontology.paths import Paths
from exo_ontology.pipeline.build import build
from exo_ontology.pipeline.lock import BuildLocked, build_lock
from exo_ontology.progress import RichSteps
from exo_ontology.reading import read_manifest
from tests.conftest import quiet
from tests.test_build import RELEASE_FILES, digests


def exo_build(root: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "exo_ontology", "build", "--root", str(root),
                             "--no-reasoner", *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_a_second_build_stops_with_the_first_ones_pid(project: Paths) -> None:
    with build_lock(project.root):
        with pytest.raises(BuildLocked, match=rf"another build is running \(pid {os.getpid()}\)"):
            build(project, reasoner=False, log=quiet)
        process = exo_build(project.root)
        _out, err = process.communicate(timeout=120)
    assert process.returncode == 2
    assert err.strip().splitlines()[-1].startswith(f"error: another build is running (pid {os.getpid()})")
    assert not project.build_dir.exists(), "the refused build wrote nothing"


def test_a_waiting_lock_is_granted_when_the_first_build_ends(project: Paths) -> None:
    order: list[str] = []
    held = threading.Event()

    def first() -> None:
        with build_lock(project.root):
            held.set()
            time.sleep(0.5)
            order.append("first done")

    thread = threading.Thread(target=first)
    thread.start()
    held.wait(5)
    with build_lock(project.root, wait=True):
        order.append("second got the lock")
    thread.join()
    assert order == ["first done", "second got the lock"]


def test_two_builds_started_together_leave_one_complete_release(project: Paths) -> None:
    processes = [exo_build(project.root), exo_build(project.root)]
    results = [(p.wait(timeout=600), p.stderr.read() if p.stderr else "") for p in processes]
    codes = sorted(code for code, _ in results)
    assert codes in ([0, 0], [0, 2]), results   # [0, 0]: the second started after the first had ended
    for code, err in results:
        if code == 2:
            assert "another build is running (pid" in err
    for name in RELEASE_FILES:
        assert (project.build_dir / name).is_file(), name
    assert not (project.root / "build.staging").exists()


def test_a_file_in_sources_without_a_manifest_row_is_an_error_naming_it(project: Paths) -> None:
    build(project, reasoner=False, log=quiet)
    before = digests(project.build_dir)
    stray = project.sources_dir / "010_new_paper.txt"
    stray.write_text("Exosomes from breast cancer cells carry miR-21.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"010_new_paper.txt: not listed in .*manifest.tsv; "
                                         r"add its row with `exo sources add "):
        build(project, reasoner=False, log=quiet)
    assert digests(project.build_dir) == before, "the previous release is kept"
    process = exo_build(project.root)
    _out, err = process.communicate(timeout=120)
    assert process.returncode == 2 and len(err.strip().splitlines()) == 1 and "010_new_paper.txt" in err


def test_an_unreadable_document_is_not_a_source_of_the_release(project: Paths) -> None:
    (project.sources_dir / "101_binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    header = (project.manifest.read_text(encoding="utf-8").splitlines()[0]).split("\t")
    with project.manifest.open("a", encoding="utf-8") as handle:
        handle.write("\t".join("101_binary.txt" if col == "file" else "" for col in header) + "\n")
    assert "101_binary" in {doc.doc_id for doc in read_manifest(project.manifest)[0]}
    result = build(project, reasoner=False, log=quiet)
    assert any("101_binary.txt" in problem for problem in result.problems)
    release = Graph().parse(project.build_dir / "exoc.nt", format="nt")
    void = Graph().parse(project.build_dir / "void.ttl", format="turtle")
    unread = SOURCE["101_binary"]
    assert not any(unread in triple for triple in release), "no triple names the unread document"
    assert not any(unread in triple for triple in void)
    assert URIRef(str(SOURCE["000_3288381e977d1d50"])) in set(void.objects())
    assert result.counts["documents"] == 5


def test_version_names_the_package_and_the_release(project: Paths, monkeypatch: pytest.MonkeyPatch) -> None:
    from exo_ontology import __version__
    from exo_ontology.release.files import read_release_info

    monkeypatch.chdir(project.root)
    result = CliRunner().invoke(app, ["--version"])
    info = read_release_info(project.release_info)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == f"exo-ontology {__version__}"
    assert f"release {info.version}" in result.stdout and str(info.version_iri) in result.stdout
    assert "nothing yet" in result.stdout


def test_progress_keeps_only_the_steps_that_took_long() -> None:
    out = StringIO()
    with RichSteps(min_seconds=0.2, console=Console(file=out, width=100, force_terminal=False)) as steps:
        with steps.step("quick step"):
            pass
        with steps.step("slow step", total=3) as advance:
            for _ in range(3):
                time.sleep(0.1)
                advance(1)
    shown = out.getvalue()
    assert "slow step" in shown and "3/3" in shown
    assert "quick step" not in shown
