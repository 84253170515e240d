"""Parse machine-made entity annotation lists (PubTator-style "Full-text entities" blocks).

They are hints for grounding, to be checked against the lexicon, never taken as truth: such
annotations contain errors (an adjective such as "hypoxic" tagged as a disease).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from exo_ontology.namespaces import ncbigene_curie

#: Annotation list label -> entity type.
TYPES: dict[str, str] = {
    "genes": "gene", "gene": "gene", "diseases": "disease", "disease": "disease",
    "chemicals": "chemical", "chemical": "chemical", "species": "species",
    "cell lines": "cell_line", "cell line": "cell_line", "mutations": "variant",
    "variants": "variant", "cell types": "cell", "cells": "cell",
}

_LIST = re.compile(r"^\s*[-*]\s+\*\*(?P<label>[^*:]+):\*\*\s*(?P<items>.*)$")
_HEADING = re.compile(r"^\s*#{1,6}\s+(?P<text>.+?)\s*$")
_CURIE = re.compile(r"^[A-Za-z][\w.]*:[\w.\-]+$")
_NCBI_GENE = re.compile(r"^NCBI\s*Gene\s*:?\s*(\d+)$", re.IGNORECASE)
_TAXON = re.compile(r"^(?:NCBI\s*)?taxon(?:omy)?\s*:?\s*(\d+)$", re.IGNORECASE)


@dataclass(frozen=True)
class Annotation:
    """One annotated entity: its text, type, identifiers (CURIEs) and aliases, where it was read."""

    text: str
    type: str
    identifiers: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    name: str = ""              # long name given in parentheses ("ret proto-oncogene")
    scope: str = ""             # heading of the list, e.g. "Full-text entities"
    raw_start: int = 0          # span of the item in the raw file
    raw_end: int = 0


def _split_top(text: str, sep: str = ",") -> list[tuple[int, str]]:
    """Split at `sep` outside (), [] and {}; returns (offset, piece) pairs."""
    pieces: list[tuple[int, str]] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth = max(0, depth - 1)
        elif ch == sep and depth == 0:
            pieces.append((start, text[start:i]))
            start = i + 1
    pieces.append((start, text[start:]))
    return pieces


def _identifier(token: str) -> str:
    """ "NCBI Gene 5979" -> NCBIGene:5979, "taxon 10090" -> NCBITaxon:10090, CURIEs kept."""
    token = token.strip()
    if match := _NCBI_GENE.match(token):
        return ncbigene_curie(match.group(1))
    if match := _TAXON.match(token):
        return f"NCBITaxon:{match.group(1)}"
    return token if _CURIE.match(token) else ""


def _groups(item: str, opener: str, closer: str) -> list[str]:
    """Top-level bracketed groups of an item, in order (nesting kept inside a group)."""
    found, depth, start = [], 0, 0
    for i, ch in enumerate(item):
        if ch == opener:
            if depth == 0:
                start = i + 1
            depth += 1
        elif ch == closer and depth:
            depth -= 1
            if depth == 0:
                found.append(item[start:i])
    return found


def parse_item(item: str, type_: str, scope: str = "", offset: int = 0) -> Annotation | None:
    """One list item: `TEXT (name or CURIE) [NCBI Gene n] {aka A, B}`."""
    stripped = item.strip()
    if not stripped:
        return None
    lead = len(item) - len(item.lstrip())
    text = re.split(r"\s*[(\[{]", stripped, maxsplit=1)[0].strip()
    identifiers: list[str] = []
    name = ""
    for group in _groups(stripped, "(", ")"):
        curie = _identifier(group)
        if curie:
            identifiers.append(curie)
        elif group.strip() != "-" and not name:
            name = group.split(",")[0].strip() if type_ == "species" else group.strip()
    identifiers += [c for c in (_identifier(g) for g in _groups(stripped, "[", "]")) if c]
    aliases: list[str] = []
    for group in _groups(stripped, "{", "}"):
        body = re.sub(r"^\s*aka\s+", "", group)
        aliases += [piece.strip() for _, piece in _split_top(body) if piece.strip()]
    return Annotation(text, type_, tuple(identifiers), tuple(aliases), name, scope,
                      offset + lead, offset + lead + len(stripped))


def parse_annotations(raw: str) -> list[Annotation]:
    """Every entity of every "- **Genes:** ..." list in the document, with raw offsets."""
    annotations: list[Annotation] = []
    scope = ""
    position = 0
    for line in raw.splitlines(keepends=True):
        heading = _HEADING.match(line)
        if heading:
            scope = heading.group("text")
        match = _LIST.match(line.rstrip("\r\n"))
        if match:
            label = match.group("label").strip().lower()
            type_ = TYPES.get(label, label.rstrip("s"))
            base = position + match.start("items")
            for offset, item in _split_top(match.group("items")):
                parsed = parse_item(item, type_, scope, base + offset)
                if parsed is not None:
                    annotations.append(parsed)
        position += len(line)
    return annotations
