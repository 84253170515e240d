"""What the molecules and cells of a sentence are to its vesicles: cargo or target, source or
recipient, from the cue words around them."""

from __future__ import annotations

import re

from exo_ontology import vocabulary as V
from exo_ontology.extraction import cues
from exo_ontology.extraction.slots import (
    Kinds,
    in_vesicles,
    is_cargo,
    is_target,
    kind_of,
    silenced,
    sorts_cargo,
)
from exo_ontology.grounding.protocol import Grounds
from exo_ontology.model import Mention

CARGO_KIND_NAME = cues.CARGO_KIND_NAME
#: punctuation between the items of a list (a text shape, not a cue)
_LIST_GAP = re.compile(r"^\s*(?:\([^()]{1,20}\)\s*)?(?:,|and|or|, and|as well as)\s*(?:the\s+)?$", re.IGNORECASE)
CARRY_VERB = cues.CARRY_VERB
THERAPEUTIC_KIND = cues.THERAPEUTIC_KIND
DELIVER_VERB = cues.DELIVER_VERB


def molecule_roles(text: str, by_kind: dict[str, list[Mention]], vesicle_near: bool,
                   known_cargo: frozenset[str] = frozenset()) -> dict[str, list]:
    """Split gene, miRNA and chemical mentions into cargo and targets; a molecule the text already
    gave the vesicles as cargo stays their cargo."""
    cargo: list[tuple[Mention, str]] = []
    targets: list[Mention] = []
    for mention in by_kind.get("mirna", []):
        held = is_cargo(text, mention, vesicle_near) or in_vesicles(text, mention) or \
            cues.VESICLE_RIGHT_BEFORE.search(text[max(0, mention.start - 12):mention.start])
        if is_target(text, mention) and not held:
            targets.append(mention)
        else:
            cargo.append((mention, "mirna"))
    last: tuple[Mention, str] | None = None
    for mention in by_kind.get("gene", []):
        right_after_vesicle = cues.VESICLE_RIGHT_BEFORE.search(text[max(0, mention.start - 30):mention.start])
        known = mention.best is not None and mention.best.curie in known_cargo
        if sorts_cargo(text, mention):
            role = ""          # machinery that sorts the cargo ("hnRNPA1 packages miR-522 into exosomes")
        elif silenced(text, mention):
            role = "target"
        elif known or in_vesicles(text, mention) or (is_cargo(text, mention, vesicle_near) and (
                right_after_vesicle or not is_target(text, mention))):
            role = "cargo"
        elif is_target(text, mention):
            role = "target"
        elif last is not None and _LIST_GAP.match(text[last[0].end:mention.start]):
            role = last[1]     # "factors like IL-6, IL-8 and VEGF": the list shares its first item's role
        else:
            role = ""          # a gene with no cue ("CD97 and exosomes promote ...") is neither
        if role == "cargo":
            cargo.append((mention, "gene"))
        elif role == "target":
            targets.append(mention)
        last = (mention, role) if role else None
    for mention in by_kind.get("chemical", []):
        if CARGO_KIND_NAME.match(mention.text):   # "mRNA", "nucleotides": a kind of cargo, not a molecule
            continue
        delivered = is_cargo(text, mention, vesicle_near) or cues.DELIVERY_WORD.search(text)
        co_treatment = (cues.CO_TREATMENT_BEFORE.search(text[max(0, mention.start - 30):mention.start])
                        or cues.CO_TREATMENT_AFTER.match(text[mention.end:mention.end + 20]))
        if delivered and not co_treatment:
            cargo.append((mention, "chemical"))
    return {"cargo": cargo, "targets": targets}


#: between two cells that share a role: apposition or coordination
SAME_ROLE_GAP = cues.SAME_ROLE_GAP
#: text shapes of a coordination "T and NK cells"
_CELLS_WORD = re.compile(r"\s+cells?\b.*$", re.IGNORECASE)
_BARE_CONJUNCT = re.compile(r"\b([A-Za-z][\w+-]{0,14})\s+(?:and|or|&)\s+$")


def coordinated_cells(text: str, mentions: list[Mention], grounder: Grounds, kinds: Kinds) -> list[Mention]:
    """"T and NK cells": the bare first conjunct is a cell type too, when "<it> cells" is a cell name."""
    out = []
    taken = [(m.start, m.end) for m in mentions]
    for mention in mentions:
        if kind_of(mention, kinds) != "cell" or not _CELLS_WORD.search(mention.text):
            continue
        match = _BARE_CONJUNCT.search(text[max(0, mention.start - 25):mention.start])
        if not match:
            continue
        start = mention.start - (len(text[max(0, mention.start - 25):mention.start]) - match.start(1))
        end = start + len(match.group(1))
        if any(s < end and start < e for s, e in taken):
            continue
        cands = [c for c in grounder.ground(f"{match.group(1)} cells", type="cell", limit=1)
                 if c.status in ("label", "exact", "curated")]
        if cands:
            out.append(Mention(match.group(1), start, end, "cell", tuple(cands)))
    return out


_RELEASED_AFTER = cues.RELEASED_AFTER_TUMOUR
_HOSTS = cues.HOSTS_AFTER


def tumour_releases(text: str, mention: Mention, kinds: Kinds) -> bool:
    """"glioma-derived exosomes", "tumour exosomes", "exosomes derived from tumours": vesicles a
    neoplasm releases come from its neoplastic cells."""
    best = mention.best
    if best is None or kinds.ancestors is None:
        return False
    if best.curie != V.MONDO_NEOPLASM and V.MONDO_NEOPLASM not in kinds.ancestors(best.curie):
        return False
    after = text[mention.end:mention.end + 40]
    if _HOSTS.match(after):      # "exosomes of breast cancer patients" come from their fluids
        return False
    before = text[max(0, mention.start - 60):mention.start]
    return bool(_RELEASED_AFTER.match(after) or cues.SOURCE_AFTER.search(before))
