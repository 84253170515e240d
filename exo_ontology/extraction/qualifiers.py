"""The qualifiers of a finding read from its words: study types, applications, the named pathway,
and the vesicle classes (exosome, EV, engineered, drug-loaded)."""

from __future__ import annotations

import re

from exo_ontology import vocabulary as V
from exo_ontology.extraction import cues
from exo_ontology.grounding.protocol import Grounds
from exo_ontology.model import Sentence
from exo_ontology.namespaces import compress


def study_types_of(sentence: Sentence) -> tuple[str, ...]:
    text = sentence.text + " " + sentence.context_value("status")
    return tuple(sorted({row.value for row in cues.STUDY_TYPES.every(text) if row.value}))


_THERAPY_WORDS = cues.THERAPY_WORDS
_CARRIER_WORDS = cues.CARRIER_WORDS
_MEANS_OF_TREATMENT = cues.MEANS_OF_TREATMENT


def applications_of(text: str, has_delivered_cargo: bool, has_drug: bool = False) -> tuple[str, ...]:
    """Applications the sentence states. Vesicles carrying a drug (a chemical cargo) to treat a
    disease are a delivery vehicle (the drug is the therapeutic agent, not the vesicles), even
    without a delivery word; vesicles carrying their own proteins or RNAs are not."""
    found = set()
    delivery = compress(str(V.DRUG_DELIVERY_VEHICLE))
    for row in cues.APPLICATIONS.every(text):
        if row.value == delivery and not (has_delivered_cargo or _CARRIER_WORDS.search(text)):
            continue
        found.add(str(row.value))
    if (has_drug and _THERAPY_WORDS.search(text)) or (_CARRIER_WORDS.search(text) and _MEANS_OF_TREATMENT.search(text)):
        found.add(compress(str(V.DRUG_DELIVERY_VEHICLE)))
    if compress(str(V.DRUG_DELIVERY_VEHICLE)) in found:
        found.discard(compress(str(V.THERAPEUTIC_AGENT)))
    return tuple(sorted(found))


def pathway_of(text: str, grounder: Grounds) -> tuple[tuple[str, ...], str]:
    """The signalling pathway a sentence names, grounded to GO through the names GO gives pathways;
    the phrase is kept as written either way ("PI3K/AKT signaling pathway")."""
    phrase = pathway_phrase(text)
    if not phrase:
        return (), ""
    for name in pathway_names(phrase):
        for cand in grounder.ground(name, type="process", limit=3):
            if cand.curie.startswith("GO:") and cand.status in ("label", "exact", "related") \
                    and re.search(r"signal|pathway|cascade|transduction", cand.label):
                return (cand.curie,), phrase
    return (), phrase


_NAME_TOKEN = re.compile(r"^(?=.*[A-Z0-9βκα/])[\w\-/βκα]+$")


def pathway_phrase(text: str) -> str:
    """The first pathway the text names: the name-like words (symbols, "Wnt/β-catenin") right before
    "signaling pathway", "pathway", "axis" or "cascade"; "" when no named pathway."""
    for match in cues.PATHWAY_END.finditer(text):
        words = text[:match.start()].split()
        names: list[str] = []
        while words and _NAME_TOKEN.match(words[-1]) and len(names) < 4:
            names.insert(0, words.pop())
        if names:
            return " ".join([*names, " ".join(match.group(0).split())])
    return ""


def pathway_names(phrase: str) -> list[str]:
    """Names GO may give the pathway a text writes as "A/B signaling pathway", most specific first:
    "A/B signal transduction", "A receptor signaling pathway through B" (Wnt/β-catenin), "A signaling"."""
    core = re.sub(r"\s*(?:signal(?:l)?ing\s+)?(?:pathway|axis|cascade)$", "", phrase, flags=re.IGNORECASE).strip()
    if not core:
        return []
    parts = [p for p in re.split(r"/", core) if p]
    names = [phrase, f"{core} signaling pathway", f"{core} signal transduction", f"{core} signaling"]
    if len(parts) == 2:
        first, second = parts
        names += [f"{first} receptor signaling pathway through {second}", f"{first} signaling pathway through {second}",
                  f"{first}-{second} signaling", f"{first}/{second} signal transduction"]
    return list(dict.fromkeys(names))


_EXOSOME_WORD = cues.EXOSOME_WORD
_EV_WORD = cues.EV_WORD


def vesicle_word_types(text: str) -> tuple[str, ...]:
    """The vesicle class a sentence names only by an adjective or short form ("exosomal", "EVs")."""
    return tuple(sorted({*((V.GO_EXOSOME,) if _EXOSOME_WORD.search(text) else ()),
                         *((V.GO_EXTRACELLULAR_VESICLE,) if _EV_WORD.search(text) else ())}))


_ENGINEERED = cues.ENGINEERED


def made_vesicles(text: str, vesicles: tuple[str, ...], applications: tuple[str, ...],
                   has_cargo: bool) -> tuple[str, ...]:
    """Natural vesicles the sentence says were modified are engineered ones; vesicles used to deliver
    a cargo are drug-loaded ones (EXOC classes, kept beside the natural vesicle type)."""
    if not set(vesicles) & {V.GO_EXOSOME, V.GO_EXTRACELLULAR_VESICLE}:
        return vesicles
    made = set(vesicles)
    if _ENGINEERED.search(text):
        made.add(compress(str(V.ENGINEERED_EV)))
    if has_cargo and compress(str(V.DRUG_DELIVERY_VEHICLE)) in applications:
        made.add(compress(str(V.DRUG_LOADED_EV)))
    return tuple(sorted(made))
