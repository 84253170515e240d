"""The W3C SPARQL 1.1 test suite as the judge of `exo query` (developers: `make conformance`).

`manifest` reads the suite into `W3CTest` records; `engines` runs one (through `exo query`, or in-process);
`results` reads answers and expected files alike; `compare` judges them; `run` applies the committed known
failures (`known.tsv`); `report` writes the Markdown. Nothing here is imported by the release build.
"""
