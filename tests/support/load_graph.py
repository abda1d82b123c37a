"""Loads a GEXF or GraphML file with NetworkX and prints its node and edge counts and a few of its values as JSON.

Used by tests/export-gexf-graphml.test.ts. NetworkX before 3.x knows GEXF up to 1.2draft; 1.3 differs from it
in its namespace, which is registered here when missing.
"""
import json
import sys

import networkx as nx
from networkx.readwrite import gexf

kind, path = sys.argv[1], sys.argv[2]
if kind == "gexf":
    if "1.3" not in gexf.GEXF.versions:
        gexf.GEXF.versions["1.3"] = {
            "NS_GEXF": "http://gexf.net/1.3",
            "NS_VIZ": "http://gexf.net/1.3/viz",
            "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
            "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
            "VERSION": "1.3",
        }
    g = nx.read_gexf(path, version="1.3")
else:
    g = nx.read_graphml(path, force_multigraph=True)
probe = sys.argv[3] if len(sys.argv) > 3 else None
print(json.dumps({
    "networkx": nx.__version__,
    "directed": g.is_directed(),
    "nodes": g.number_of_nodes(),
    "edges": g.number_of_edges(),
    "probe": {k: (list(v) if isinstance(v, (list, tuple)) else v) for k, v in g.nodes[probe].items()} if probe in g else None,
    "edgeTypes": sorted({d.get("type") or d.get("label") for _, _, d in g.edges(data=True)}),
}, default=str))
