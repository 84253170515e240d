"""Names for the EXOC terms that the code refers to (the ontology itself lives in ontology/exoc-edit.ttl).

ID ranges of EXOC_ (7 digits):
  0000001-0000099  core classes (Finding, Evidence, value partitions)
  0000100-0000199  object and data properties
  0001000-0001999  vesicle types that GO lacks
  0002000-0002999  cargo types
  0003000-0003999  cancer-biology effects that GO lacks
  0004000-0004999  applications
  0005000-0005999  study types
  0006000-0006999  directions
  0007000-0007999  knowledge sources
A test checks that every name below is declared, labelled and defined in exoc-edit.ttl.
"""

from __future__ import annotations

from rdflib import URIRef

from exo_ontology.namespaces import EXOC


def _t(number: int) -> URIRef:
    return EXOC[f"{number:07d}"]


# --- core classes -----------------------------------------------------------
FINDING = _t(1)            # an n-ary claim extracted from (or curated on) a document
EVIDENCE = _t(2)           # the quote a finding was read from: text, offsets, citation markers
DIRECTION = _t(3)          # value partition: promotes, inhibits, up-/down-regulates
STUDY_TYPE = _t(4)         # in vitro, in vivo, clinical
APPLICATION = _t(5)        # biomarker, drug delivery vehicle, therapeutic target, vaccine
KNOWLEDGE_SOURCE = _t(6)   # text mining, curated, manual
CARGO_TYPE = _t(7)         # parent of the cargo classes (microRNA, lncRNA, ...)
EFFECT = _t(8)             # parent of the cancer-biology effect classes GO lacks

# --- Finding slots (object properties, domain Finding) -----------------------
HAS_SOURCE_CELL = _t(101)
HAS_VESICLE_TYPE = _t(102)
HAS_CARGO = _t(103)
HAS_CARGO_TYPE = _t(104)
HAS_TARGET = _t(105)
HAS_TARGET_DIRECTION = _t(106)
HAS_EFFECT = _t(107)
HAS_EFFECT_DIRECTION = _t(108)
HAS_PATHWAY = _t(109)
HAS_DISEASE_CONTEXT = _t(110)
HAS_RECIPIENT_CELL = _t(111)
HAS_STUDY_TYPE = _t(112)
HAS_APPLICATION = _t(113)
HAS_KNOWLEDGE_SOURCE = _t(114)
# --- Finding data properties -------------------------------------------------
DISEASE_INHERITED = _t(115)   # xsd:boolean: the disease came from the table row or section
PATHWAY_TEXT = _t(116)        # xsd:string: pathway as written, when no GO term grounds it
CURATION_NOTE = _t(117)       # xsd:string: curator's reason for accepting/amending/adding
# --- Evidence data properties ------------------------------------------------
QUOTE = _t(120)               # xsd:string, verbatim from the raw document
CHAR_START = _t(121)          # xsd:nonNegativeInteger, offset into the raw file (Unicode code points)
CHAR_END = _t(122)            # xsd:nonNegativeInteger, exclusive
CITATION_MARKER = _t(123)     # xsd:string, e.g. "[45]"
EXTRACTION_RULE = _t(124)     # xsd:string, id of the rule that produced the finding
EXTRACTOR_VERSION = _t(125)   # xsd:string
SECTION = _t(126)             # xsd:string, heading of the section the quote is in
MENTION_SPAN = _t(127)        # xsd:string "start end CURIE": a grounded entity of the quote (raw offsets)

# --- individuals of the value partitions --------------------------------------
PROMOTES = _t(6001)
INHIBITS = _t(6002)
UPREGULATES = _t(6003)
DOWNREGULATES = _t(6004)

IN_VITRO = _t(5001)
IN_VIVO = _t(5002)
CLINICAL = _t(5003)

BIOMARKER = _t(4001)
DRUG_DELIVERY_VEHICLE = _t(4002)
THERAPEUTIC_TARGET = _t(4003)
CANCER_VACCINE = _t(4004)
THERAPEUTIC_AGENT = _t(4005)

TEXT_MINING = _t(7001)
CURATED = _t(7002)
MANUAL = _t(7003)

#: knowledge_source column value -> individual
KNOWLEDGE_SOURCES: dict[str, URIRef] = {
    "text_mining": TEXT_MINING,
    "curated": CURATED,
    "manual": MANUAL,
}

# --- cargo types (classes) ----------------------------------------------------
MICRORNA = _t(2001)
LNCRNA = _t(2002)
CIRCRNA = _t(2003)
PIRNA = _t(2004)
MRNA_CARGO = _t(2005)
SIRNA = _t(2006)
DNA_CARGO = _t(2007)
PROTEIN_CARGO = _t(2008)
LIPID_CARGO = _t(2009)
DRUG_CARGO = _t(2010)
GENE_EDITING_PAYLOAD = _t(2011)

#: cargo_type keyword used by extraction -> class
CARGO_TYPES: dict[str, URIRef] = {
    "mirna": MICRORNA,
    "lncrna": LNCRNA,
    "circrna": CIRCRNA,
    "pirna": PIRNA,
    "mrna": MRNA_CARGO,
    "sirna": SIRNA,
    "dna": DNA_CARGO,
    "protein": PROTEIN_CARGO,
    "lipid": LIPID_CARGO,
    "drug": DRUG_CARGO,
    "gene_editing": GENE_EDITING_PAYLOAD,
}

#: reused GO vesicle classes
GO_EXTRACELLULAR_VESICLE = "GO:1903561"
GO_EXOSOME = "GO:0070062"
GO_MICROVESICLE = "GO:1990742"
GO_APOPTOTIC_BODY = "GO:0097189"
GO_EXOSOMAL_SECRETION = "GO:1990182"   # exosomal secretion, in the effect subset of exoc-edit.ttl
#: reused CL and MONDO classes: vesicles "derived from a tumour" come from its neoplastic cells
CL_NEOPLASTIC_CELL = "CL:0001063"
MONDO_NEOPLASM = "MONDO:0005070"

# --- vesicle types GO lacks (subclasses of GO:1903561 extracellular vesicle) ----
SMALL_EV = _t(1001)                 # small extracellular vesicle (MISEV2023 size-based)
LARGE_EV = _t(1002)                 # large extracellular vesicle (MISEV2023 size-based)
ENGINEERED_EV = _t(1003)            # engineered / modified extracellular vesicle
DRUG_LOADED_EV = _t(1004)           # extracellular vesicle loaded with a drug or nucleic acid
PLANT_EV_LIKE_NANOPARTICLE = _t(1005)   # plant-derived EV-like nanoparticle
MILK_EV = _t(1006)                  # milk-derived extracellular vesicle
# EXOC_0001007 (bacterial EV) is obsolete: GO:0097691 bacterial extracellular vesicle is reused
EXOSOME_LIKE_NANOPARTICLE = _t(1008)    # exosome-like / exosome-mimetic nanoparticle
LARGE_ONCOSOME = _t(1009)           # large oncosome (tumour-derived large EV)

# --- cancer-biology effects GO lacks (subclasses of EFFECT) ---------------------
TUMOR_PROGRESSION = _t(3001)
METASTASIS = _t(3002)
PRE_METASTATIC_NICHE_FORMATION = _t(3003)
M2_MACROPHAGE_POLARIZATION = _t(3004)
M1_MACROPHAGE_POLARIZATION = _t(3005)
IMMUNE_EVASION = _t(3006)
IMMUNOSUPPRESSION = _t(3007)
DRUG_RESISTANCE = _t(3008)          # synonyms: chemoresistance, therapy resistance
CANCER_STEMNESS = _t(3009)
TUMOR_GROWTH = _t(3010)
TUMOR_CELL_INVASION = _t(3011)
DRUG_SENSITIZATION = _t(3012)       # increased sensitivity to a drug (chemosensitization)
ANTITUMOR_IMMUNITY = _t(3013)       # closeMatch GO:0002418 immune response to tumor cell
FIBROBLAST_TO_CAF_CONVERSION = _t(3014)
TUMORIGENESIS = _t(3015)
METABOLIC_REPROGRAMMING = _t(3016)
LYMPHATIC_METASTASIS = _t(3017)     # subclass of METASTASIS
TUMOR_CELL_MIGRATION = _t(3018)     # closeMatch GO:0016477 cell migration
TUMOR_CELL_PROLIFERATION = _t(3019)  # closeMatch GO:0008283 cell population proliferation
