"""SPARQL over the release: the embedded engine and result formats."""
