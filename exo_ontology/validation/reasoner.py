"""OWL 2 DL consistency check with HermiT (through owlready2): no inconsistency, no unsatisfiable class."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import OWL

from exo_ontology.errors import InputError
from exo_ontology.validation.report import Problem


def run_reasoner(graph: Graph) -> list[Problem]:
    """Classify `graph` with HermiT; report inconsistency and unsatisfiable classes as ERRORs."""
    import owlready2  # imported here: owlready2 is only needed for this check

    java = shutil.which("java")
    if java is None:
        raise InputError("java: not found; the reasoner check needs a Java runtime "
                         "(apt-get install default-jre-headless)")
    owlready2.JAVA_EXE = java
    local = Graph()
    for triple in graph:
        if triple[1] != OWL.imports:  # merged release: never let owlready2 fetch an import
            local.add(triple)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "reasoner-input.owl"
        local.serialize(path, format="xml")
        world = owlready2.World()
        onto = world.get_ontology(path.as_uri()).load()
        try:
            with onto:
                owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
        except owlready2.OwlReadyInconsistentOntologyError:
            return [Problem("ERROR", "inconsistent_ontology", str(onto.base_iri),
                            value="HermiT: the ontology is inconsistent")]
        unsat = sorted(str(c.iri) for c in world.inconsistent_classes())
    return [Problem("ERROR", "unsatisfiable_class", iri, value="equivalent to owl:Nothing")
            for iri in unsat]
