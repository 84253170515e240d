"""The records every format reader returns: `Article` (one readable text of a file) and `Format`."""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from exo_ontology.reading.annotations import Annotation

GZIP_MAGIC = b"\x1f\x8b"
#: bytes of a file (decompressed) its format is sniffed from
HEAD_BYTES = 65536


@dataclass(frozen=True)
class Article:
    """One article of a file: its stable key, its text as the reader composes it, what the file states.

    `key` is "" for a plain text file (the whole file is the article); else `pmid:…`, `pmcid:PMC…` or
    `bioc:<document id>`. Offsets of evidence and of `annotations` are into `text`.
    """

    key: str
    text: str
    title: str = ""
    authors: str = ""           # "Surname Initials, ..." as the manifest writes them
    year: str = ""
    journal: str = ""
    doi: str = ""
    pmid: str = ""
    pmcid: str = ""             # with its "PMC" prefix
    licence: str = ""
    annotations: tuple[Annotation, ...] = ()


Sniffer = Callable[[str], bool]
ArticleReader = Callable[[Path], Iterator[Article]]


@dataclass(frozen=True)
class Format:
    """A file format: how to recognise it and how to read its articles."""

    name: str                       # registry key, e.g. "pubmed_xml"
    label: str                      # the manifest's `kind` of its documents, e.g. "PubMed XML"
    extensions: tuple[str, ...]     # lower-case name endings that suggest it (".xml.gz" before ".gz")
    sniff: Sniffer                  # True when the decoded head of a file is in this format
    read: ArticleReader
    container: bool = True          # False: the file itself is the one document (plain text)


def open_bytes(path: Path) -> BinaryIO:
    """The file's bytes, decompressed when it starts with the gzip magic number."""
    with path.open("rb") as handle:
        magic = handle.read(2)
    if magic == GZIP_MAGIC:
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def head_text(path: Path) -> str:
    """The first bytes of the (decompressed) file as text, with a byte-order mark and leading space removed."""
    with open_bytes(path) as handle:
        data = handle.read(HEAD_BYTES)
    return data.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")


def base_name(path: Path) -> str:
    """The file name without its format endings: pubmed24n0001.xml.gz -> pubmed24n0001."""
    name = path.name
    for ending in (".gz", ".xml", ".json", ".pubtator", ".txt", ".bioc"):
        if name.lower().endswith(ending) and len(name) > len(ending):
            name = name[: -len(ending)]
    return name


def part_id(key: str) -> str:
    """The article key as a piece of a doc_id: pmid:39886670 -> pmid39886670 (IRI- and file-safe)."""
    return re.sub(r"[^A-Za-z0-9._-]", "", key)


def doc_id_of(path: Path, key: str) -> str:
    """Stable doc_id of (file, part): the file's stem, and the article key when there is one."""
    return f"{base_name(path)}_{part_id(key)}" if key else path.stem
