"""A document's link neighbourhood (the national database's "lược đồ"): the documents it
links to and that link to it, the ones it cites and that cite it, out to a depth, drawn
as Graphviz DOT, Mermaid or SVG (Graphviz's ``dot``, where installed).

Nodes are labelled with the number, the type and the status as of a date; edges with the
Vietnamese relation label (``vocab.RELATION_KINDS``), or "trích dẫn" for a plain citation.
An edge goes from the document that acts (or cites) to the one it acts on. The search is
breadth-first and cycle-safe; every link between two documents of the neighbourhood is
drawn, so a document's two neighbours that link to each other show it.
"""
from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from datetime import date
from typing import Optional

from .errors import LegaldocsError
from .registry import Registry
from .status import status_of
from .vocab import RELATION_KINDS, STATUS_VALUES

CITES = "cites"
CITES_LABEL = "trích dẫn"
MAX_DEPTH = 10
# Node fill colours by status, for DOT and Mermaid.
STATUS_COLOURS = {
    STATUS_VALUES["in_force"]: "#d9f2d9",
    STATUS_VALUES["not_yet"]: "#fff4cc",
    STATUS_VALUES["partly_expired"]: "#ffe0b3",
    STATUS_VALUES["expired"]: "#e6e6e6",
    STATUS_VALUES["suspended"]: "#f8d0d0",
    STATUS_VALUES["partly_suspended"]: "#fbe3e3",
    STATUS_VALUES["unknown"]: "#ffffff",
}
STATUS_CLASSES = {value: key for key, value in STATUS_VALUES.items()}


@dataclass(frozen=True)
class Node:
    id: str  # record id
    number: Optional[str]
    type: Optional[str]
    status: str
    kind: str  # "full" | "cited"
    depth: int  # links away from the centre
    title: Optional[str] = None

    @property
    def label(self) -> str:
        """"15/2013/QĐ-UBND\\nQuyết định – còn hiệu lực" (title or id when unnumbered)."""
        name = self.number or _shorten(self.title or self.id, 40)
        second = " – ".join(part for part in (self.type, self.status) if part)
        return f"{name}\n{second}" if second else name

    def to_dict(self) -> dict:
        return {"id": self.id, "number": self.number, "type": self.type, "status": self.status,
                "kind": self.kind, "depth": self.depth, "title": self.title, "label": self.label}


@dataclass(frozen=True)
class Edge:
    source: str  # record ids
    target: str
    kind: str  # a RELATION_KINDS key, or "cites"
    label: str

    def to_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Graph:
    root: str
    nodes: tuple  # Node, centre first, then by depth and number
    edges: tuple  # Edge, sorted
    as_of: date

    def to_dict(self) -> dict:
        return {"root": self.root, "as_of": self.as_of.isoformat(),
                "nodes": [n.to_dict() for n in self.nodes], "edges": [e.to_dict() for e in self.edges]}


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def _adjacent(registry: Registry, rid: str) -> set:
    """Every edge touching a document: its links both ways, citations both ways."""
    edges = set()
    for link in registry.links_from(rid):
        edges.add(Edge(rid, link.target_id, link.kind, RELATION_KINDS[link.kind][0]))
    for link in registry.links_to(rid):
        if link.source_id:
            edges.add(Edge(link.source_id, rid, link.kind, RELATION_KINDS[link.kind][0]))
    record = registry.records[rid]
    for cite in record.cites:
        target = registry.resolve(cite.number, cite.issuer, cite.date)
        if target and target != rid:
            edges.add(Edge(rid, target, CITES, CITES_LABEL))
    for at in record.cited_in:
        if at.source_id in registry.records and at.source_id != rid:
            edges.add(Edge(at.source_id, rid, CITES, CITES_LABEL))
    return edges


def neighbourhood(registry: Registry, rid: str, depth: int = 1,
                  as_of: Optional[date] = None) -> Graph:
    """The documents within ``depth`` links of ``rid`` and every edge between them. A plain
    citation is drawn only where no relation already joins the two documents."""
    if rid not in registry.records:
        raise LegaldocsError(f"no record {rid!r} in the registry")
    if depth < 0 or depth > MAX_DEPTH:
        raise LegaldocsError(f"depth must be between 0 and {MAX_DEPTH}, not {depth}")
    when = as_of or date.today()
    depths = {rid: 0}
    edges: set = set()
    frontier = [rid]
    for level in range(1, depth + 1):
        following = []
        for current in frontier:
            for edge in _adjacent(registry, current):
                edges.add(edge)
                for end in (edge.source, edge.target):
                    if end not in depths and end in registry.records:
                        depths[end] = level
                        following.append(end)
        frontier = sorted(set(following))
    for current in list(depths):  # edges between documents found at the last level
        edges.update(e for e in _adjacent(registry, current)
                     if e.source in depths and e.target in depths)
    related = {(e.source, e.target) for e in edges if e.kind != CITES}
    kept = [e for e in edges if e.source in depths and e.target in depths
            and not (e.kind == CITES and (e.source, e.target) in related)]
    nodes = []
    for node_id, level in depths.items():
        record = registry.records[node_id]
        nodes.append(Node(node_id, record.number, record.type,
                          status_of(registry, node_id, when).value, record.kind, level, record.title))
    nodes.sort(key=lambda n: (n.depth, n.number or "", n.id))
    return Graph(rid, tuple(nodes), tuple(sorted(kept, key=lambda e: (e.source, e.target, e.kind))), when)


# --- rendering ---------------------------------------------------------------------------


def _dot_string(text: str) -> str:
    """A DOT double-quoted string; newlines become centred line breaks."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def to_dot(graph: Graph) -> str:
    """Graphviz DOT source: boxes filled by status, the centre bold, cited ones dashed."""
    lines = [f"digraph {_dot_string('lược đồ ' + _root_name(graph))} {{",
             '  graph [rankdir=LR, fontname="DejaVu Sans", fontsize=10];',
             '  node [shape=box, style="rounded,filled", fontname="DejaVu Sans", fontsize=10];',
             '  edge [fontname="DejaVu Sans", fontsize=9];']
    for node in graph.nodes:
        style = "rounded,filled" + (",dashed" if node.kind == "cited" else "")
        extra = ", penwidth=2" if node.id == graph.root else ""
        lines.append(f"  {_dot_string(node.id)} [label={_dot_string(node.label)}, "
                     f'fillcolor="{STATUS_COLOURS.get(node.status, "#ffffff")}", '
                     f'style="{style}"{extra}];')
    for edge in graph.edges:
        dashed = ", style=dashed" if edge.kind == CITES else ""
        lines.append(f"  {_dot_string(edge.source)} -> {_dot_string(edge.target)} "
                     f"[label={_dot_string(edge.label)}{dashed}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _root_name(graph: Graph) -> str:
    root = next(n for n in graph.nodes if n.id == graph.root)
    return root.number or root.id


def _mermaid_text(text: str) -> str:
    """Text inside a Mermaid quoted label: quotes as entities, line breaks as <br/>."""
    return (text.replace("&", "#amp;").replace('"', "#quot;").replace("<", "#lt;")
            .replace(">", "#gt;").replace("\n", "<br/>"))


def to_mermaid(graph: Graph) -> str:
    """A Mermaid flowchart (for Markdown viewers): nodes n0, n1 ... in graph order."""
    names = {node.id: f"n{i}" for i, node in enumerate(graph.nodes)}
    lines = ["flowchart LR"]
    for node in graph.nodes:
        lines.append(f'  {names[node.id]}["{_mermaid_text(node.label)}"]')
    for edge in graph.edges:
        arrow = "-.->" if edge.kind == CITES else "-->"
        lines.append(f'  {names[edge.source]} {arrow}|"{_mermaid_text(edge.label)}"| {names[edge.target]}')
    used = sorted({node.status for node in graph.nodes}, key=list(STATUS_COLOURS).index)
    for status in used:
        members = ",".join(names[n.id] for n in graph.nodes if n.status == status)
        lines.append(f"  classDef {STATUS_CLASSES[status]} fill:{STATUS_COLOURS[status]},stroke:#555")
        lines.append(f"  class {members} {STATUS_CLASSES[status]}")
    lines.append(f"  style {names[graph.root]} stroke-width:3px")
    return "\n".join(lines) + "\n"


def to_svg(graph: Graph, timeout: float = 60) -> str:
    """SVG drawn by Graphviz's ``dot``; LegaldocsError when Graphviz is not installed."""
    dot = shutil.which("dot")
    if dot is None:
        raise LegaldocsError("Graphviz is not installed: use --format dot or mermaid")
    try:
        done = subprocess.run([dot, "-Tsvg"], input=to_dot(graph).encode("utf-8"),
                              capture_output=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise LegaldocsError(f"Graphviz failed: {exc}") from exc
    if done.returncode != 0:
        message = " ".join(done.stderr.decode("utf-8", "replace").split()) or f"exit {done.returncode}"
        raise LegaldocsError(f"Graphviz failed: {message}")
    return done.stdout.decode("utf-8")
