"""The context a sentence inherits a disease from: its table row, its section heading, the
document title."""

from __future__ import annotations

import re

from exo_ontology.extraction.slots import (
    Kinds,
    ids,
    kind_of,
    most_specific,
)
from exo_ontology.grounding.protocol import Grounds
from exo_ontology.model import Mention, Sentence, SourceDoc

_COORDINATED = re.compile(r"^\s*([\w-]+)\s+(?:and|or|&)\s+([\w-]+)\s+(.+)$", re.IGNORECASE)


#: diseases a text names when it means whichever cancer the paper is about ("tumour", "cancer")
GENERIC_DISEASES = frozenset({"MONDO:0005070", "MONDO:0004992", "MONDO:0004993"})


class DiseaseContext:
    """The disease a sentence means when it names none, or only a generic one ("the tumour"): that of
    its section's heading ("7. Exosomes and cancer drug resistance"), else the specific disease the
    text last named in the section, else that of the document's title (the manifest's, or the first
    line of a text that has none: a title)."""

    def __init__(self, doc: SourceDoc, grounder: Grounds, kinds: Kinds,
                 first_line: list[Mention] | None = None) -> None:
        self._grounder, self._kinds = grounder, kinds
        self._cache: dict[str, tuple[str, ...]] = {}
        self._title = self._named(doc.title) or (self._specific(first_line) if first_line else ())
        self._running: tuple[str, tuple[str, ...]] = ("", ())    # (section, diseases)

    def diseases(self, sentence: Sentence) -> tuple[str, ...]:
        running = self._running[1] if self._running[0] == sentence.section else ()
        return self._named(sentence.section) or self._title or running

    def observe(self, sentence: Sentence, mentions: list[Mention]) -> None:
        """Remember the specific diseases a sentence names, for the sentences after it."""
        specific = self._specific(mentions)
        if specific:
            self._running = (sentence.section, specific)

    def _specific(self, mentions: list[Mention]) -> tuple[str, ...]:
        named = most_specific(ids([m for m in mentions if kind_of(m, self._kinds) == "disease"]), self._kinds)
        return tuple(d for d in named if d not in GENERIC_DISEASES)

    def _named(self, text: str) -> tuple[str, ...]:
        text = " ".join(text.split())
        if text and text not in self._cache:
            found = line_mentions(text, self._grounder)
            self._cache[text] = most_specific(ids([m for m in found if kind_of(m, self._kinds) == "disease"]),
                                              self._kinds)
        return self._cache.get(text, ())


def line_mentions(text: str, grounder: Grounds, doc_id: str = "") -> list[Mention]:
    """Mentions of one line read outside the running text (a heading, a title, a table cell)."""
    from exo_ontology.grounding.recognize import recognize

    line = Sentence(doc_id=doc_id, index=-1, text=text, raw_start=0, raw_end=len(text))
    return recognize([line], grounder).get(-1, [])  # type: ignore[arg-type]


def table_mentions(sentence: Sentence, grounder: Grounds) -> list[Mention]:
    """Mentions in a table row's origin cell (the application cell is the sentence itself)."""
    origin = sentence.context_value("origin")
    return line_mentions(origin, grounder, sentence.doc_id) if origin else []


def inherited_disease(sentence: Sentence, grounder: Grounds) -> tuple[str, ...]:
    """Disease of the table row ("Pancreatic and Colorectal cancer" gives both)."""
    text = " ".join(sentence.context_value("disease").split())
    if not text:
        return ()
    parts = [text]
    match = _COORDINATED.match(text)
    if match:
        parts = [f"{match.group(1)} {match.group(3)}", f"{match.group(2)} {match.group(3)}"]
    out = []
    for part in parts:
        part = re.sub(r"\(.*?\)|\(.*$", "", part).strip()
        best = grounder.ground(part, type="disease", limit=1)
        if best and best[0].curie.startswith("MONDO:"):
            out.append(best[0].curie)
    return tuple(sorted(set(out)))
