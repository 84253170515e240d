"""`python -m exo_ontology` runs the `exo` command line."""

from exo_ontology.cli import main

main()
