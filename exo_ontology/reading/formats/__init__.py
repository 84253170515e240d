"""The literature formats people have, each read into `Article` records: a registry keyed by format.

A file's format is sniffed from its first bytes (gzip is looked through): `<PubmedArticleSet`,
a BioC `<collection`, JSON with "documents"/"passages", PubTator `PMID|t|Title` lines. A file no
sniffer claims is read by its name's ending, and plain text is what is left.
"""

from __future__ import annotations

import gzip
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from exo_ontology.errors import InputError, MissingInputError
from exo_ontology.reading.formats import bioc, pubmed, pubtator, text
from exo_ontology.reading.formats.article import Article, Format, base_name, doc_id_of, head_text

#: format name -> Format; sniffed in this order (text last: it claims nothing by content)
FORMATS: dict[str, Format] = {fmt.name: fmt for fmt in (
    pubmed.FORMAT, bioc.XML_FORMAT, bioc.JSON_FORMAT, pubtator.FORMAT, text.FORMAT)}


def _by_extension(path: Path) -> Format | None:
    """The format the name's longest known ending suggests."""
    name = path.name.lower()
    endings = sorted(((ending, fmt) for fmt in FORMATS.values() for ending in fmt.extensions),
                     key=lambda pair: -len(pair[0]))
    return next((fmt for ending, fmt in endings if name.endswith(ending)), None)


def detect(path: Path) -> Format:
    """The file's format, or an InputError naming the file."""
    if not path.is_file():
        raise MissingInputError(f"{path}: file not found")
    try:
        head = head_text(path)
    except (OSError, EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise InputError(f"{path}: cannot be read ({exc})") from None
    sniffed = next((fmt for fmt in FORMATS.values() if fmt.sniff(head)), None)
    if sniffed is not None:
        return sniffed
    suggested = _by_extension(path)
    if suggested is not None and suggested.container:
        names = " or ".join(fmt.label for fmt in FORMATS.values() if path.name.lower().endswith(fmt.extensions))
        raise InputError(f"{path}: named like {names}, but its first bytes are not; "
                         f"known formats: {', '.join(fmt.label for fmt in FORMATS.values())}")
    return FORMATS["text"]


def is_known(path: Path) -> bool:
    """Whether a file's name is one a directory walk reads (a known format's ending)."""
    return _by_extension(path) is not None


def iter_articles(path: Path) -> Iterator[Article]:
    """The file's articles in file order, read by its format's reader."""
    return detect(path).read(path)


def read_articles(path: Path) -> list[Article]:
    """Every article of a file; an InputError names the file when it cannot be read or holds none."""
    articles = list(iter_articles(path))
    if not articles:
        raise InputError(f"{path}: no article found in this {detect(path).label} file")
    keys = [article.key for article in articles]
    if len(set(keys)) != len(keys):
        twice = sorted(key for key, n in Counter(keys).items() if n > 1)
        raise InputError(f"{path}: article {twice[0]} appears twice in the file")
    return articles


__all__ = ["FORMATS", "Article", "Format", "base_name", "detect", "doc_id_of", "is_known", "iter_articles",
           "read_articles"]
