"""Look a text up in the grounder's index: its scored, ranked candidates, with the gene rules."""

from __future__ import annotations

import re

from exo_ontology.grounding.index import Tables
from exo_ontology.grounding.normalize import normalize
from exo_ontology.grounding.score import case_key, gene_rules, name_case_key, order, score_row
from exo_ontology.model import Candidate

_PLURAL_ACRONYM = re.compile(r"[A-Z][A-Z0-9-]*[A-Z0-9]s")


class IndexLookup:
    """Exact lookups in the index (step 3 of `grounder`): the Grounder builds its conventions,
    rewrites and back-offs on them."""

    def __init__(self, tables: Tables) -> None:
        self.tables = tables
        self.term = tables.term

    def knows(self, text: str) -> bool:
        """True when `text` has a lexicon key (a cheap test before `ground`)."""
        return normalize(text) in self.tables.keys

    def case_exact(self, text: str, strict: bool = True) -> set[str]:
        """CURIEs with a name matching `text` letter for letter, case included ("MET", not
        "met"); not `strict`: a capital first letter is forgiven ("Lung" = "lung")."""
        if not strict:
            key = case_key(text)
            return {curie for name, curie, *_ in self.tables.rows(normalize(text))
                    if name_case_key(name) == key}
        exact = normalize(text, casefold=False)
        return {curie for name, curie, *_ in self.tables.rows(exact.casefold())
                if normalize(name, casefold=False) == exact}

    def is_individual(self, curie: str) -> bool:
        """True for the edit file's named individuals (applications, study types, directions)."""
        return curie in self.tables.edit_individuals

    def _lookup(self, text: str, type: str | None, cancer: bool,
                taken: set[str] = frozenset()) -> list[Candidate]:  # type: ignore[assignment]
        """The lexicon's candidates for exactly this text (after normalisation), ranked, with the
        gene rules applied."""
        plural_acronym = bool(_PLURAL_ACRONYM.fullmatch(text))
        best: dict[str, Candidate] = {}
        exact_case: set[str] = set()
        key = case_key(text)
        for row in self.tables.rows(normalize(text)):
            cand = score_row(row, text, cancer, self.term)
            if (cand is None or cand.curie in taken or not _type_ok(cand.type, type)
                    or (plural_acronym and cand.type == "gene" and not row[0].endswith("s"))):
                continue
            if key == name_case_key(row[0]):
                exact_case.add(cand.curie)
            if cand.curie not in best or order(cand) < order(best[cand.curie]):
                best[cand.curie] = cand
        ranked = sorted(best.values(), key=order)
        if type in (None, "gene") and any(c.type == "gene" for c in ranked):
            members = self.tables.stems.get(normalize(text), frozenset())
            ranked = gene_rules(text, ranked, exact_case, members)
        return ranked


def _type_ok(found: str, wanted: str | None) -> bool:
    return found not in ("relation", "upper") if wanted is None else found == wanted
