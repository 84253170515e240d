"""PubMed XML (`PubmedArticleSet`: the annual baseline and daily update files, often gzipped).

Read with iterparse, one `PubmedArticle` at a time, so a baseline file of 30,000 articles never sits
in memory as one tree. `DeleteCitation` blocks of update files are not applied: a deletion is news
about the PubMed database, not text to read. Books (`PubmedBookArticle`) are not read.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from exo_ontology.errors import InputError
from exo_ontology.reading.formats.article import Article, Format, open_bytes

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _text(elem: ET.Element | None) -> str:
    """All text inside an element (inline markup such as <i> and <sup> dropped), spaces squeezed."""
    if elem is None:
        return ""
    return " ".join("".join(elem.itertext()).split())


def _authors(article: ET.Element) -> str:
    names = []
    for author in article.iterfind("AuthorList/Author"):
        collective = _text(author.find("CollectiveName"))
        surname = _text(author.find("LastName"))
        initials = _text(author.find("Initials"))
        name = collective or " ".join(part for part in (surname, initials) if part)
        if name:
            names.append(name)
    return ", ".join(names)


def _year(article: ET.Element) -> str:
    issue = article.find("Journal/JournalIssue/PubDate")
    if issue is not None:
        year = _text(issue.find("Year")) or _text(issue.find("MedlineDate"))
        if match := _YEAR.search(year):
            return match.group(1)
    for date in article.iterfind("ArticleDate"):
        if match := _YEAR.search(_text(date.find("Year"))):
            return match.group(1)
    return ""


def _ids(entry: ET.Element) -> dict[str, str]:
    """Identifiers by type (doi, pmc, ...) from ArticleIdList, then the article's ELocationIDs."""
    ids: dict[str, str] = {}
    for elem in entry.iterfind("PubmedData/ArticleIdList/ArticleId"):
        ids.setdefault(elem.get("IdType", ""), _text(elem))
    for elem in entry.iterfind("MedlineCitation/Article/ELocationID"):
        if elem.get("ValidYN", "Y") == "Y":
            ids.setdefault(elem.get("EIdType", ""), _text(elem))
    return ids


def _abstract(article: ET.Element) -> list[str]:
    paragraphs = []
    for part in article.iterfind("Abstract/AbstractText"):
        body = _text(part)
        label = (part.get("Label") or "").strip()
        if body:
            paragraphs.append(f"{label}: {body}" if label else body)
    return paragraphs


def article_of(entry: ET.Element) -> Article | None:
    """One `PubmedArticle` element -> Article: title, blank line, the abstract's paragraphs one a line."""
    pmid = _text(entry.find("MedlineCitation/PMID"))
    article = entry.find("MedlineCitation/Article")
    if not pmid or article is None:
        return None
    title = _text(article.find("ArticleTitle")) or _text(article.find("VernacularTitle"))
    text = "\n".join([title, "", *_abstract(article)]) + "\n"
    ids = _ids(entry)
    pmc = ids.get("pmc", "")
    journal = _text(article.find("Journal/Title")) or _text(article.find("Journal/ISOAbbreviation"))
    return Article(key=f"pmid:{pmid}", text=text, title=title, authors=_authors(article), year=_year(article),
                   journal=journal, doi=ids.get("doi", ""), pmid=pmid,
                   pmcid=pmc if not pmc or pmc.startswith("PMC") else f"PMC{pmc}")


def read_pubmed(path: Path) -> Iterator[Article]:
    """Each PubmedArticle of the file, in file order."""
    try:
        with open_bytes(path) as handle:
            root: ET.Element | None = None
            for event, elem in ET.iterparse(handle, events=("start", "end")):
                if root is None:
                    root = elem
                if event == "end" and elem.tag == "PubmedArticle":
                    found = article_of(elem)
                    if found is not None:
                        yield found
                    # the finished article is dropped from the tree so memory stays bounded
                    root.clear()
    except ET.ParseError as exc:
        line, column = exc.position
        raise InputError(f"{path} line {line}, column {column}: not well-formed PubMed XML ({exc})") from None
    except (OSError, EOFError) as exc:
        raise InputError(f"{path}: cannot be read ({exc})") from None


def _sniff(head: str) -> bool:
    return "<PubmedArticleSet" in head[:4096]


FORMAT = Format("pubmed_xml", "PubMed XML", (".xml", ".xml.gz"), _sniff, read_pubmed)
