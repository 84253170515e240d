"""Abbreviations of oncology that papers use without defining them, as data: the short form and the
disease name it stands for. The name is grounded through the lexicon like any other, so no identifier
is written here; a definition in the document itself ("prostate cancer (PCa)") still comes first."""

from __future__ import annotations

#: (short form, the disease it names); forms that oncology uses for several things ("OS": overall
#: survival or osteosarcoma) are left out, so they ground only where a text defines them
ONCOLOGY_ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    ("AML", "acute myeloid leukemia"),
    ("ALL", "acute lymphoblastic leukemia"),
    ("BC", "breast cancer"),
    ("BCa", "bladder cancer"),
    ("CCA", "cholangiocarcinoma"),
    ("ccRCC", "clear cell renal cell carcinoma"),
    ("CLL", "chronic lymphocytic leukemia"),
    ("CML", "chronic myeloid leukemia"),
    ("CRC", "colorectal cancer"),
    ("DLBCL", "diffuse large B-cell lymphoma"),
    ("EOC", "ovarian cancer"),
    ("ESCC", "esophageal squamous cell carcinoma"),
    ("GBM", "glioblastoma"),
    ("GC", "gastric cancer"),
    ("HCC", "hepatocellular carcinoma"),
    ("HNSCC", "head and neck squamous cell carcinoma"),
    ("LUAD", "lung adenocarcinoma"),
    ("LUSC", "lung squamous cell carcinoma"),
    ("MM", "multiple myeloma"),
    ("NHL", "non-Hodgkin lymphoma"),
    ("NPC", "nasopharyngeal carcinoma"),
    ("NSCLC", "non-small cell lung carcinoma"),
    ("OSCC", "oral squamous cell carcinoma"),
    ("PCa", "prostate cancer"),
    ("PDAC", "pancreatic ductal adenocarcinoma"),
    ("RCC", "renal cell carcinoma"),
    ("SCLC", "small cell lung carcinoma"),
    ("TNBC", "triple-negative breast cancer"),
)
_TABLE = dict(ONCOLOGY_ABBREVIATIONS)


def oncology_long_form(text: str) -> str | None:
    """The disease an undefined oncology abbreviation names ("PDAC", "NSCLCs"), or None."""
    text = text.strip()
    return _TABLE.get(text) or (_TABLE.get(text[:-1]) if text.endswith("s") and len(text) > 2 else None)
