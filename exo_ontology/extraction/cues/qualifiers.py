"""Cue rows for the qualifiers of a finding: study type, application, vesicle class and cargo type."""

from __future__ import annotations

from exo_ontology.extraction.cues.model import Cue


def _stems(*stems: str) -> str:
    return r"\b(?:" + "|".join(stems) + ")"


#: every row found adds its value
STUDY_TYPES = (
    Cue("in-vitro", "study_type", _stems(r"in vitro", r"cell lines?\b", r"cultured", r"co-?cultur"),
        "EXOC:0005001", "Exosomes were added to cultured HUVECs."),
    Cue("in-vivo", "study_type", _stems(r"in vivo", r"\bmice\b", r"\bmouse\b", r"\bmurine\b", r"\brats?\b",
                                        r"animal", r"xenograft", r"preclinical"),
        "EXOC:0005002", "The vesicles slowed tumour growth in mice."),
    Cue("clinical", "study_type", _stems(r"clinical", r"patients?\b", r"\bserum of", r"\bplasma of", r"trials?\b",
                                         r"cohort"),
        "EXOC:0005003", "Serum exosomes of patients carried more miR-21."),
)
APPLICATIONS = (
    Cue("biomarker-word", "application",
        _stems(r"biomarker", r"\bmarkers?\b", r"diagnos", r"prognos", r"early detection", r"predict", r"indicator",
               r"liquid biops", r"detect\w* (?:of )?(?:[\w-]+ ){0,3}(?:cancers?|tumou?rs?|carcinomas?|diseases?)",
               r"identif\w* (?:\w+ ){0,2}(?:patterns?|signatures?|profiles?)", r"signatures?\b",
               r"discriminat\w* (?:\w+ ){0,3}(?:from|between)", r"distinguish\w* (?:\w+ ){0,3}(?:from|between)",
               r"AUC\b", r"area under the (?:\w+ )?curve", r"ROC\b", r"specificity"),
        "EXOC:0004001", "Salivary exosomal miRNAs may serve as biomarkers of oral cancer."),
    Cue("delivery-word", "application",
        _stems(r"drug deliver", r"deliver", r"carrier", r"loaded", r"vehicle", r"nanocarrier", r"encapsulat",
               r"transport(?:ed|ing)? (?:\w+ )?(?:drug|therapeutic)"),
        "EXOC:0004002", "Milk exosomes are carriers of paclitaxel."),
    Cue("therapeutic-target-word", "application",
        _stems(r"therapeutic targets?", r"targeted for", r"target(?:ed)? for (?:cancer )?therap",
               r"target(?:ing)? (?:the )?(?:secretion|release|production|uptake|biogenesis|formation) of "
               r"(?:\w+ )?(?:exosom|EVs?\b|extracellular vesicles)",
               r"(?:potential|novel|new|promising|attractive) targets? (?:for|in|of) (?:\w+ ){0,2}(?:therap|treatment)",
               r"(?:should|could|must|might) be (?:inhibited|blocked|targeted)"),
        "EXOC:0004003", "Tumour exosomes are a therapeutic target in melanoma."),
    Cue("vaccine-word", "application", _stems(r"vaccin"), "EXOC:0004004",
        "Dendritic cell exosomes were tested as a cancer vaccine."),
    Cue("therapeutic-agent-word", "application",
        _stems(r"therapeutic (?:agents?|tools?|candidates?|strateg\w+|vehicles?)",
               r"(?:agents?|candidates?|tools?|platforms?|strateg\w+|options?) for (?:\w+ ){0,3}"
               r"(?:therap\w+|treatment|immunotherapy)",
               r"(?:exosome|EV|vesicle)s?[\w-]*[ -]based (?:\w+ )?(?:therap|treatment|immunotherap)",
               r"as (?:cancer |anti-?cancer |anti-?tumou?r )?therapeutics", r"anti-?tumou?r (?:effect|activity)",
               r"anticancer (?:effic|effect|activity)",
               r"treat(?:s|ed|ing)? (?!with\b)(?:\w+ ){0,2}(?:tumou?rs?|cancers?|carcinomas?|melanomas?|gliomas?|"
               r"leuka?emias?|lymphomas?|sarcomas?)\b"),
        "EXOC:0004005", "NK cell exosomes are promising therapeutic agents for leukaemia."),
)
#: a payload that is itself a treatment (siRNA, a drug, gene editing): vesicles delivering it are a vehicle
THERAPEUTIC_PAYLOAD = (
    Cue("therapeutic-payload", "application",
        r"\b(?:si|sh)RNAs?\b|\bsi[A-Z0-9]{3,}\b|CRISPR|Cas9|\b[Dd]rugs?\b|[Cc]hemotherapeutics?|"
        r"[Aa]ntisense oligonucleotides?|\bASOs?\b",
        "EXOC:0004002", "Exosomes delivered KRAS siRNA to the tumours.", ignore_case=False),
)
#: words of treatment: a drug cargo named with them is delivered
THERAPY_WORDS = (
    Cue("treatment-word", "application", _stems(r"therap", r"treat", r"anti-?(?:tumou?r|cancer)", r"anticancer",
                                                r"chemotherap", r"cure"),
        "EXOC:0004002", "Exosomes carrying doxorubicin treat breast tumours."),
)
#: words that make the vesicles a carrier of something else ("transport drugs", "carriers for")
CARRIER_WORDS = (
    Cue("carrier-of-something", "application",
        r"drug deliver|carriers?\b(?! of (?:\w+ ){0,4}?(?:DNA|RNA|proteins|lipids|nucleic))|"
        r"vehicle|loaded|nanocarrier|\b(?:transport|carry|carrying|deliver)\w*"
        r"\s+(?:\w+\s+){0,4}?(?:drugs?|therapeutics?|molecules|compounds)\b",
        "EXOC:0004002", "EVs can carry anticancer drugs to the brain."),
)
#: vesicles offered as a means of treatment ("promising tools for tumor treatment")
MEANS_OF_TREATMENT = (
    Cue("tool-for-treatment", "application",
        r"\b(?:tools?|agents?|platforms?|candidates?|systems?) for (?:\w+ ){0,2}(?:treatment|therapy|therapies)\b",
        "EXOC:0004002", "Engineered vesicles are candidates for glioma therapy."),
)
EXOSOME_WORD = (
    Cue("exosome-word", "vesicle_type", r"\bexosom|\bexos?\b|\w-exos?\b", "GO:0070062",
        "Exosomal miR-21 was high."),
)
EV_WORD = (
    Cue("ev-word", "vesicle_type", r"\bextracellular vesicles?|\bs?EVs?\b|\w-EVs?\b", "GO:1903561",
        "MSC-EVs reduced fibrosis.", ignore_case=False),
)
_MODIFIED = r"(?:modified|engineered|functionali[sz]ed|decorated|conjugated|coated)"
#: what a vesicle is joined to when it is engineered ("EVs linked to the GE11 peptide"), as opposed to
#: what it is associated with ("exosomal miR-21 levels were linked to survival")
_ATTACHED = (r"(?:linked|conjugated|coupled|fused|attached|loaded|modified)\s+(?:to|with)\s+(?:the\s+|an?\s+)?"
             r"(?:[\w-]+\s+){0,2}?(?:peptides?|antibod\w*|ligands?|aptamers?|nanobod\w*|proteins?|polymers?|"
             r"nanoparticles?|dyes?|tags?|PEG)\b")
_VESICLE_THEN = r"\b(?:exosom\w*|EVs?|extracellular vesicles)\b[^.;]{0,60}?\b"
ENGINEERED = (
    Cue("engineered-vesicles", "vesicle_type",
        r"\b(?:[\w-]+-)?(?:modified|engineered|functionali[sz]ed|decorated|conjugated|coated|designed|displaying)"
        r"\s+(?:\w+\s+)?(?:exosom|EVs?\b|extracellular vesicles)",
        "EXOC:0001003", "Engineered exosomes displayed a targeting peptide."),
    Cue("vesicles-were-modified", "vesicle_type",
        _VESICLE_THEN + r"(?:were|was|are|is|been|being)\s+(?:\w+ly\s+)?" + _MODIFIED + r"\b",
        "EXOC:0001003", "The exosomes were chemically modified."),
    Cue("vesicles-joined-to", "vesicle_type", _VESICLE_THEN + _ATTACHED,
        "EXOC:0001003", "EVs linked to the GE11 peptide reached the tumour."),
)
#: words naming a kind of cargo -> the cargo-type key (the first seven are specific, read near a molecule)
CARGO_TYPE_WORDS = (
    Cue("lncrna-word", "cargo_type", r"\blnc\s?RNA|long non-?coding RNA|\b(?-i:LINC\d{3,}|[A-Z0-9]+-AS\d|SNHG\d+)",
        "lncrna", "The lncRNA HOTAIR was packaged into EVs."),
    Cue("circrna-word", "cargo_type", r"\bcirc(?:ular)?\s?RNA|\b(?-i:circ[A-Z_])", "circrna",
        "Exosomal circRNAs mark liver cancer."),
    Cue("pirna-word", "cargo_type", r"\bpi\s?RNA|\bpiR-", "pirna", "Serum exosomal piRNAs were elevated."),
    Cue("sirna-word", "cargo_type", r"\bsi\s?RNA|\bsi[A-Z0-9]{3,}\b", "sirna",
        "Exosomes delivered siRNA against KRAS.", ignore_case=False),
    Cue("mrna-word", "cargo_type", r"\bmRNAs?\b", "mrna", "EVs carried the mRNA of HPV E6.", ignore_case=False),
    Cue("gene-editing-word", "cargo_type", r"CRISPR|Cas9", "gene_editing", "Exosomes delivered CRISPR/Cas9."),
    Cue("dna-word", "cargo_type", r"\bplasmid|\bDNA\b", "dna", "Serum exosomes contain double-stranded DNA.",
        ignore_case=False),
    Cue("protein-word", "cargo_type", r"\bproteins?\b", "protein", "Exosomal proteins shape the niche."),
    Cue("lipid-word", "cargo_type", r"\blipids?\b", "lipid", "EVs carry lipids."),
    Cue("mirna-word", "cargo_type", r"\bmicro\s?RNAs?\b|\bmiRNAs?\b|\bmiRs?\b|\bmiR-", "mirna",
        "Exosomal miRNAs were high."),
)
DRUG_WORD = (
    Cue("drug-kind-word", "cargo_type", r"drugs?|agents?|chemotherapeutics?", "drug", "anticancer drugs"),
)
_KIND_WORD = (r"(?:micro\s?RNAs?|miRNAs?|miRs|lnc\s?RNAs?|long non-?coding RNAs?|circ(?:ular)?\s?RNAs?|pi\s?RNAs?|"
              r"si\s?RNAs?|mRNAs?|proteins?|lipids?|nucleic acids?|(?:anti-?(?:cancer|tumou?r)\s+|chemotherap\w*\s+)?"
              r"(?:drugs?|agents?)|chemotherapeutics?)")
#: a kind of cargo tied to the vesicles: "exosomal miRNAs", "proteins in EVs", "exosomes carrying drugs"
VESICLE_KIND = (
    Cue("vesicle-kind-cargo", "cargo_type",
        r"\b(?:exosom(?:al|e)|EVs?|vesicular|exosome-(?:derived|associated))\s+(?P<a>" + _KIND_WORD +
        r"(?:\s*(?:,|and|or)\s*" + _KIND_WORD + r")*)"
        r"|\b(?P<b>" + _KIND_WORD + r")\s+(?:\w+\s+){0,2}?(?:in|within|inside|of|from|carried by|packaged in)\s+"
        r"(?:the\s+)?(?:\w+\s+)?(?:exosom|EVs?\b|extracellular vesicles)"
        r"|\b(?:exosom\w*|EVs?|vesicles)\s+(?:\w+\s+){0,3}?(?:carry|carrying|contain|containing|transport|transporting|"
        r"deliver|delivering|loaded with|enriched (?:in|with))\s+(?:\w+\s+){0,2}?(?P<c>" + _KIND_WORD + r")",
        None, "Exosomal miRNAs and proteins were profiled."),
)
#: a verb tying an unnamed kind of cargo to the vesicles ("carry proteins, nucleic acids and lipids")
CARGO_VERB = (
    Cue("cargo-verb", "cargo_type", r"\b(?:carr|contain|transport|transfer|deliver|load|enrich|cargo|packag|"
        r"harbou?r|compris|encapsulat|shuttl|rich in)",
        None, "Exosomes contain proteins and lipids."),
)
#: a kind of cargo the vesicles are said to hold is a claim on its own ("EVs harbour DNA and RNA")
CARRIES_KIND = (
    Cue("vesicles-hold-kind", "cargo_type",
        r"\b(?:carr(?:y|ies|ied|ying)|contain(?:s|ed|ing)?|harbou?r(?:s|ed|ing)?|compris(?:e|es|ed|ing)|"
        r"(?:are|were|is|was) (?:\w+ )?(?:rich|enriched|abundant|packaged|loaded) (?:in|with)|"
        r"transport(?:s|ed|ing)?|transfer(?:s|red|ring)?|shuttl\w+)\b",
        None, "Serum exosomes harbour double-stranded DNA."),
)
