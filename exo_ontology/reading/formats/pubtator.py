"""The PubTator text format: `PMID|t|Title`, `PMID|a|Abstract`, then one tab-separated annotation a line
(`PMID start end text type identifier`), a blank line between articles.

PubTator counts offsets in "title + one space + abstract"; the article's text here is "title, blank
line, abstract", so offsets past the title move by one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from exo_ontology.errors import InputError
from exo_ontology.reading.annotations import Annotation
from exo_ontology.reading.formats.article import Article, Format, open_bytes
from exo_ontology.reading.formats.entities import annotation_of

_TEXT_LINE = re.compile(r"^(?P<pmid>\d+)\|(?P<kind>[ta])\|(?P<text>.*)$")


class _Block:
    """The lines of one article while it is read."""

    def __init__(self, pmid: str) -> None:
        self.pmid = pmid
        self.title = ""
        self.abstract = ""
        self.spans: list[tuple[int, int, str, str, str]] = []

    def article(self) -> Article:
        text = f"{self.title}\n\n{self.abstract}\n"
        annotations: list[Annotation] = []
        for start, end, surface, type_, identifier in self.spans:
            shift = 0 if start < len(self.title) else 1
            made = annotation_of(surface, type_, identifier, "PubTator", start + shift, end + shift)
            if made is not None and text[made.raw_start:made.raw_end] == surface:
                annotations.append(made)
        return Article(key=f"pmid:{self.pmid}", text=text, title=self.title, pmid=self.pmid,
                       annotations=tuple(annotations))


def read_pubtator(path: Path) -> Iterator[Article]:
    """Each article of a PubTator file, in file order."""
    with open_bytes(path) as handle:
        data = handle.read()
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 (byte offset {exc.start})") from None
    block: _Block | None = None
    for line_no, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        if match := _TEXT_LINE.match(line):
            if block is None or block.pmid != match.group("pmid"):
                if block is not None:
                    yield block.article()
                block = _Block(match.group("pmid"))
            setattr(block, "title" if match.group("kind") == "t" else "abstract", match.group("text"))
            continue
        cells = line.split("\t")
        if block is None or len(cells) < 5 or cells[0] != block.pmid \
                or not (cells[1].isdigit() and cells[2].isdigit()):
            raise InputError(f"{path} line {line_no}: not a PubTator line (expected PMID|t|title, "
                             "PMID|a|abstract or PMID<TAB>start<TAB>end<TAB>text<TAB>type<TAB>id)")
        block.spans.append((int(cells[1]), int(cells[2]), cells[3], cells[4], cells[5] if len(cells) > 5 else ""))
    if block is not None:
        yield block.article()


def _sniff(head: str) -> bool:
    return _TEXT_LINE.match(head.split("\n", 1)[0].rstrip("\r")) is not None


FORMAT = Format("pubtator", "PubTator", (".pubtator", ".pubtator.txt", ".pubtator.gz"), _sniff, read_pubtator)
