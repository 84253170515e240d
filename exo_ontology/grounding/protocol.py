"""The services grounding offers the later stages, as Protocols: they depend on what is asked, not on a class."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from exo_ontology.lexicon.records import Term
from exo_ontology.model import Candidate


class Grounds(Protocol):
    """Anything that turns a name into ranked identifier candidates (the Grounder, a test stub)."""

    def ground(self, text: str, type: str | None = None, context: str = "",
               limit: int = 10, whole: bool = False) -> list[Candidate]: ...


class KnowsTerms(Protocol):
    """Read access to the lexicon's terms and their hierarchy."""

    def term(self, curie: str) -> Term | None: ...

    def terms(self) -> Iterable[Term]: ...

    def ancestors(self, curie: str) -> list[str]: ...
