"""The grounder's rewrite rules: which steps each type tries, applied breadth-first.

Each rewrite is a pure function `str -> list[str]` named after what it does (`rewrite_words`
holds the steps several types share; `rewrite_cells`, `rewrite_diseases`, `rewrite_genes` and
`rewrite_processes` those of one type); `rewrites` applies them breadth-first (a rewrite of a
rewrite is tried after every single rewrite), and the grounder takes the first rewrite that
grounds, lowering its score by `REWRITE_PENALTY` per step and naming the steps in the note. Only
wording that does not change the kind of thing is rewritten: a "human", "primary" or "polarized"
macrophage is a macrophage; "metastatic breast cancer" backs off to breast cancer (broader, so
the lower score); "bone marrow mesenchymal stem cells" is CL's "mesenchymal stem cell of the
bone marrow". No rule is keyed to a particular name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from exo_ontology.grounding.normalize import normalize
from exo_ontology.grounding.rewrite_cells import add_cell, reorder_place
from exo_ontology.grounding.rewrite_diseases import (
    cause_clause,
    disease_of_context,
    drop_participle,
    insert_system,
    lymphocyte_lineage,
    marker_status,
    place_metastasis,
)
from exo_ontology.grounding.rewrite_genes import glue_abbreviation, host_gene, splice_variant
from exo_ontology.grounding.rewrite_processes import (
    disease_progression,
    drop_like,
    drop_neo,
    joined_resistance,
    osis_process,
)
from exo_ontology.grounding.rewrite_words import drop_modifier, organ_adjective, strip_parenthesised, swap_words

REWRITE_PENALTY = 0.05
MAX_STEPS = 3

#: the rewrites tried for each type, in order
RULES: dict[str, tuple[Callable[[str], list[str]], ...]] = {
    "cell": (strip_parenthesised, drop_modifier, reorder_place, swap_words, add_cell,
             organ_adjective),
    "disease": (marker_status, drop_modifier, swap_words, strip_parenthesised, drop_participle,
                place_metastasis, organ_adjective, lymphocyte_lineage, cause_clause,
                insert_system, disease_of_context),
    "gene": (splice_variant, host_gene, glue_abbreviation, strip_parenthesised),
    "process": (osis_process, drop_neo, drop_like, disease_progression, joined_resistance),
}
#: rules whose result names only part of the text (skipped when the whole must be grounded)
PARTIAL_RULES = frozenset(("disease_of_context",))
REWRITE_TYPES = frozenset(RULES)


def rewrites(text: str, type_: str, whole: bool = False) -> Iterator[tuple[str, tuple[str, ...]]]:
    """(rewritten text, names of the rules applied), breadth-first, each text once; `whole`
    leaves out PARTIAL_RULES."""
    rules = [r for r in RULES.get(type_, ()) if not (whole and r.__name__ in PARTIAL_RULES)]
    seen = {normalize(text)}
    level: list[tuple[str, tuple[str, ...]]] = [(text, ())]
    for _ in range(MAX_STEPS):
        following: list[tuple[str, tuple[str, ...]]] = []
        for current, steps in level:
            for rule in rules:
                for new in rule(current):
                    key = normalize(new)
                    if key and key not in seen:
                        seen.add(key)
                        following.append((new, (*steps, rule.__name__)))
                        yield new, (*steps, rule.__name__)
        level = following
