"""Ground a name to ranked identifiers: the steps of `Grounder.ground`, in order.

Exact lookups in the index are `lookup.IndexLookup` (scored and ordered by `score`); when nothing
matched, general rewrites (`rewrites`) and back-offs are tried. The order, and why:

1. miRNA names parsed by the grammar come first, with the scores of `mirna_resolver.MirnaResolver`.
2. Conventions the project states for a whole class of names: a cancer word plus "cell(s)"
   is CL's neoplastic cell (tests/gold/README.md, "Cells").
3. The index, with the gene rules (case, families, renamed symbols, shared aliases). A plural
   acronym ("MSCs") never grounds to a gene symbol.
4. For a cell acronym whose only reading in the lexicon is a loose related synonym ("BMSC" of
   mesenchymal stem cell), the acronym read as place + cell ("BM" + "MSC" -> mesenchymal stem
   cell of the bone marrow) when the lexicon names that composition.
5. When nothing matched, for typed queries: rewrites (modifiers, word order, organ adjectives,
   ...), then gene names by their bag of words, cell names completed by one leading word
   ("antigen presenting cell" -> professional antigen presenting cell, when only one cell
   type is named so), and cell names backed off to their head ("granulocytic MDSCs" -> MDSC).
   Each step lowers the score and says so in the note.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from exo_ontology.errors import InputError
from exo_ontology.grounding.cell_readings import (
    acronym_parts,
    head_backoff,
)
from exo_ontology.grounding.common_names import common_name
from exo_ontology.grounding.conventions import Conventions
from exo_ontology.grounding.gene_names import word_bag
from exo_ontology.grounding.index import (
    PROJECT,
    TIERS,
    Tables,
    band,
    build_tables,
    load_tables,
)
from exo_ontology.grounding.mirna import parse
from exo_ontology.grounding.mirna_resolver import MirnaResolver
from exo_ontology.grounding.normalize import normalize
from exo_ontology.grounding.oncology import oncology_long_form
from exo_ontology.grounding.rewrites import REWRITE_TYPES, rewrites
from exo_ontology.grounding.score import STATUS_RANK, case_key, join, lowered
from exo_ontology.lexicon.io import Lexicon
from exo_ontology.model import Candidate
from exo_ontology.paths import Paths

__all__ = ["EXTRA_TYPES", "PROJECT", "STATUS_RANK", "TIERS", "TYPES", "Grounder", "Tables",
           "band", "build_tables", "case_key"]

#: the --type choices
TYPES = ("disease", "gene", "mirna", "cell", "chemical", "process", "anatomy", "taxon")
#: further types a caller may filter on
EXTRA_TYPES = ("component", "exoc", "relation")
_CANCER_WORDS = re.compile(r"cancer|tumou?r|carcinom|oncolog|malignan|neoplas|metasta|sarcoma|"
                           r"leuka?emia|lymphoma|melanoma|glioma", re.IGNORECASE)
_ACRONYM = re.compile(r"h?[A-Z][A-Z-]*[A-Z]s?")
ACRONYM_STEPS = 5          # an acronym read from initials is a guess: 0.25 below its long form
MAX_REWRITES = 200
#: groundings remembered per grounder (then forgotten all at once): a document asks for the same
#: n-grams many times, and documents share most of their names (300 abstracts: about 2,600; an
#: answer with its candidates takes a few kB, so the memo stays within some tens of MB)
GROUNDED_CACHE = 1 << 14
#: statuses trusted when a back-off or completion reads a cell name
_TRUSTED = ("label", "exact", "curated", "related")


class Grounder(Conventions):
    """Text -> ranked candidates. Build once; each lookup is a dict access plus scoring."""

    def __init__(self, lexicon: Lexicon | None, edit_file: Path | None = None,
                 tables: Tables | None = None, mirna: MirnaResolver | None = None) -> None:
        if tables is None:
            if lexicon is None:
                raise InputError("Grounder needs a lexicon or prebuilt tables")
            tables = build_tables(lexicon, edit_file)
        super().__init__(tables)
        # `mirna`: a resolver already indexed over these tables' miRNAs (the reader snapshot's)
        self.mirna = mirna or MirnaResolver(tables.mirnas, tables.history, tables.term)
        self._words_cache: dict[str, set[str]] | None = None
        self._grounded: dict[tuple[str, str | None, bool, int, bool], tuple[Candidate, ...]] = {}

    @classmethod
    def from_paths(cls, paths: Paths) -> Grounder:
        """The project's grounder (ontology/lexicon + exoc-edit.ttl), built once per process and
        cached on disk (see grounding.index)."""
        return _grounder_for(Paths(Path(paths.root).resolve()))

    def ground(self, text: str, type: str | None = None, context: str = "",
               limit: int = 10, whole: bool = False) -> list[Candidate]:
        """Ranked candidates for `text`, best first; [] when nothing matches.

        `type` keeps only candidates of that type (TYPES or EXTRA_TYPES); `context` (words
        around the text) biases the ranking: cancer words prefer MONDO cancers. `whole`: the
        answer must name the whole text, so rewrites that keep only part of it ("tumor
        microenvironment" -> tumor) are not tried (the long form of an abbreviation).
        """
        if type is not None and type not in TYPES and type not in EXTRA_TYPES:
            raise InputError(f"type {type!r}: use one of {', '.join(TYPES + EXTRA_TYPES)}")
        text = text.strip()
        if not text:
            return []
        # the answer depends on the context only through this flag, so it is the memo's key
        cancer = _about_cancer(context)
        key = (text, type, cancer, limit, whole)
        found = self._grounded.get(key)
        if found is None:
            if len(self._grounded) >= GROUNDED_CACHE:
                self._grounded.clear()
            found = self._grounded[key] = tuple(self._ground(text, type, cancer, limit, whole))
        return list(found)

    def _ground(self, text: str, type: str | None, cancer: bool, limit: int, whole: bool) -> list[Candidate]:
        first = self._ground_mirna(text) if type in (None, "mirna", "gene") else []
        if type == "gene":
            first = [c for c in first if c.type == "gene"]
        if type == "mirna" and first:
            return first[:limit]
        if type in (None, "disease") and (long_form := oncology_long_form(text)):
            named = self._oncology(text, long_form)
            if named:
                return named[:limit]
        # a process word read in running text ("progression" of "progression-free survival") is left to
        # the extraction's effect phrases; asked for a process, the common name is the process
        if type in (None, "anatomy", "process") and (common := common_name(text, type or "anatomy")):
            named = self._named_as(text, *common)
            if named:
                return named[:limit]
        if type in (None, "cell") and (neoplastic := self._cells_of_a_cancer(text)):
            return neoplastic[:limit]     # asked of the text as written, never of a rewrite of it
        found = [*first, *self._direct(text, type, cancer, {c.curie for c in first})]
        if not found and type in REWRITE_TYPES:
            found = self._rewritten(text, type, cancer, whole)
        if not found and type in ("gene", "cell"):
            found = self._backed_off(text, type)
        return found[:limit]

    def knows(self, text: str) -> bool:
        """True when `text` has a lexicon key or is an oncology abbreviation (a cheap test before `ground`)."""
        return super().knows(text) or oncology_long_form(text) is not None

    # ---- steps 2-4: conventions and acronym composition around the index lookup ---------------
    def _direct(self, text: str, type: str | None, cancer: bool,
                taken: set[str] = frozenset()) -> list[Candidate]:  # type: ignore[assignment]
        """Conventions first, then the index (with the acronym composition for cells)."""
        found = self._lookup(text, type, cancer, taken)
        if type not in (None, "cell"):
            return found
        convention = self._convention(text)
        if convention:
            return [*convention, *(c for c in found if c.curie != convention[0].curie)]
        return self._composed_first(text, found)

    def _composed_first(self, text: str, found: list[Candidate]) -> list[Candidate]:
        """Step 4 of the module docstring: a place + cell reading of an acronym beats a cell
        reached only through a related synonym (CL lists "BMSC" loosely under MSC)."""
        cells = [c for c in found if c.type == "cell"]
        if not cells or cells[0].status != "related" or not _ACRONYM.fullmatch(text):
            return found
        composed = self._composed(text)
        if len(composed) != 1 or composed[0].curie == cells[0].curie:
            return found
        best = replace(composed[0], score=round(cells[0].score + 0.005, 4), note=join(
            composed[0].note, f"acronym read as place + cell; CL lists {text!r} only as a "
            f"related synonym of {cells[0].label}"))
        return [best, *(c for c in found if c.curie != best.curie)]

    # ---- step 5: rewrites and back-offs --------------------------------------------------------
    def _rewritten(self, text: str, type: str, cancer: bool, whole: bool) -> list[Candidate]:
        """The first general rewrite of `text` that grounds (grounding.rewrites), scored lower."""
        for count, (new, steps) in enumerate(rewrites(text, type, whole)):
            if count >= MAX_REWRITES:
                break
            found = self._direct(new, type, cancer) or (
                self._acronym(new) if type == "cell" else [])
            if found:
                return lowered(found, len(steps), f"{' + '.join(steps)}: {new!r}")
        if type == "cell":
            return lowered(self._acronym(text), ACRONYM_STEPS, "acronym read from the lexicon")
        return []

    def _backed_off(self, text: str, type: str) -> list[Candidate]:
        """Gene names by their bag of words; cell names completed by a leading word, or backed
        off to their head (a broader cell type, one step lower per word dropped)."""
        if type == "gene":
            return self._bag(text)
        completed = self._completed(text)
        if completed:
            return completed
        for shorter, dropped in head_backoff(text):
            found = [c for c in (self._direct(shorter, "cell", False)
                                 or self._rewritten(shorter, "cell", False, True))
                     if c.status in _TRUSTED or "rewritten" in c.note]
            if found:
                return lowered(found[:1], dropped + 1, f"head of the name: {shorter!r}; broader")
        return []

    def _bag(self, text: str) -> list[Candidate]:
        """The one gene whose full name has the same words (order and an isoform number
        aside), scored one rewrite step below that name; nothing when several genes do, or
        when a number was set aside and another gene's name also holds every word of the text
        ("sigma receptor": sigma-1 and sigma-2 receptors are two genes)."""
        pairs = self.tables.bag(text)
        if len({curie for _name, curie in pairs}) != 1:
            return []
        name, curie = pairs[0]
        if word_bag(name) != word_bag(text) and self._holding(text) != {curie}:
            return []
        found = [c for c in self._lookup(name, "gene", False) if c.curie == curie]
        return lowered(found, 1, f"same words as {name!r}")

    def _holding(self, text: str) -> set[str]:
        """The genes with a full name that holds every word of `text`."""
        if self._words_cache is None:
            index: dict[str, set[str]] = {}
            for key, flat in self.tables.bags[0].items():
                for word in key.split():
                    index.setdefault(word, set()).update(flat[1::2])
            self._words_cache = index
        words = word_bag(text, numbers=True).split()
        found = [self._words_cache.get(w, set()) for w in words]
        return set.intersection(*found) if found else set()

    def _completed(self, text: str) -> list[Candidate]:
        """The one cell type whose label or exact synonym is `text` after one more leading word
        ("antigen presenting cell" -> "professional antigen presenting cell")."""
        curies = self.tables.tails.get(normalize(text), frozenset())
        if len(curies) != 1:
            return []
        curie = next(iter(curies))
        found = [c for c in self._lookup(self.tables.term_rows[curie][0], "cell", False)
                 if c.curie == curie]
        return lowered(found, 2, "completed by a leading word")

    def _acronym(self, text: str) -> list[Candidate]:
        """A cell acronym read through the lexicon: the initials of exactly one cell type's
        label or exact synonym ("DCs" -> dendritic cell), else the place + cell composition."""
        index = self.tables.initials
        core = text[:-1] if text.endswith("s") and text[:-1].isupper() else text
        cells = index.get(("cell", core), frozenset())
        if len(cells) == 1:
            return self._lookup(self.tables.term_rows[next(iter(cells))][0], "cell", False)
        return self._composed(text)

    def _composed(self, text: str) -> list[Candidate]:
        """A place acronym + cell acronym whose composition CL names, for exactly one place
        ("BM-MSCs" -> mesenchymal stem cell of the bone marrow; UBERON supplies the place)."""
        index = self.tables.initials
        hits: dict[str, Candidate] = {}
        for place_abbr, cell_abbr in acronym_parts(text):
            cell_names = {self.tables.term_rows[c][0] for c in index.get(("cell", cell_abbr), ())}
            cell_names |= {c.label for c in self._lookup(cell_abbr, "cell", False)
                           if c.status in _TRUSTED}
            places = {self.tables.term_rows[c][0] for c in index.get(("anatomy", place_abbr), ())}
            for cell in cell_names:
                for place in places:
                    for form in (f"{cell} of the {place}", f"{cell} of {place}"):
                        for c in self._lookup(form, "cell", False):
                            if c.status in ("label", "exact"):
                                hits.setdefault(c.curie, c)
        return list(hits.values()) if len(hits) == 1 else []

    def _ground_mirna(self, text: str) -> list[Candidate]:
        out: list[Candidate] = []
        for name in parse(text):
            out += [c for c in self.mirna.resolve(name) if c.curie not in {o.curie for o in out}]
        return out


@lru_cache(maxsize=1 << 12)
def _about_cancer(context: str) -> bool:
    """True when the words around a name speak of cancer (a sentence is asked about many times)."""
    return bool(_CANCER_WORDS.search(context))


@lru_cache(maxsize=4)
def _grounder_for(paths: Paths) -> Grounder:
    return Grounder(None, tables=load_tables(paths))
