"""BioC XML (`<collection>`) and BioC JSON (PMC open-access articles, PubTator's BioC exports).

Both are read into the same passage records, then composed alike: the passages' texts in document
order, separated by a blank line (the first is the title), reference-list passages left out. BioC
annotation offsets count in the document's own coordinates (each passage has an `offset`); they are
moved into the composed text, and an annotation whose text is not found there is dropped.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exo_ontology.errors import InputError
from exo_ontology.reading.annotations import Annotation
from exo_ontology.reading.formats.article import Article, Format, open_bytes
from exo_ontology.reading.formats.entities import annotation_of

#: passage types (BioC `type` / `section_type` infons) that are not the article's running text
_SKIPPED = frozenset({"ref", "REF"})
_TITLE_TYPES = frozenset({"front", "title", "TITLE"})
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
#: collection <source> -> what a bare numeric document id is
_NUMERIC_ID = {"pubmed": "pmid", "pubtator": "pmid", "pmc": "pmcid"}


@dataclass(frozen=True)
class Mark:
    """A BioC annotation: its infons, its text and its (offset, length) locations."""

    infons: Mapping[str, str]
    text: str
    locations: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Passage:
    offset: int
    infons: Mapping[str, str]
    text: str
    marks: tuple[Mark, ...] = ()


@dataclass(frozen=True)
class Document:
    id: str
    infons: Mapping[str, str]
    passages: tuple[Passage, ...]


def _infons(values: Mapping[str, str], *keys: str) -> str:
    return next((values[key].strip() for key in keys if values.get(key, "").strip()), "")


def _authors(front: Mapping[str, str]) -> str:
    """PMC BioC front infons name_0, name_1, ... = "surname:Smith;given-names:John A" -> "Smith JA"."""
    names = []
    for key in sorted((k for k in front if k.startswith("name_")), key=lambda k: int(k[5:] or 0)
                      if k[5:].isdigit() else 0):
        parts = dict(piece.split(":", 1) for piece in front[key].split(";") if ":" in piece)
        given = parts.get("given-names", "")
        initials = "".join(word[0] for word in re.split(r"[\s\-.]+", given) if word)
        name = " ".join(p for p in (parts.get("surname", ""), initials) if p)
        if name:
            names.append(name)
    return ", ".join(names)


def _key(doc: Document, pmid: str, pmcid: str) -> str:
    if pmid:
        return f"pmid:{pmid}"
    if pmcid:
        return f"pmcid:{pmcid}"
    return f"bioc:{doc.id}"


def compose(doc: Document, source: str) -> Article:
    """A BioC document -> Article (text, metadata from infons, annotations moved into the text)."""
    passages = [p for p in doc.passages if not ({p.infons.get("type", ""), p.infons.get("section_type", "")}
                                                  & _SKIPPED) and p.text.strip()]
    front = {**doc.infons, **(passages[0].infons if passages else {})}
    numeric = _NUMERIC_ID.get(source.strip().lower(), "") if doc.id.isdigit() else ""
    pmid = _infons(front, "article-id_pmid", "pmid") or (doc.id if numeric == "pmid" else "")
    pmcid = _infons(front, "article-id_pmc", "pmcid") or (doc.id if numeric == "pmcid" or
                                                          doc.id.startswith("PMC") else "")
    pmcid = pmcid if not pmcid or pmcid.startswith("PMC") else f"PMC{pmcid}"
    pieces: list[str] = []
    annotations: list[Annotation] = []
    at = 0
    for passage in passages:
        pieces.append(passage.text)
        for mark in passage.marks:
            annotations += _moved(mark, passage, at, source or "BioC")
        at += len(passage.text) + 2
    text = "\n\n".join(pieces) + "\n"
    annotations = [a for a in annotations if text[a.raw_start:a.raw_end] == a.text]
    title = next((p.text.strip() for p in passages if {p.infons.get("type", ""),
                                                       p.infons.get("section_type", "")} & _TITLE_TYPES),
                 passages[0].text.strip() if passages else "")
    year = _infons(front, "year")
    match = _YEAR.search(year)
    return Article(key=_key(doc, pmid, pmcid), text=text, title=title, authors=_authors(front),
                   year=match.group(1) if match else "", journal=_infons(front, "source", "journal"),
                   doi=_infons(front, "article-id_doi", "doi"), pmid=pmid, pmcid=pmcid,
                   licence=_infons(front, "license", "licence"),
                   annotations=tuple(sorted(annotations, key=lambda a: (a.raw_start, a.raw_end, a.text))))


def _moved(mark: Mark, passage: Passage, at: int, scope: str) -> list[Annotation]:
    moved = []
    for offset, length in mark.locations:
        start = at + offset - passage.offset
        if 0 <= offset - passage.offset and offset - passage.offset + length <= len(passage.text):
            made = annotation_of(mark.text, mark.infons.get("type", ""),
                                 mark.infons.get("identifier", "") or mark.infons.get("Identifier", ""),
                                 scope, start, start + length)
            if made is not None:
                moved.append(made)
    return moved


# --- BioC XML ---------------------------------------------------------------------------------

def _xml_infons(elem: ET.Element) -> dict[str, str]:
    return {info.get("key", ""): "".join(info.itertext()) for info in elem.findall("infon")}


def _xml_document(elem: ET.Element) -> Document:
    passages = []
    for p in elem.findall("passage"):
        marks = tuple(Mark(_xml_infons(a), "".join(a.findtext("text") or ""),
                           tuple((int(loc.get("offset", "0")), int(loc.get("length", "0")))
                                 for loc in a.findall("location")))
                      for a in p.findall("annotation"))
        passages.append(Passage(int(p.findtext("offset") or 0), _xml_infons(p), p.findtext("text") or "", marks))
    return Document((elem.findtext("id") or "").strip(), _xml_infons(elem), tuple(passages))


def read_bioc_xml(path: Path) -> Iterator[Article]:
    """Each <document> of a BioC XML collection, one at a time (iterparse)."""
    source = ""
    try:
        with open_bytes(path) as handle:
            root: ET.Element | None = None
            for event, elem in ET.iterparse(handle, events=("start", "end")):
                if root is None:
                    root = elem
                if event == "end" and elem.tag == "source" and not source:
                    source = "".join(elem.itertext())
                elif event == "end" and elem.tag == "document":
                    yield compose(_xml_document(elem), source)
                    root.clear()
    except ET.ParseError as exc:
        line, column = exc.position
        raise InputError(f"{path} line {line}, column {column}: not well-formed BioC XML ({exc})") from None
    except ValueError as exc:
        raise InputError(f"{path}: BioC XML with a non-numeric offset ({exc})") from None


# --- BioC JSON --------------------------------------------------------------------------------

def _json_documents(data: Any) -> Iterator[tuple[str, Any]]:
    """(collection source, document) pairs: a collection, a list of collections (the PMC BioC API),
    or PubTator3's {"PubTator3": [documents]}."""
    if isinstance(data, list):
        for item in data:
            yield from _json_documents(item)
    elif isinstance(data, dict):
        if "passages" in data:
            yield "", data
        for key in ("documents", "PubTator3"):
            for doc in data.get(key) or []:
                yield str(data.get("source", "PubTator" if key == "PubTator3" else "")), doc


def _str_map(value: Any) -> dict[str, str]:
    return {str(k): str(v) for k, v in (value or {}).items() if v is not None}


def _json_document(doc: Any) -> Document:
    passages = []
    for p in doc.get("passages") or []:
        marks = tuple(Mark(_str_map(a.get("infons")), str(a.get("text") or ""),
                           tuple((int(loc.get("offset", 0)), int(loc.get("length", 0)))
                                 for loc in a.get("locations") or []))
                      for a in p.get("annotations") or [])
        passages.append(Passage(int(p.get("offset") or 0), _str_map(p.get("infons")), str(p.get("text") or ""),
                                marks))
    return Document(str(doc.get("id") or doc.get("_id") or "").strip(), _str_map(doc.get("infons")),
                    tuple(passages))


def read_bioc_json(path: Path) -> Iterator[Article]:
    """Each document of a BioC JSON file, in file order."""
    try:
        with open_bytes(path) as handle:
            data = json.load(handle)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        where = f" line {exc.lineno}, column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else ""
        raise InputError(f"{path}{where}: not valid BioC JSON ({exc.__class__.__name__})") from None
    try:
        for source, doc in _json_documents(data):
            yield compose(_json_document(doc), source)
    except (AttributeError, TypeError, ValueError) as exc:
        raise InputError(f"{path}: not the BioC JSON layout (documents of passages): {exc}") from None


def _sniff_xml(head: str) -> bool:
    return re.search(r"<collection[\s>]", head[:4096]) is not None


def _sniff_json(head: str) -> bool:
    return head[:1] != "" and head[:1] in "[{" and re.search(r'"(documents|passages|PubTator3)"\s*:', head) is not None


XML_FORMAT = Format("bioc_xml", "BioC XML", (".bioc.xml", ".xml", ".xml.gz"), _sniff_xml, read_bioc_xml)
JSON_FORMAT = Format("bioc_json", "BioC JSON", (".json", ".json.gz"), _sniff_json, read_bioc_json)
