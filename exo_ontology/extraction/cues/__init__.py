"""The cue table: every named rule of the extraction, as data rows (name, slot, pattern, value, example).

Rows live by family in `directions`, `roles`, `effects`, `qualifiers` and `gates`; this module joins
them into `TABLE` (names unique) and gives each family as a `CueSet` under the name the extraction
code uses. A rule is added by adding a row. `tests/test_cue_table.py` runs every row on its example.
"""

from __future__ import annotations

from exo_ontology.extraction.cues import directions, effects, gates, qualifiers, roles
from exo_ontology.extraction.cues.model import Cue, CueSet, recording, scan

__all__ = ["TABLE", "Cue", "CueSet", "recording", "scan"]

_FAMILIES: dict[str, tuple[Cue, ...]] = {
    name: rows
    for module in (directions, roles, effects, qualifiers, gates)
    for name, rows in vars(module).items()
    if name.isupper() and isinstance(rows, tuple) and rows and all(isinstance(r, Cue) for r in rows)
}
#: every row, in family order
TABLE: tuple[Cue, ...] = tuple(row for rows in _FAMILIES.values() for row in rows)


def _check_names() -> None:
    seen: set[str] = set()
    for row in TABLE:
        if row.name in seen:
            raise ValueError(f"cue table: the name {row.name!r} is used twice")
        seen.add(row.name)


_check_names()

# the families, as the extraction code reads them
PROMOTE = CueSet(tuple(r for r in directions.EFFECT_DIRECTION if r.value == "promotes"))
INHIBIT = CueSet(tuple(r for r in directions.EFFECT_DIRECTION if r.value == "inhibits"))
NEUTRAL = CueSet(directions.NEUTRAL)
NEUTRAL_MODIFIER = CueSet(directions.NEUTRAL_MODIFIER)
INHIBITING_PREFIX = CueSet(directions.INHIBITING_PREFIX)
COMPARATIVE_UP = CueSet(directions.COMPARATIVE_UP)
LOSS_OF_FUNCTION = CueSet(directions.LOSS_OF_FUNCTION)
POSTPOSED = CueSet(directions.POSTPOSED)
UPREGULATE = CueSet(directions.TARGET_UP)
DOWNREGULATE = CueSet(directions.TARGET_DOWN)

SOURCE_BEFORE = CueSet(roles.SOURCE_AFTER_CELL)     # words after the cell: "<cell>-derived exosomes"
SOURCE_AFTER = CueSet(roles.SOURCE_BEFORE_CELL)     # words before the cell: "exosomes from <cell>"
RECIPIENT_BEFORE = CueSet(roles.RECIPIENT_BEFORE_CELL)
RECIPIENT_PROCESS = CueSet(roles.RECIPIENT_PROCESS)
RECIPIENT_PASSIVE = CueSet(roles.RECIPIENT_PASSIVE)
CARGO_BEFORE = CueSet(roles.CARGO_BEFORE)
CARGO_AFTER = CueSet(roles.CARGO_AFTER)
CARGO_PASSIVE = CueSet(roles.CARGO_PASSIVE)
TARGET_BEFORE = CueSet(roles.TARGET_BEFORE)
CELL_MARKER_AFTER = CueSet(roles.CELL_MARKER_AFTER)
CARGO_KIND_NAME = CueSet(roles.CARGO_KIND_NAME)
CARRY_VERB = CueSet(roles.CARRY_VERB)
THERAPEUTIC_KIND = CueSet(roles.THERAPEUTIC_KIND)
DELIVER_VERB = CueSet(roles.DELIVER_VERB)
CO_TREATMENT_BEFORE = CueSet(roles.CO_TREATMENT_BEFORE)
CO_TREATMENT_AFTER = CueSet(roles.CO_TREATMENT_AFTER)
DELIVERY_WORD = CueSet(roles.DELIVERY_WORD)
SAME_ROLE_GAP = CueSet(roles.SAME_ROLE_GAP)
RELEASED_AFTER_TUMOUR = CueSet(roles.RELEASED_AFTER_TUMOUR)
HOSTS_AFTER = CueSet(roles.HOSTS_AFTER)
VESICLE_RIGHT_BEFORE = CueSet(roles.VESICLE_RIGHT_BEFORE)
VESICLE_RIGHT_AFTER = CueSet(roles.VESICLE_RIGHT_AFTER)
SILENCER_AFTER = CueSet(roles.SILENCER_AFTER)
TARGET_AFTER = CueSet(roles.TARGET_AFTER)
TARGET_UP_AFTER = CueSet(roles.TARGET_UP_AFTER)
CARGO_AMOUNT_BEFORE = CueSet(roles.CARGO_AMOUNT_BEFORE)
SILENCED_AFTER = CueSet(roles.SILENCED_AFTER)
SORTER_AFTER = CueSet(roles.SORTER_AFTER)
SORTER_BEFORE = CueSet(roles.SORTER_BEFORE)
LIST_IN_VESICLES = CueSet(roles.LIST_IN_VESICLES)

EFFECT_PHRASES = CueSet(effects.EFFECT_PHRASES)
CELL_PROCESS_BEFORE = CueSet(effects.CELL_PROCESS_BEFORE)
CELL_THEN_PROCESS = CueSet(effects.CELL_THEN_PROCESS)
NEUTRAL_NOUN = CueSet(effects.NEUTRAL_NOUN)
PROCESS_EXAMPLES = CueSet(effects.PROCESS_EXAMPLES)
PATHWAY_END = CueSet(effects.PATHWAY_END)

STUDY_TYPES = CueSet(qualifiers.STUDY_TYPES)
APPLICATIONS = CueSet(qualifiers.APPLICATIONS)
THERAPY_WORDS = CueSet(qualifiers.THERAPY_WORDS)
THERAPEUTIC_PAYLOAD = CueSet(qualifiers.THERAPEUTIC_PAYLOAD)
CARRIER_WORDS = CueSet(qualifiers.CARRIER_WORDS)
MEANS_OF_TREATMENT = CueSet(qualifiers.MEANS_OF_TREATMENT)
EXOSOME_WORD = CueSet(qualifiers.EXOSOME_WORD)
EV_WORD = CueSet(qualifiers.EV_WORD)
ENGINEERED = CueSet(qualifiers.ENGINEERED)
CARGO_TYPE_WORDS = CueSet(qualifiers.CARGO_TYPE_WORDS)
SPECIFIC_CARGO_TYPE_WORDS = CueSet(qualifiers.CARGO_TYPE_WORDS[:7])   # through "DNA"
DRUG_WORD = CueSet(qualifiers.DRUG_WORD)
VESICLE_KIND = CueSet(qualifiers.VESICLE_KIND)
CARGO_VERB = CueSet(qualifiers.CARGO_VERB)
CARRIES_KIND = CueSet(qualifiers.CARRIES_KIND)

NOT_A_CLAIM = CueSet(gates.NOT_A_CLAIM)
HEDGED = CueSet(gates.HEDGED)
ANAPHORA = CueSet(gates.ANAPHORA)
THEY = CueSet(gates.THEY)
NOT_THE_VESICLES = CueSet(gates.NOT_THE_VESICLES)
NOT_AN_APPLICATION_CLAIM = CueSet(gates.NOT_AN_APPLICATION_CLAIM)
PARTITIVE = CueSet(gates.PARTITIVE)
CLAUSE_BREAK = CueSet(gates.CLAUSE_BREAK)
VESICLE_WORDS = CueSet(gates.VESICLE_WORDS)
