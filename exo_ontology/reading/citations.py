"""Bibliographic lists printed in a document ("Cited by", "References") -> `CitedWork` records.

Such lists are printed alike by PubMed, PMC and publishers: an optional title line, an author +
journal line ("Yan H, Jiang N Front Oncol. 2025; 14:1522491."), then an identifier line ("PMID: …
PMC: … DOI: …"). An entry is recognised by its identifier line; the lines before it are read only
if they have the shape of an author + journal line and of a title. What is not printed stays empty.

The direction of a list (the document cites the works, or is cited by them) is read from the
heading just above it (`HEADINGS`); a list under no known heading has no direction ("") and gives
no link unless a curator states one (ontology/curation/citation_lists.tsv).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CITES = "cites"
IS_CITED_BY = "is cited by"

#: heading (whole line, case ignored) -> direction; "" = a list of works that is no citation
#: (PubMed's "Similar articles"), which ends a list without giving it a direction
HEADINGS: dict[str, str] = {
    r"cited by(?: \d+ (?:articles?|papers?))?": IS_CITED_BY,
    r"(?:articles?|papers?|works?) citing (?:this|the) (?:article|paper|work)": IS_CITED_BY,
    r"citing (?:articles?|papers?|works?)": IS_CITED_BY,
    r"references?(?: cited)?|bibliography|literature cited|works cited|reference list": CITES,
    r"similar articles|related articles|related citations|see also|recommended articles": "",
}
_HEADING = [(re.compile(rf"^\s*(?:{pattern})\s*:?\s*$", re.IGNORECASE), direction)
            for pattern, direction in HEADINGS.items()]
_PMID = re.compile(r"\bPMID:\s*(\d{1,9})\b")
_PMC = re.compile(r"\bPMC(?:ID)?:\s*(?:PMC)?(\d{1,9})\b")
_DOI = re.compile(r"\bDOI:\s*(10\.\d{4,9}/\S+?)\.?(?=\s|$)", re.IGNORECASE)
_ID_LINE = re.compile(r"^\s*(?:PMID|PMCID|PMC|DOI):", re.IGNORECASE)
#: a surname (its words capitalised, particles such as "van der" allowed) and initials: "Van der Berg K"
_AUTHOR = r"(?:[a-z]+ )*[A-Z][\w'’\-]*(?: (?:[a-z]+ )*[A-Z][\w'’\-]*)*? [A-Z]{1,3}"
_ET_AL = re.compile(r"^et al\.?$")
#: the last author, the journal and the year: "Zhang J Front Oncol. 2025; 14:1522491."
_LAST = re.compile(rf"^(?P<author>{_AUTHOR}|et al\.?) (?P<journal>[A-Z].*?)\.? (?P<year>(?:19|20)\d\d)\b")
#: a title is one line, not a paragraph: longer lines, or lines of several sentences, are running text
_TITLE_MAX = 300
_SENTENCE_BREAK = re.compile(r"[.!?] [A-Z]")


@dataclass(frozen=True)
class CitedWork:
    """A work a bibliographic list names, with what the list prints of it."""

    pmid: str = ""
    pmcid: str = ""             # with its "PMC" prefix
    doi: str = ""
    title: str = ""
    journal: str = ""
    year: str = ""
    authors: tuple[str, ...] = ()


@dataclass(frozen=True)
class CitationList:
    """Consecutive entries of one list, the heading above them and the direction it states."""

    direction: str              # CITES, IS_CITED_BY, or "" when not stated
    heading: str
    works: tuple[CitedWork, ...]


def _author_journal(line: str) -> tuple[tuple[str, ...], str, str] | None:
    """(authors, journal, year) of an author + journal line, or None when the line is not one."""
    pieces = [piece.strip() for piece in line.strip().split(", ")]
    *firsts, last = pieces
    if not all(re.fullmatch(_AUTHOR, piece) or _ET_AL.match(piece) for piece in firsts):
        return None
    match = _LAST.match(last)
    if match is None:
        return None
    authors = tuple(p for p in (*firsts, match.group("author")) if not _ET_AL.match(p))
    return authors, match.group("journal").strip(), match.group("year")


def _is_title(line: str) -> bool:
    text = line.strip()
    return (0 < len(text) <= _TITLE_MAX and not _ID_LINE.match(text) and _author_journal(text) is None
            and not _SENTENCE_BREAK.search(text.rstrip(".")) and _heading(text) is None)


def _heading(line: str) -> str | None:
    return next((direction for pattern, direction in _HEADING if pattern.match(line)), None)


def _entry(lines: list[str], at: int, floor: int) -> tuple[CitedWork, int]:
    """The entry whose identifier line is lines[at]; `floor` is the first line it may take. Returns
    the work and the index of its first line."""
    ids = lines[at]
    pmid, pmc, doi = (m.group(1) if (m := rx.search(ids)) else "" for rx in (_PMID, _PMC, _DOI))
    work = CitedWork(pmid=pmid, pmcid=f"PMC{pmc}" if pmc else "", doi=doi)
    start = at
    if at - 1 >= floor and (parsed := _author_journal(lines[at - 1])) is not None:
        authors, journal, year = parsed
        start = at - 1
        title = ""
        if at - 2 >= floor and _is_title(lines[at - 2]):
            title, start = lines[at - 2].strip().rstrip("."), at - 2
        work = CitedWork(pmid, work.pmcid, doi, title, journal, year, authors)
    return work, start


def parse_citation_lists(raw: str) -> list[CitationList]:
    """Every bibliographic list of a text, in order, with the direction its heading states."""
    lines = raw.splitlines()
    lists: list[CitationList] = []
    current: list[CitedWork] = []
    first_line = 0
    floor = 0
    last_id = -2
    for index, line in enumerate(lines):
        if not (_ID_LINE.match(line) and (_PMID.search(line) or _PMC.search(line) or _DOI.search(line))):
            continue
        work, start = _entry(lines, index, floor)
        if current and start != last_id + 1:
            lists.append(_close(lines, first_line, current))
            current = []
        if not current:
            first_line = start
        current.append(work)
        floor = last_id = index
        floor += 1
    if current:
        lists.append(_close(lines, first_line, current))
    return lists


def _close(lines: list[str], first_line: int, works: list[CitedWork]) -> CitationList:
    """The list with the heading of the nearest non-blank line above its first entry, if it is one."""
    above = next((lines[i].strip() for i in range(first_line - 1, -1, -1) if lines[i].strip()), "")
    direction = _heading(above)
    return CitationList(direction or "", above if direction is not None else "", tuple(works))
