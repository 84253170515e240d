"""exo-ontology: the EXOC ontology and knowledge graph of extracellular vesicles in cancer."""

__version__ = "0.1.0"
#: Version of the extraction rules; recorded on every machine-extracted fact.
EXTRACTOR_VERSION = f"exo-ontology {__version__}"

__all__ = ["EXTRACTOR_VERSION", "__version__"]
