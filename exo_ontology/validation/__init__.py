"""Checks a release must pass: SHACL shapes, SPARQL QC queries and an OWL 2 DL reasoner."""

from exo_ontology.validation.report import Problem, Report
from exo_ontology.validation.run import validate_graph, validate_path

__all__ = ["Problem", "Report", "validate_graph", "validate_path"]
