"""Cue rows for roles: which cell is the vesicles' source or recipient, which molecule is their cargo or a target.

The `*-before` rows are matched on the words before a mention (they end in `$`), the `*-after` rows on
the words after it (they start with `^`); the examples show such a window.
"""

from __future__ import annotations

from exo_ontology.extraction.cues.model import Cue

_VESICLE = r"(?:exosom|EVs?\b|extracellular vesicles|vesicles)"

SOURCE_AFTER_CELL = (
    Cue("derived-from-cell", "source_cell",
        r"^[\s-]*(?:-?derived|-?secreted|-?released|-?excreted|-?produced|cell-?derived|cells?(?:-derived)?|exosom|"
        r"EVs?\b|extracellular|deriving|-competent|(?:cells?\s+)?(?:release|secrete|produce|shed)|"
        r"(?:-\s*)?(?:and|or)\s+[\w-]+?-(?:derived|secreted|released))",
        "source", "-derived exosomes"),
)
SOURCE_BEFORE_CELL = (
    Cue("vesicles-from-cell", "source_cell",
        r"\b(?:exosom\w*|EVs?|sEVs?|vesicles?|exos?)\s+(?:(?:[\w-]+\s+){0,3}?(?:\w+ly\s+)?"
        r"(?:derived|released|secreted|produced|made|obtained|isolated|recovered|shed|generated|"
        r"originating|purified|collected|extracted)\s+)?(?:from|by|of)\s+(?:the\s+|human\s+)?"
        # "exosomes derived from TME components, including macrophages"
        r"(?:(?:[\w-]+\s+){0,3}?[\w-]+,\s+(?:including|such as|e\.g\.,?|like|namely)\s+)?$",
        "source", "Exosomes isolated from "),
)
RECIPIENT_BEFORE_CELL = (
    Cue("acts-on-cell", "recipient_cell",
        r"\b(?:to|into|in|on|of|by|towards|activate|activating|polarize|reprogram|"
        r"convert|target\w*|absorbed by|uptake by|enabl\w*|allow\w*|help\w*|aid\w*|kill\w*|"
        r"eliminat\w*|sensiti[sz]\w*|render\w*|reach\w*|enter\w*)\s*(?:the\s+|human\s+|"
        r"recipient\s+|surrounding\s+|nearby\s+|healthy\s+|sensitive\s+|"
        r"[\w+]+-(?:positive|negative|resistant|sensitive)\s+)?$",
        "recipient", "The vesicles were taken up by recipient "),
)
RECIPIENT_PROCESS = (
    Cue("cell-process-noun", "recipient_cell",
        r"^\s+(?:proliferation|activation|activity|differentiation|migration|recruitment|"
        r"expansion|infiltration|polari[sz]ation|apoptosis|death|exhaustion|function)\b",
        "recipient", " proliferation was suppressed"),
)
RECIPIENT_PASSIVE = (
    Cue("cell-passive-by-vesicles", "recipient_cell",
        r"^[^.;]{0,80}?\b(?:were|was|are|is|been|be|being)\s+(?:[\w,]+\s+){0,4}?"
        r"\w+ed\s+by\s+(?:the\s+)?(?:\w+\s+)?(?:exosom|EVs?\b|extracellular vesicles)",
        "recipient", " were killed by exosomes loaded with a drug"),
)

CARGO_BEFORE = (
    Cue("cargo-word-before", "cargo",
        r"(?:exosom(?:al|ic|e)|EV|vesicular|containing|contain|contains|carrying|carry|carries|"
        r"loaded with|loaded|deliver(?:ing|ed|s)?|transport(?:ing|s)?|transfer(?:ring|s)?|"
        r"with|encapsulat\w*|enriched (?:in|on|with)|packag\w*(?: into)?|including|transfer of|"
        r"such as|like|(?:exosom\w*|EVs?|vesicles)\s+(?:\w+\s+)?express(?:ing)?)"
        r"\s*(?:the\s+|anti-?\w+\s+|exogenous\s+)?(?:[a-z]+\s+)?$",
        "cargo", "Exosomes loaded with "),
)
CARGO_AFTER = (
    Cue("cargo-carried-in-vesicles", "cargo",
        r"^\s*(?:\([^()]{1,15}\)\s*)?,?\s*(?:carried|packaged|contained|enriched|present|transported|delivered|shuttled|"
        r"loaded|sorted)\s+(?:\w+\s+)?(?:in|within|by|into|via|through|on)\s+(?:the\s+)?(?:\w+\s+)?" + _VESICLE,
        "cargo", " packaged into exosomes"),
    Cue("cargo-hyphen-vesicles", "cargo",
        r"^\s*(?:-?loaded|-?containing|-?competent|-?enriched|-?carrying|-?expressing|-?overexpressing)\b|"
        r"^-?(?:positive|bearing|rich)\s+(?:\w+\s+)?(?:exosom|EVs?\b|sEVs?\b|extracellular vesicles)",
        "cargo", "-containing extracellular vesicles"),
    Cue("cargo-in-vesicles", "cargo",
        r"^\s*(?:\([^()]{1,15}\)\s*)?(?:proteins?\s+|levels?\s+)?(?:in|within|from|inside|on)\s+(?:the\s+)?"
        r"(?:\w+\s+){0,2}?(?:exosom|EVs?\b|extracellular vesicles|exo\b)",
        "cargo", " levels in serum exosomes"),
)
CARGO_PASSIVE = (
    Cue("cargo-passive-by-vesicles", "cargo",
        r"^[^.;]{0,40}?\b(?:is|are|was|were|be|being)\s+(?:\w+ly\s+)?(?:transferred|delivered|"
        r"carried|transported|packaged|loaded|sorted|shuttled|secreted|released|enriched)\s+"
        r"(?:\w+\s+){0,2}?(?:by|via|in|into|through|within)\s+(?:the\s+)?(?:\w+\s+)?" + _VESICLE,
        "cargo", " from resistant cells may be transferred by exosomes"),
)
TARGET_BEFORE = (
    Cue("acts-on-gene", "target",
        r"(?:target(?:s|ing|ed)?|regulat\w*|suppress\w*|inhibit\w*|downregulat\w*|"
        r"down-regulat\w*|upregulat\w*|up-regulat\w*|activat\w*|expression of|levels? of|"
        r"increas\w*|decreas\w*|reduc\w*|silenc\w*|eliminat\w*|delet\w*|deplet\w*|"
        r"knock\w*(?: down)?|knockdown of|overexpress\w*|via|through|by|on|of|bind\w* to)\s*"
        r"(?:the\s+)?(?:expression of\s+|product of\s+)?$",
        "target", "The transferred miRNA directly targets "),
)
CELL_MARKER_AFTER = (
    Cue("marker-positive", "target", r"^(?:-|\s)?(?:positive|negative|\+|high\b|low\b)",
        None, "-positive"),
)

#: a word naming a kind of cargo rather than a molecule ("proteins", "siRNAs", "drugs")
CARGO_KIND_NAME = (
    Cue("cargo-kind-word", "cargo_type",
        r"^(?:(?:m|si|mi|micro|lnc|circ|pi|t|r|nc)?RNAs?|DNAs?|nucleotides?|nucleic acids?|"
        r"proteins?|lipids?|macromolecules?|chemicals?|compounds?|drugs?|agents?|"
        r"biomolecules?|metabolites?|nanoparticles?)$",
        None, "miRNAs"),
)
CARRY_VERB = (
    Cue("carry-verb", "cargo", r"\b(?:deliver|carr|transport|transfer|load|encapsulat|packag|shuttl)\w*",
        None, "Tumour exosomes carry miR-21 to fibroblasts."),
)
#: kinds of cargo that are a treatment, and verbs of putting a cargo in: vesicles carrying these,
#: or made to, are a delivery vehicle (carrying their own DNA, RNA or proteins is biology)
THERAPEUTIC_KIND = (
    Cue("therapeutic-kind", "application", r"^(?:drugs?|therapeutics?|agents?|siRNAs?|nucleotides?)$",
        "EXOC:0004002", "drugs"),
)
DELIVER_VERB = (
    Cue("deliver-verb", "application", r"\b(?:deliver(?:s|ed|ing)?|load(?:s|ed|ing)?|encapsulat\w*)\b",
        "EXOC:0004002", "Exosomes were loaded with doxorubicin."),
)
#: a drug named as what the cells resist or respond to is a co-treatment, not cargo
CO_TREATMENT_BEFORE = (
    Cue("resistant-to-drug", "cargo", r"(?:resist\w*|sensitiv\w*|susceptib\w*)\s+(?:to|against)\s*$",
        None, "cells became resistant to "),
)
#: a drug named as what the cells resist ("cisplatin resistance", "gemcitabine-resistant"): not cargo
CO_TREATMENT_AFTER = (
    Cue("drug-then-resistance", "cargo", r"^[\s-]*(?:resistan|sensitiv|refractor|toleran|susceptib)\w*",
        None, " resistance was transferred"),
)
DELIVERY_WORD = (
    Cue("delivery-in-sentence", "cargo", r"deliver|loaded|carr", None, "vesicles loaded with a drug"),
)
#: between two cells that share a role: apposition or coordination
SAME_ROLE_GAP = (
    Cue("apposition-or-coordination", "source_cell",
        r"^\s*(?:\([^()]{1,15}\))?\s*(?:,|and|or|as well as)?\s*(?:such as|including|e\.g\.,?|"
        r"especially|particularly|like|namely|and|or|as well as)?\s*(?:the\s+)?$",
        None, ", such as "),
)
#: what a neoplasm releases: "glioma-derived exosomes", "tumour exosomes"
RELEASED_AFTER_TUMOUR = (
    Cue("tumour-derived", "source_cell",
        r"^[\s-]*(?:\([^()]{1,12}\)\s*)?(?:cells?\s+(?:\w+ly\s+)?"
        r"(?:release|secrete|produce|shed)\w*\s+(?:\w+\s+)?"
        r"(?:exosom|EVs?\b|extracellular vesicles)|"
        r"(?:cells?)?-?derived|-?secreted|-?released|-?excreted|-?produced|"
        r"-?shed|exosom|EVs?\b|sEVs?\b|extracellular vesicles?|exos?\b)",
        "CL:0001063", "-derived exosomes"),
)
#: people, animals and samples a neoplasm is in: "exosomes of breast cancer patients" come from their fluids
HOSTS_AFTER = (
    Cue("host-of-disease", "source_cell",
        r"^\s*(?:patients?|subjects?|individuals?|donors?|mice|rats?|models?|tissues?|samples?)\b",
        None, " patients"),
)
#: a molecule right after the vesicle word is theirs ("exosomal miR-21", "exosome PD-L1")
VESICLE_RIGHT_BEFORE = (
    Cue("exosomal-prefix", "cargo", r"(?:exosom\w*|EVs?|extracellular vesicles?)[\s-]*$", "cargo", "exosomal "),
)
#: the vesicle word right after a molecule ("PD-L1 exosomes", "miR-21-EVs")
VESICLE_RIGHT_AFTER = (
    Cue("molecule-then-vesicles", "cargo", r"^[\s-]*(?:exosom|EVs?\b|-?exo\b)", "cargo", " exosomes"),
)
#: what a silencing cargo is written as after "anti-<gene>"
SILENCER_AFTER = (
    Cue("anti-gene-silencer", "target",
        r"^[\s-]*(?:si|sh|mi)RNAs?|^\s*(?:antisense|oligonucleotides?|inhibitors?|aptamers?)\b",
        "target", " siRNA"),
)
#: a gene named as what is measured or acted on ("KRAS expression", "PTEN levels")
TARGET_AFTER = (
    Cue("gene-then-expression", "target", r"^\)?\s*(?:gene\s+)?(?:expression|levels?|protein|mRNA|gene)\b",
        "target", " expression was reduced"),
)
TARGET_UP_AFTER = (
    Cue("gene-then-upregulated", "direction", r"^\s*(?:expression\s+)?(?:is\s+|was\s+)?(?:up-?regulat|increas|elevat)",
        "up", " expression was upregulated"),
)
#: the vesicles hold an amount of the molecule ("H-GDEs contained high levels of IL-6"): cargo, though
#: "levels of" alone would make it a target
CARGO_AMOUNT_BEFORE = (
    Cue("vesicles-hold-amount", "cargo",
        r"\b(?:contain\w*|carr\w*|harbou?r\w*|enriched (?:in|with)|loaded with|rich in)\s+(?:\w+\s+){0,2}?"
        r"(?:levels?|amounts?|concentrations?|quantities|copies) of\s+(?:the\s+)?$",
        "cargo", "The exosomes contained high levels of "),
)
#: the gene a silencing cargo is named after ("KRAS siRNA", "MALAT1 shRNA") is its target, not the cargo
SILENCED_AFTER = (
    Cue("gene-then-silencer", "target", r"^[\s-]*(?:si|sh|sg)RNAs?\b|^[\s-]*(?:antisense|ASOs?)\b",
        "down", " siRNA was delivered"),
)
#: a protein that sorts or packages cargo into the vesicles is neither their cargo nor a target
SORTER_AFTER = (
    Cue("sorter-verb-after", "target",
        r"^\s*-\s*(?:mediated|dependent|driven|guided)\s+(?:sort|packag|load|recruit)\w*|"
        r"^\s+(?:sort|packag|load|recruit)(?:s|ed)\s+(?!(?:in|into|within|inside|onto|on|to)\b)",  # active, an object
        None, " sorts miR-522 into exosomes"),
)
SORTER_BEFORE = (
    Cue("sorted-by-protein", "target",
        r"\b(?:sorted|packaged|loaded|recruited|sorting|packaging|loading)\s+(?:[\w-]+\s+){0,5}?(?:by|via|through)\s+"
        r"(?:the\s+)?(?:RNA-binding protein\s+)?$|\b(?:RNA-binding|sorting|ESCRT|Rab) proteins?,?\s+(?:such as\s+)?$",
        None, "miR-522 was packaged into exosomes by "),
)
#: a list of molecules placed in the vesicles as a whole ("expression of miR-1307-3p, piR-019308 and
#: piR-004918 in serum exosomes"): every item is their cargo
LIST_IN_VESICLES = (
    Cue("list-in-vesicles", "cargo",
        # each list item is an atomic group with a possessive word: a failed match backtracks over at
        # most eight items, not over every way of splitting them (which took seconds per sentence)
        r"^(?>\s*(?:,|and|or|as well as)?\s*[\w\u2010\u2011./+-]++){0,8}?\s+(?:were\s+|was\s+)?(?:\w+ly\s+)?"
        r"(?:(?:detected|found|present|enriched|elevated|increased|decreased|higher|lower)\s+)?"
        r"(?:in|within|inside|from)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:exosom\w*|EVs?\b|sEVs?\b|"
        r"extracellular vesicles)",
        "cargo", ", miR-21 and miR-155 in serum exosomes"),
)
