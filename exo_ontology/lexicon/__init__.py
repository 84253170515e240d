"""The project's lexicon: terms, names and miRNA tables cut from the reference data, and their loader."""

from exo_ontology.lexicon.io import Lexicon, load_default
from exo_ontology.lexicon.records import STATUSES, TYPES, MiRNA, Name, Term

__all__ = ["STATUSES", "TYPES", "Lexicon", "MiRNA", "Name", "Term", "load_default"]
