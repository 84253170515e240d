"""sources/manifest.tsv, raw-file checks and `add_source` (reading.sources)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from exo_ontology.errors import InputError, MissingInputError
from exo_ontology.model import SourceDoc
from exo_ontology.reading import add_source, read_manifest, read_raw
from exo_ontology.reading.sources import COLUMNS

ROOT = Path(__file__).resolve().parents[1]
HEADER = "\t".join(COLUMNS) + "\n"


def _row(file: str, title: str = "", doi: str = "") -> str:
    values = {"file": file, "title": title, "doi": doi}
    return "\t".join(values.get(column, "") for column in COLUMNS) + "\n"


def _doc(path: Path) -> SourceDoc:
    return SourceDoc(doc_id=path.stem, path=path)


def test_project_manifest_lists_the_five_readable_documents() -> None:
    docs, problems = read_manifest(ROOT / "sources" / "manifest.tsv")
    assert problems == []
    assert [doc.doc_id[:3] for doc in docs] == ["000", "001", "002", "003", "004"]
    for doc in docs:
        assert doc.doc_id == doc.path.stem
        assert read_raw(doc)
        assert doc.doi == "" or re.fullmatch(r"10\.\d{4,9}/\S+", doc.doi)
        assert doc.pmcid == "" or re.fullmatch(r"PMC\d+", doc.pmcid)
    by_id = {doc.doc_id[:3]: doc for doc in docs}
    assert by_id["000"].doi == "10.3390/cells14221750"
    assert by_id["004"].doi == "" and by_id["004"].licence == "CC BY-NC-ND 4.0"


def test_manifest_row_naming_a_missing_file_is_a_problem_not_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Exosomes carry cargo.\n", encoding="utf-8")
    manifest = tmp_path / "manifest.tsv"
    manifest.write_text(HEADER + _row("a.txt", "A") + _row("005_x.txt") + _row("a.txt"),
                        encoding="utf-8")
    docs, problems = read_manifest(manifest)
    assert [doc.doc_id for doc in docs] == ["a"]
    assert docs[0].title == "A"
    assert len(problems) == 2
    assert problems[0].startswith(f"{manifest} row 3")
    assert "005_x.txt does not exist" in problems[0]
    assert "listed twice" in problems[1]


def test_manifest_without_a_required_column_raises_naming_file_and_column(tmp_path: Path) -> None:
    manifest = tmp_path / "manifest.tsv"
    manifest.write_text("file\ttitle\tauthors\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_manifest(manifest)
    message = str(info.value)
    assert str(manifest) in message and "doi" in message and "licence" in message


def test_missing_manifest_is_a_missing_input(tmp_path: Path) -> None:
    with pytest.raises(MissingInputError):
        read_manifest(tmp_path / "manifest.tsv")


@pytest.mark.parametrize(("content", "expected"), [
    (b"", "empty"),
    (b"  \n\t\n", "white space"),
    (b"text\x00with NUL", "binary"),
    (bytes(range(1, 32)) * 20, "binary"),
    (b"caf\xe9 latte", "byte offset 3"),
])
def test_read_raw_rejects_unusable_files_with_one_clear_line(
        tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_raw(_doc(path))
    message = str(info.value)
    assert expected in message and str(path) in message and "\n" not in message


def test_read_raw_rejects_a_file_over_the_limit_naming_size_and_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("x" * 2000, encoding="utf-8")
    with pytest.raises(InputError, match=r"2,000 bytes.*limit of 1,000 bytes"):
        read_raw(_doc(path), max_bytes=1000)


def test_read_raw_keeps_the_text_exactly(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes("TGF-β1\r\nline two\rthree\n".encode())
    assert read_raw(_doc(path)) == "TGF-β1\r\nline two\rthree\n"


def test_add_source_copies_file_and_creates_manifest(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    new = tmp_path / "paper.txt"
    new.write_text("Exosomes from MSCs carry miR-21.\n", encoding="utf-8")
    doc = add_source(sources, new, title="EVs in glioma", doi="10.1000/xyz", licence="CC BY 4.0")
    assert doc.doc_id == "paper" and doc.path == sources / "paper.txt"
    assert (sources / "paper.txt").read_bytes() == new.read_bytes()
    docs, problems = read_manifest(sources / "manifest.tsv")
    assert problems == [] and docs == [doc]
    other = tmp_path / "second.txt"
    other.write_text("Second paper.\n", encoding="utf-8")
    add_source(sources, other)
    assert [d.doc_id for d in read_manifest(sources / "manifest.tsv")[0]] == ["paper", "second"]


def test_add_source_refuses_to_overwrite_or_list_twice(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "paper.txt").write_text("the original\n", encoding="utf-8")
    new = tmp_path / "paper.txt"
    new.write_text("a different text\n", encoding="utf-8")
    with pytest.raises(InputError, match="different file"):
        add_source(sources, new)
    assert (sources / "paper.txt").read_text(encoding="utf-8") == "the original\n"
    new.write_text("the original\n", encoding="utf-8")
    add_source(sources, new)
    with pytest.raises(InputError, match="already listed"):
        add_source(sources, new)


def test_add_source_validates_before_writing_anything(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe binary")
    with pytest.raises(InputError, match="not UTF-8"):
        add_source(sources, bad)
    assert not sources.exists()
