"""Apache Jena's command-line tools from Debian's libapache-jena-java 4.5, which ships jars but no scripts.

Two packaging problems are worked around here, in a cache directory of our own:
* jena-core.jar holds its shaded xerces classes at `xerces/impl/...` but their message bundles at
  `org/apache/jena/ext/xerces/impl/...`; without the bundles where the classes look, Jena dies at start-up
  (ExceptionInInitializerError in XSSimpleTypeDecl). The bundles are copied to the path the classes use.
* Jena's JSON-LD 1.1 reader (titanium) needs a JSON-P provider Debian does not package; the JSON-LD 1.0
  reader (jsonld-java) works once httpclient-cache is on the class path, so .jsonld is read as `jsonld10`.
"""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

JARS_DIR = Path("/usr/share/java")
JARS = (
    "jena-arq", "jena-base", "jena-cmds", "jena-core", "jena-dboe-base", "jena-dboe-index", "jena-dboe-storage",
    "jena-dboe-trans-data", "jena-dboe-transaction", "jena-iri", "jena-rdfconnection", "jena-shacl", "jena-shex",
    "jena-tdb", "jena-tdb2", "slf4j-api", "slf4j-simple", "commons-lang3", "commons-io", "commons-codec",
    "commons-compress", "commons-csv", "commons-cli", "dexx.collection", "jsonld-java", "jackson-core",
    "jackson-databind", "jackson-annotations", "gson", "titanium-json-ld", "jakarta.json-api", "httpclient",
    "httpclient-cache", "httpcore", "commons-logging", "protobuf", "thrift", "guava",
)
_BUNDLES = "org/apache/jena/ext/xerces/impl/"


def classpath(cache: Path) -> str:
    """The class path of the Jena tools, with the xerces bundles fixed under `cache`."""
    missing = [name for name in JARS if not (JARS_DIR / f"{name}.jar").is_file()]
    if missing:
        raise AssertionError(f"Jena jars missing from {JARS_DIR}: {', '.join(missing)} "
                             "(apt-get install libapache-jena-java; make test installs it)")
    with zipfile.ZipFile(JARS_DIR / "jena-core.jar") as jar:
        for member in jar.namelist():
            if member.startswith(_BUNDLES) and member.endswith(".properties"):
                target = cache / "xerces" / "impl" / member[len(_BUNDLES):]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(jar.read(member))
    return ":".join([*(str(JARS_DIR / f"{name}.jar") for name in JARS), str(cache)])


def riot(cp: str, *args: str) -> subprocess.CompletedProcess[str]:
    """`riot` (riotcmd.riot) with the given arguments."""
    return subprocess.run(["java", "-cp", cp, "riotcmd.riot", *args], capture_output=True, text=True,
                          timeout=300, check=False)
