"""Cue rows for effects written as phrases rather than term names; `value` is the ontology name to ground.

A row whose phrase holds its own verb marks the effect with group `e`, leaving the verb before it.
"""

from __future__ import annotations

from exo_ontology.extraction.cues.model import Cue

_DRUG = r"(?:chemo\w*|radio\w*|[\w-]*(?:platin|taxel|rubicin|citabine|fluorouracil|fen|mab|nib|mustine|mycin))"

EFFECT_PHRASES = (
    # "resistant to X" is an effect only when something makes it so; "models resistant to X" is a condition
    Cue("resistance-to-drug", "effect",
        r"\bresistance\s+(?:to|against)\s+[\w-]+|\b(?:becom\w*|became|render\w*|mak\w*|made|turn\w*)\s+"
        r"(?:\w+\s+){0,3}?resistant\s+to\s+[\w-]+",
        "drug resistance", "Exosomal lncRNA conferred resistance to osimertinib."),
    # "cisplatin resistance" is an effect; "osimertinib-resistant cells" name a condition of the cells
    Cue("drug-resistance-compound", "effect",
        r"\b(?:" + _DRUG + r"|chemo|radio|drug|multidrug|therapy|treatment)[\s-]*(?:resistance\b|resistant\b"
        r"(?!\s+(?:[\w-]+\s+){0,3}?(?:cells?|lines?|sublines?|clones?|exosomes?|EVs?|vesicles|tumou?rs?|"
        r"patients?|mice|models?|phenotypes?)\b))",
        "drug resistance", "CAF exosomes promote cisplatin resistance in gastric cancer."),
    Cue("sensitivity-to-drug", "effect",
        r"\b(?:sensitivity|sensitive|susceptib\w*|response)\s+to\s+" + _DRUG,
        "drug sensitization", "The loaded vesicles restored sensitivity to gemcitabine."),
    Cue("immune-evasion", "effect",
        r"\bevad\w*\s+(?:the\s+)?immun\w*|\bimmune\s+(?:system\s+)?evad\w*|escape\w*\s+(?:from\s+)?"
        r"(?:the\s+)?immune|\bimmune\s+(?:escape|evasion)\b",
        "immune evasion", "Tumour EVs help cancer cells evade immune surveillance."),
    Cue("proliferation-word", "effect", r"\bproliferat\w*", "cell proliferation",
        "The exosomes increased proliferation of the cells."),
    Cue("migration-word", "effect", r"\bmigrat(?:ion|ory)\b", "cell migration",
        "EVs enhanced the migratory capacity of the cells."),
    Cue("differentiation-word", "effect", r"\bdifferentiation\b", "cell differentiation",
        "Exosomes blocked differentiation of monocytes."),
    Cue("apoptosis-word", "effect", r"\bapoptosis\b|\bapoptotic\b", "apoptotic process",
        "The vesicles induced apoptosis of tumour cells."),
    Cue("liver-regeneration", "effect",
        r"\b(?:liver|hepatic|hepatocyte)\s+(?:tissue\s+)?(?:repair|regeneration)\b", "liver regeneration",
        "MSC exosomes promoted liver regeneration."),
    Cue("healing", "effect", r"\bheal(?:ing|s|ed)?\b|\bregenerat\w*|\btissue repair", "tissue regeneration",
        "Exosomes accelerated wound healing."),
    Cue("inflammation-word", "effect",
        r"\binflammation\b|\binflammatory (?:response|damage)|\b(?:anti|pro)-inflammatory\b",
        "inflammatory response", "The vesicles reduced inflammation in the colon."),
    Cue("antitumour-immunity", "effect", r"\banti-?(?:tumou?r|cancer) immun\w*(?: responses?)?",
        "antitumor immunity", "Dendritic cell exosomes elicited antitumour immunity."),
    Cue("immune-response", "effect", r"\bimmune responses?\b", "immune response",
        "EVs dampened the immune response."),
    Cue("cell-death-word", "effect", r"\bcell death\b|\bkill(?:s|ed|ing)?\b|\bcytotoxic(?:ity)?\b", "cell death",
        "NK exosomes killed melanoma cells."),
    Cue("tumour-formation", "effect",
        r"\b(?:formation|initiation|onset) of (?:the\s+)?(?:\w+\s+)?(?:tumou?rs?|cancers?|neoplasms?)\b|"
        r"\btumou?r (?:formation|initiation)\b",
        "tumorigenesis", "Exosomal miR-25 promoted the formation of tumours in mice."),
    Cue("vesicle-release", "effect",
        r"\b(?:release|secretion|production) of (?:the )?exosomes?|\bexosomes? (?:release|secretion|"
        r"production)\b",
        "exosomal secretion", "Hypoxia increased the release of exosomes."),
    # cells that "secrete exosomes at higher rates" / "release more EVs": the comparative is the direction
    Cue("secrete-more-vesicles", "effect",
        r"\b(?:secret|releas|produc|shed)\w*\s+(?P<e>(?:more|increased|higher|greater|elevated)\s+"
        r"(?:amounts?\s+of\s+|numbers?\s+of\s+)?(?:exosomes|EVs|extracellular vesicles)\b|"
        r"(?:exosomes|EVs|extracellular vesicles)\s+at\s+(?:a\s+)?(?:(?:higher|increased|greater|elevated)"
        r"\s+rates?|rates?\s+(?:higher|greater))\b)",
        "exosomal secretion", "Hypoxic cells secrete more exosomes."),
    Cue("growth-of-tumour", "effect",
        r"\bgrowth of (?:the\s+)?(?:\w+\s+)?(?:tumou?rs?|cancers?|neoplasms?|metastases)\b",
        "tumor growth", "The vesicles inhibited growth of the xenograft tumours."),
    Cue("drug-efficacy", "effect",
        r"\b(?:effectiveness|efficacy|efficiency) of (?:the\s+)?(?:\w+\s+)?(?:chemo\w*|drugs?|"
        r"anti-?(?:cancer|tumou?r) \w+)(?!\s+(?:loading|delivery|release|encapsulation))|"
        r"\btheir (?:effectiveness|efficacy)\b",
        "drug sensitization", "Exosomes raised the efficacy of chemotherapy."),
    Cue("dna-repair", "effect", r"\bDNA (?:damage )?repair\b", "DNA repair",
        "Exosomal proteins promoted DNA repair."),
    Cue("fibroblast-to-caf", "effect",
        r"\b(?:convert|transform|reprogram|activat|differentiat|turn)\w*\s+(?P<e>(?:\w+\s+){0,2}?fibroblasts?"
        r"\s+(?:in)?to\s+(?:\w+\s+)?(?:cancer-associated fibroblasts|CAFs?))\b",
        "fibroblast to cancer-associated fibroblast conversion",
        "Tumour exosomes convert normal fibroblasts into CAFs."),
    Cue("cell-communication", "effect",
        r"\b(?:inter-?cellular|cell-(?:to-)?cell) (?:communication|signal(?:l)?ing|crosstalk|cross-talk)|"
        r"\bcommunication (?:between|among) (?:\w+ ){0,3}cells\b|\bcross-?talk between\b",
        "cell-cell signaling", "Exosomes mediate intercellular communication in the tumour."),
    Cue("new-vessels", "effect", r"\bgrowth of new blood vessels|\bneo-?angiogenesis|\bneovasculari[sz]ation",
        "angiogenesis", "EVs stimulated neovascularization."),
)

#: "<process> of <cells>" and "<cell> <process>": the process of that cell type
_PROCESS_WORDS = (r"(?:activity|activation|proliferation|differentiation|migration|recruitment|expansion|"
                  r"infiltration|polari[sz]ation|population)")
CELL_PROCESS_BEFORE = (
    Cue("process-of-cell", "effect",
        rf"\b({_PROCESS_WORDS}(?:\s+(?:and|or)\s+{_PROCESS_WORDS})?)\s+of\s+(?:the\s+)?(?:[\w-]+-positive\s+)?$",
        None, "exosomes suppressed the activity of "),
)
CELL_THEN_PROCESS = (
    Cue("cell-then-process", "effect", r"^\s+(" + _PROCESS_WORDS + r")\b", None, " proliferation"),
)
#: roles named by a noun ("regulators of X") keep an undirected effect beside directed ones
NEUTRAL_NOUN = (
    Cue("regulator-noun", "effect_direction", r"\b(?:regulators?|modulators?|mediators?) of\b", "neutral",
        "Exosomes are regulators of immunity."),
)
#: "many vital processes, including X, Y and Z": examples of what vesicles take part in, not effects
PROCESS_EXAMPLES = (
    Cue("process-examples", "effect",
        r"\b(?:various|many|several|numerous|diverse|multiple|vital|important|key)\s+"
        r"(?:\w+\s+){0,2}?process(?:es)?,?\s+(?:including|such as)\b[^.;]*",
        None, "Exosomes take part in many cellular processes, including immune regulation."),
)
#: the words ending a named pathway ("Wnt/β-catenin signaling pathway", "BCL9/Wnt/CD44 axis")
PATHWAY_END = (
    Cue("pathway-word", "pathway", r"\b(?:signal(?:l)?ing\s+)?(?:pathway|axis|cascade)\b", None,
        "The miRNA activates the MAPK signaling cascade."),
)
