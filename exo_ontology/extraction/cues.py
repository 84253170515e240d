"""Cue phrases of the extraction rules, as data: verbs of direction, study types, applications.

Every pattern is general English of the biomedical literature, not a phrase of a particular
document. Patterns are matched case-insensitively on cleaned sentence text.
"""

from __future__ import annotations

import re

from rdflib import URIRef

from exo_ontology import vocabulary as V


def _words(*stems: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(stems) + r")", re.IGNORECASE)


#: verbs saying an effect is made stronger or weaker
PROMOTE = _words(r"promot", r"induc", r"enhanc", r"increas", r"facilitat", r"stimulat", r"driv",
                 r"lead(?:s|ing)? to", r"led to", r"caus", r"contribut", r"accelerat", r"boost",
                 r"trigger", r"foster", r"favou?r", r"support", r"activat", r"amplif", r"aid",
                 r"strengthen", r"elevat", r"maintain", r"establish", r"form", r"creat", r"nurtur",
                 r"mediat", r"confer", r"transfer(?:s|red|ring)? (?:\w+ )?resistance", r"help",
                 r"polari[sz]", r"towards?\b", r"convert", r"transform", r"reprogram", r"more\b(?!\s+than)",
                 r"(?:vital|critical|crucial|essential|necessary|required|indispensable) (?:for|to|in)\b")
INHIBIT = _words(r"inhibit", r"suppress", r"reduc", r"decreas", r"block", r"prevent", r"imped",
                 r"halt", r"overcom", r"revers", r"attenuat", r"abrogat", r"impair", r"diminish",
                 r"lower", r"arrest", r"stop", r"restrict", r"limit", r"eliminat", r"kill",
                 r"alleviat", r"combat", r"fight", r"interfer", r"protect(?:s|ed|ive)? against",
                 r"sensiti[sz]", r"down-?regulat", r"ameliorat", r"treat", r"less\b(?!\s+than)")
#: verbs saying only that an effect is changed, in no stated direction; nearer than a directed verb,
#: they win ("contribute to X by influencing the activity of Y" states no direction for Y)
NEUTRAL = _words(r"influenc", r"affect", r"modulat", r"regulat", r"alter", r"chang", r"play\w* (?:a |an )?"
                 r"(?:\w+ )?role", r"involv", r"associat", r"linked to", r"related to", r"impact")

#: a neutral word that only names which molecules are meant ("genes associated with inflammation")
#: and so governs no effect
NEUTRAL_MODIFIER = re.compile(r"\b(?:genes?|proteins?|molecules?|factors?|markers?|miRNAs?|RNAs?|cytokines?)\s+"
                              r"(?P<n>associated with|related to|linked to|involved in)", re.IGNORECASE)
#: what follows a gene named as the marker of a cell population ("Ki-67-positive", "CD8+")
CELL_MARKER_AFTER = re.compile(r"^(?:-|\s)?(?:positive|negative|\+|high\b|low\b)", re.IGNORECASE)

#: how a gene is acted on
UPREGULATE = _words(r"up-?regulat", r"increas\w* (?:the )?(?:expression|level)", r"overexpress",
                    r"activat", r"elevat", r"stimulat", r"induc\w* (?:the )?expression", r"enhanc")
DOWNREGULATE = _words(r"down-?regulat", r"suppress", r"inhibit", r"silenc", r"knock", r"reduc",
                      r"decreas", r"target", r"block", r"bind\w* directly", r"delet", r"eliminat",
                      r"stopping the product")

#: study types; the first match decides nothing, every match adds a value
STUDY_TYPES: tuple[tuple[re.Pattern[str], URIRef], ...] = (
    (_words(r"in vitro", r"cell lines?\b", r"cultured"), V.IN_VITRO),
    (_words(r"in vivo", r"\bmice\b", r"\bmouse\b", r"\bmurine\b", r"\brats?\b", r"animal",
            r"xenograft", r"preclinical"), V.IN_VIVO),
    (_words(r"clinical", r"patients?\b", r"\bserum of", r"\bplasma of", r"trials?\b", r"cohort"),
     V.CLINICAL),
)

#: applications
APPLICATIONS: tuple[tuple[re.Pattern[str], URIRef], ...] = (
    (_words(r"biomarker", r"\bmarkers?\b", r"diagnos", r"prognos", r"early detection", r"predict",
            r"indicator", r"liquid biopsy", r"characteri[sz]es",
            r"identif\w* (?:\w+ ){0,2}(?:patterns?|signatures?|profiles?)"), V.BIOMARKER),
    (_words(r"drug deliver", r"deliver", r"carrier", r"loaded", r"vehicle", r"nanocarrier",
            r"encapsulat", r"transport(?:ed|ing)? (?:\w+ )?(?:drug|therapeutic)"), V.DRUG_DELIVERY_VEHICLE),
    (_words(r"therapeutic targets?", r"targeted for", r"targeting (?:and suppressing )?exosom",
            r"target(?:ed)? for (?:cancer )?therap", r"should be inhibited"), V.THERAPEUTIC_TARGET),
    (_words(r"vaccin"), V.CANCER_VACCINE),
    (_words(r"\btreat", r"therap(?:y|ies|eutic)\b(?! target)", r"anti-?tumou?r effect", r"anticancer effic"),
     V.THERAPEUTIC_AGENT),
)

#: words that make a sentence about extracellular vesicles even without a grounded vesicle mention
VESICLE_WORDS = re.compile(r"\b(?:exosom\w*|extracellular vesicles?|EVs?\b|sEVs?\b|microvesicles?|"
                           r"nanovesicles?|exo\b|exos\b|\w+-exos?\b|\w+-EVs?\b)", re.IGNORECASE)

#: phrases placing a cell as the source of the vesicles ("X-derived exosomes", "exosomes from X")
SOURCE_BEFORE = re.compile(r"^[\s-]*(?:-?derived|-?secreted|-?released|-?excreted|-?produced|cell-?derived|"
                           r"cells?(?:-derived)?|exosom|EVs?\b|extracellular|deriving|-competent|"
                           r"(?:cells?\s+)?(?:release|secrete|produce|shed)|(?:-\s*)?(?:and|or)\s+[\w-]+?-"
                           r"(?:derived|secreted|released))", re.IGNORECASE)
SOURCE_AFTER = re.compile(r"\b(?:exosom\w*|EVs?|sEVs?|vesicles?|exos?)\s+(?:(?:[\w-]+\s+){0,3}?(?:\w+ly\s+)?"
                          r"(?:derived|released|secreted|produced|made|obtained|isolated|recovered|shed|generated|"
                          r"originating|purified|collected|extracted)\s+)?(?:from|by|of)\s+(?:the\s+|human\s+)?"
                          # "exosomes derived from TME components, including macrophages"
                          r"(?:(?:[\w-]+\s+){0,3}?[\w-]+,\s+(?:including|such as|e\.g\.,?|like|namely)\s+)?$",
                          re.IGNORECASE)
#: phrases placing a cell as the recipient ("transferred to macrophages", "uptake by X")
RECIPIENT_BEFORE = re.compile(r"\b(?:to|into|in|on|of|by|towards|activate|activating|polarize|reprogram|"
                              r"convert|target\w*|absorbed by|uptake by|enabl\w*|allow\w*|help\w*|aid\w*|kill\w*|"
                              r"eliminat\w*|sensiti[sz]\w*|render\w*|reach\w*|enter\w*)\s*(?:the\s+|human\s+|"
                              r"recipient\s+|surrounding\s+|nearby\s+|healthy\s+|sensitive\s+|"
                              r"[\w+]+-(?:positive|negative|resistant|sensitive)\s+)?$", re.IGNORECASE)
#: a cell whose process the sentence names ("suppressed CD8+ T cell proliferation") is acted on
RECIPIENT_PROCESS = re.compile(r"^\s+(?:proliferation|activation|activity|differentiation|migration|recruitment|"
                               r"expansion|infiltration|polari[sz]ation|apoptosis|death|exhaustion|function)\b",
                               re.IGNORECASE)
#: a cell acted on by the vesicles in the passive ("cancer cells were killed by exosomes loaded with ...")
RECIPIENT_PASSIVE = re.compile(r"^[^.;]{0,80}?\b(?:were|was|are|is|been|be|being)\s+(?:[\w,]+\s+){0,4}?"
                               r"\w+ed\s+by\s+(?:the\s+)?(?:\w+\s+)?(?:exosom|EVs?\b|extracellular vesicles)",
                               re.IGNORECASE)

#: cargo cues right before or after a gene/chemical mention
CARGO_BEFORE = re.compile(r"(?:exosom(?:al|ic|e)|EV|vesicular|containing|contain|contains|carrying|carry|carries|"
                          r"loaded with|loaded|deliver(?:ing|ed|s)?|transport(?:ing|s)?|transfer(?:ring|s)?|"
                          r"with|encapsulat\w*|enriched in|packag\w*|including|"
                          r"such as|like|(?:exosom\w*|EVs?|vesicles)\s+(?:\w+\s+)?express(?:ing)?)"
                          r"\s*(?:the\s+|anti-?\w+\s+|exogenous\s+)?(?:[a-z]+\s+)?$", re.IGNORECASE)
CARGO_AFTER = re.compile(r"^\s*,?\s*(?:carried|packaged|contained|enriched|present|transported|delivered|shuttled|"
                         r"loaded|sorted)\s+(?:\w+\s+)?(?:in|within|by|into|via|through)\s+(?:the\s+)?(?:\w+\s+)?"
                         r"(?:exosom|EVs?\b|extracellular vesicles|vesicles)|"
                         r"^\s*(?:-?loaded|-?containing|-?competent|-?enriched|-?carrying|-?expressing|-?OE)\b|"
                         r"^\s*(?:proteins?\s+|levels?\s+)?(?:in|within|from|inside|on)\s+(?:the\s+)?"
                         r"(?:\w+\s+){0,2}?(?:exosom|EVs?\b|extracellular vesicles|exo\b)", re.IGNORECASE)
#: a molecule the vesicles are said to carry in the passive ("P-gp from resistant cells may be transferred by
#: exosomes"); looked for in a wider window after the mention than CARGO_AFTER
CARGO_PASSIVE = re.compile(r"^[^.;]{0,40}?\b(?:is|are|was|were|be|being)\s+(?:\w+ly\s+)?(?:transferred|delivered|"
                           r"carried|transported|packaged|loaded|sorted|shuttled|secreted|released|enriched)\s+"
                           r"(?:\w+\s+){0,2}?(?:by|via|in|into|through|within)\s+(?:the\s+)?(?:\w+\s+)?"
                           r"(?:exosom|EVs?\b|extracellular vesicles|vesicles)", re.IGNORECASE)
TARGET_BEFORE = re.compile(r"(?:target(?:s|ing|ed)?|regulat\w*|suppress\w*|inhibit\w*|downregulat\w*|"
                           r"down-regulat\w*|upregulat\w*|up-regulat\w*|activat\w*|expression of|levels? of|"
                           r"increas\w*|decreas\w*|reduc\w*|silenc\w*|eliminat\w*|delet\w*|deplet\w*|"
                           r"knock\w*(?: down)?|knockdown of|overexpress\w*|via|through|by|on|of|attach to)\s*"
                           r"(?:the\s+)?(?:expression of\s+|product of\s+)?$", re.IGNORECASE)
#: the words ending a named pathway ("Wnt/β-catenin signaling pathway", "BCL9/Wnt/CD44 axis")
PATHWAY_END = re.compile(r"\b(?:signal(?:l)?ing\s+)?(?:pathway|axis|cascade)\b", re.IGNORECASE)
#: effects written as a phrase rather than a term name -> the ontology name to ground them with
EFFECT_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = (
    # "resistant to X" is an effect only when something makes it so; "models resistant to X" is a condition
    (re.compile(r"\bresistance\s+(?:to|against)\s+[\w-]+|\b(?:becom\w*|became|render\w*|mak\w*|made|turn\w*)\s+"
                r"(?:\w+\s+){0,3}?resistant\s+to\s+[\w-]+", re.IGNORECASE), "drug resistance"),
    (re.compile(r"\b(?:sensitivity|sensitive|susceptib\w*|response)\s+to\s+(?:chemo\w*|[\w-]*(?:platin|taxel|rubicin|"
                r"citabine|fluorouracil|fen))", re.IGNORECASE), "drug sensitization"),
    (re.compile(r"\bevad\w*\s+(?:the\s+)?immun\w*|\bimmune\s+(?:system\s+)?evad\w*|escape\w*\s+(?:from\s+)?"
                r"(?:the\s+)?immune", re.IGNORECASE), "immune evasion"),
    (re.compile(r"\bproliferat\w*", re.IGNORECASE), "cell proliferation"),
    (re.compile(r"\bmigrat(?:ion|ory)\b", re.IGNORECASE), "cell migration"),
    (re.compile(r"\bdifferentiation\b", re.IGNORECASE), "cell differentiation"),
    (re.compile(r"\bapoptosis\b|\bapoptotic\b", re.IGNORECASE), "apoptotic process"),
    (re.compile(r"\b(?:liver|hepatic|hepatocyte)\s+(?:tissue\s+)?(?:repair|regeneration)\b", re.IGNORECASE),
     "liver regeneration"),
    (re.compile(r"\bheal(?:ing|s|ed)?\b|\bregenerat\w*|\btissue repair", re.IGNORECASE), "tissue regeneration"),
    (re.compile(r"\binflammation\b|\binflammatory (?:response|damage)|\b(?:anti|pro)-inflammatory\b", re.IGNORECASE),
     "inflammatory response"),
    (re.compile(r"\banti-?(?:tumou?r|cancer) immun\w*(?: responses?)?", re.IGNORECASE), "antitumor immunity"),
    (re.compile(r"\bimmune responses?\b", re.IGNORECASE), "immune response"),
    (re.compile(r"\bcell death\b|\bkill(?:s|ed|ing)?\b|\bcytotoxic(?:ity)?\b", re.IGNORECASE), "cell death"),
    (re.compile(r"\b(?:formation|initiation|onset) of (?:the\s+)?(?:\w+\s+)?(?:tumou?rs?|cancers?|neoplasms?)\b|"
                r"\btumou?r (?:formation|initiation)\b", re.IGNORECASE), "tumorigenesis"),
    (re.compile(r"\b(?:release|secretion|production) of (?:the )?exosomes?|\bexosomes? (?:release|secretion|"
                r"production)\b", re.IGNORECASE), "exosomal secretion"),
    # cells that "secrete exosomes at higher rates" / "release more EVs": the comparative is the direction
    (re.compile(r"\b(?:secret|releas|produc|shed)\w*\s+(?P<e>(?:more|increased|higher|greater|elevated)\s+"
                r"(?:amounts?\s+of\s+|numbers?\s+of\s+)?(?:exosomes|EVs|extracellular vesicles)\b|"
                r"(?:exosomes|EVs|extracellular vesicles)\s+at\s+(?:a\s+)?(?:(?:higher|increased|greater|elevated)"
                r"\s+rates?|rates?\s+(?:higher|greater))\b)", re.IGNORECASE), "exosomal secretion"),
    (re.compile(r"\bgrowth of (?:the\s+)?(?:\w+\s+)?(?:tumou?rs?|cancers?|neoplasms?|metastases)\b", re.IGNORECASE),
     "tumor growth"),
    (re.compile(r"\b(?:effectiveness|efficacy|efficiency) of (?:the\s+)?(?:\w+\s+)?(?:chemo\w*|drugs?|"
                r"anti-?(?:cancer|tumou?r) \w+)(?!\s+(?:loading|delivery|release|encapsulation))|"
                r"\btheir (?:effectiveness|efficacy)\b", re.IGNORECASE),
     "drug sensitization"),
    (re.compile(r"\bDNA (?:damage )?repair\b", re.IGNORECASE), "DNA repair"),
    (re.compile(r"\b(?:convert|transform|reprogram|activat|differentiat|turn)\w*\s+(?P<e>(?:\w+\s+){0,2}?fibroblasts?"
                r"\s+(?:in)?to\s+(?:\w+\s+)?(?:cancer-associated fibroblasts|CAFs?))\b", re.IGNORECASE),
     "fibroblast to cancer-associated fibroblast conversion"),
    (re.compile(r"\bgrowth of new blood vessels|\bneo-?angiogenesis|\bneovasculari[sz]ation", re.IGNORECASE),
     "angiogenesis"),
)
CITATION = re.compile(r"\[\s*\d+(?:\s*[,–—-]\s*\d+)*\s*\]")
