"""Naming conventions of the project and the field, around the index lookup: cancer cells are
neoplastic cells (also "glioma cells", "PDAC cell lines"), undefined oncology abbreviations are the
disease their long form names, common names of fluids and processes are the term the lexicon names so."""

from __future__ import annotations

import re
from dataclasses import replace

from exo_ontology.grounding.cell_readings import DISEASE_CELLS, NEOPLASTIC_CELL, cancer_cell
from exo_ontology.grounding.index import band
from exo_ontology.grounding.lookup import IndexLookup
from exo_ontology.grounding.oncology import oncology_long_form
from exo_ontology.grounding.score import join
from exo_ontology.model import Candidate

CONVENTION_NOTE = "project convention: cancer and tumour cells are neoplastic cells"
#: a describing adjective before a cancer name ("hypoxic", "metastatic", "primary"), not a marker's tail
_ADJECTIVE = re.compile(r"(?!positive|negative)[a-z]+(?:ic|ed|al|ive|ous|ant|ent|ary)")


class Conventions(IndexLookup):
    """The conventions as readings of a text, each scored as a curated name with a note saying why."""

    def _oncology(self, text: str, long_form: str) -> list[Candidate]:
        """An undefined oncology abbreviation ("PDAC") is the disease its long form names, as a curated name."""
        hits = [c for c in self._lookup(long_form, "disease", True) if c.status in ("label", "exact")]
        return [replace(c, score=band("curated"), matched=text, status="curated",
                        note=join(c.note, f"oncology abbreviation of '{long_form}'")) for c in hits[:1]]

    def _convention(self, text: str) -> list[Candidate]:
        """A cancer word plus "cell(s)" -> neoplastic cell, scored as a curated name."""
        target = cancer_cell(text)
        hits = [c for c in self._lookup(target, "cell", False) if c.status == "label"] if target else []
        return [replace(c, score=band("curated"), matched=text, status="curated",
                        note=join(c.note, CONVENTION_NOTE)) for c in hits[:1]]

    def _named_as(self, text: str, type_: str, name: str) -> list[Candidate]:
        """A common name of the field ("plasma", "proliferation") is the term the lexicon names so."""
        hits = [c for c in self._lookup(name, type_, True) if c.status in ("label", "exact", "curated")]
        return [replace(c, score=band("curated"), matched=text, status="curated",
                        note=join(c.note, f"common name of '{name}'")) for c in hits[:1]]

    def _cells_of_a_cancer(self, text: str) -> list[Candidate]:
        """ "glioma cells", "PDAC cell lines": cells of a named cancer are neoplastic cells (the
        project's convention, as for "cancer cells"), scored as a curated name."""
        match = DISEASE_CELLS.fullmatch(text.strip())
        if match is None or cancer_cell(text) or self._lookup(text, "cell", False):
            return []
        words = match["disease"].split()
        term = None
        # "hypoxic glioma cells": one describing adjective may come first ("macrophages enable cancer
        # cells" is no cell name at all)
        for k in (0, 1) if len(words) > 1 and _ADJECTIVE.fullmatch(words[0]) else (0,):
            phrase = " ".join(words[k:])
            long_form = oncology_long_form(phrase)
            disease = self._oncology(phrase, long_form) if long_form else self._lookup(phrase, "disease", True)
            if disease and disease[0].status in ("label", "exact", "curated"):
                term = self.term(disease[0].curie)
                break
        if term is None or term.cancer_branch not in ("cancer", "neoplasm"):
            return []
        hits = [c for c in self._lookup(NEOPLASTIC_CELL, "cell", False) if c.status == "label"]
        return [replace(c, score=band("curated"), matched=text, status="curated",
                        note=join(c.note, f"cells of {term.label}: {CONVENTION_NOTE}")) for c in hits[:1]]
