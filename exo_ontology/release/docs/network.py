"""A disease's findings drawn as a network (source cell -> vesicle -> cargo -> target -> effect) with dot."""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass

from exo_ontology.errors import InputError
from exo_ontology.release.docs.findings import FindingPage
from exo_ontology.release.docs.links import Link


@dataclass(frozen=True)
class Layer:
    slot: str
    title: str
    fill: str
    edge_label: str = ""            # fixed label of the edge into this layer ("" -> the direction slot's)
    direction_slot: str = ""


#: the columns of the drawing, left to right
LAYERS: tuple[Layer, ...] = (
    Layer("source_cell", "source cell", "#e3f2fd"),
    Layer("vesicle_type", "vesicle", "#ede7f6", edge_label="releases"),
    Layer("cargo", "cargo", "#fff3e0", edge_label="carries"),
    Layer("target", "target", "#e8f5e9", direction_slot="direction"),
    Layer("effect", "effect", "#fce4ec", direction_slot="effect_direction"),
)
FONT = "DejaVu Sans"
NODE_STYLE = 'shape=box, style="rounded,filled", color="#607d8b", margin="0.15,0.06"'


#: more distinct links than this and a disease's drawing keeps the most-stated ones
MAX_EDGES = 150


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _edge_label(layer: Layer, finding: FindingPage) -> str:
    if layer.edge_label:
        return layer.edge_label
    return ", ".join(d.label for d in finding.values(layer.direction_slot))


def network_dot(title: str, findings: list[FindingPage], root: str) -> str:
    """The dot source: one node per (layer, identifier), one edge per distinct (tail, head, label)
    with the number of findings that state it; every node links to its page or resolver."""
    nodes: dict[tuple[int, str], Link] = {}
    edges: Counter[tuple[tuple[int, str], tuple[int, str], str]] = Counter()
    for finding in findings:
        present = [(i, layer) for i, layer in enumerate(LAYERS) if finding.values(layer.slot)]
        for i, layer in present:
            for link in finding.values(layer.slot):
                nodes[(i, link.curie)] = link
        for (i, tail), (j, head) in itertools.pairwise(present):
            label = _edge_label(head, finding)
            for a in finding.values(tail.slot):
                for b in finding.values(head.slot):
                    edges[((i, a.curie), (j, b.curie), label)] += 1
    caption = ""
    if len(edges) > MAX_EDGES:
        # dot's layout time grows much faster than the edges (a 100k-abstract corpus gave diseases
        # thousands), and such a drawing cannot be read anyway: keep the links stated most often
        kept = sorted(edges.items(), key=lambda item: (-item[1], item[0]))[:MAX_EDGES]
        caption = f"the {MAX_EDGES} links stated most often, of {len(edges)}; every finding is in the table"
        edges = Counter(dict(kept))
        drawn = {end for source, sink, _label in edges for end in (source, sink)}
        nodes = {key: link for key, link in nodes.items() if key in drawn}
    names = {key: f"n{n}" for n, key in enumerate(sorted(nodes))}
    lines = [f"digraph {_quoted(title)} {{",
             f'  graph [rankdir=LR, fontname="{FONT}", nodesep=0.25, ranksep=0.9, bgcolor="transparent"'
             + (f", label={_quoted(caption)}, labelloc=t" if caption else "") + "];",
             f'  node [{NODE_STYLE}, fontname="{FONT}", fontsize=11];',
             f'  edge [fontname="{FONT}", fontsize=9, color="#78909c", fontcolor="#37474f", arrowsize=0.7];']
    for i, layer in enumerate(LAYERS):
        members = [key for key in sorted(nodes) if key[0] == i]
        if not members:
            continue
        lines.append("  { rank=same;")
        for key in members:
            link = nodes[key]
            lines.append(f"    {names[key]} [label={_quoted(link.label)}, fillcolor={_quoted(layer.fill)}, "
                         f"URL={_quoted(link.url(root))}, target=\"_top\", "
                         f"tooltip={_quoted(f'{layer.title}: {link.label} ({link.curie})')}];")
        lines.append("  }")
    for (source, sink, label), count in sorted(edges.items()):
        text = f"{label} ×{count}" if count > 1 and label else (f"×{count}" if count > 1 else label)
        width = min(1.0 + 0.5 * (count - 1), 4.0)
        lines.append(f"  {names[source]} -> {names[sink]} [label={_quoted(text)}, penwidth={width:.1f}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def render_svg(dot_source: str) -> str:
    """SVG from dot, without the XML prologue so it can sit inline in a page."""
    dot = shutil.which("dot")
    if dot is None:
        raise InputError("graphviz's `dot` was not found: install graphviz (apt-get install graphviz) "
                         "to draw the disease networks of the docs")
    done = subprocess.run([dot, "-Tsvg"], input=dot_source.encode("utf-8"), capture_output=True, check=False)
    if done.returncode != 0:
        raise InputError(f"dot failed on a disease network: {done.stderr.decode('utf-8', 'replace').strip()}")
    svg = done.stdout.decode("utf-8")
    return re.sub(r"\A.*?(?=<svg)", "", svg, flags=re.DOTALL)
