#!/usr/bin/env python3
"""Writes the NetworkX test fixtures of the model module (and one sample topology).

How they were made (Debian 12):
    apt-get update && apt-get install -y python3-networkx     # NetworkX 3.6.1 here
    cd model/src/test/resources/networkx && python3 make_fixtures.py

The files are committed; the tests only read them, so the build does not need Python.
  karate.graphml           nx.karate_club_graph() as write_graphml writes it: node ids 0..33, a node
                           attribute "club" and an integer edge attribute "weight", keys d0, d1, ...
  campus-small.graphml     a small edge network with the workbench's attributes (kind, computeGflops,
                           x, y, label, bandwidthMbps, latencyMs) on some elements only
  campus-small.gml         the same graph through write_gml
The sample ../../../../../sample-topologies/karate-club.graphml is the karate club with a name and a
description as graph attributes (written by sample() below).
"""
import os
import networkx as nx


def campus_small():
    g = nx.Graph()
    g.add_node("cloud", kind="cloud", x=0.0, y=-200.0, label="Data centre")
    g.add_node("edge-a", kind="server", computeGflops=150.0, x=-150.0, y=0.0)
    g.add_node("edge-b", kind="server", x=150.0, y=0.0)
    for i, (srv, x) in enumerate([("edge-a", -225.0), ("edge-a", -75.0), ("edge-b", 75.0), ("edge-b", 225.0)]):
        g.add_node(f"phone-{i}", kind="device", x=x, y=150.0)
        g.add_edge(srv, f"phone-{i}", bandwidthMbps=50.0, latencyMs=8.0)
    g.add_edge("cloud", "edge-a", bandwidthMbps=1000.0, latencyMs=2.0)
    g.add_edge("cloud", "edge-b", bandwidthMbps=1000.0)   # latency left to the defaults
    g.add_edge("phone-1", "phone-2")                      # a device-to-device link with no attributes
    return g


def sample(root):
    g = nx.karate_club_graph()
    g.graph["name"] = "Zachary's karate club"
    g.graph["description"] = ("The friendships of 34 members of a university karate club (Zachary, 1977), "
                              "as NetworkX ships it. Every member is a device; the file gives no positions, "
                              "so the workbench lays the graph out itself.")
    nx.write_graphml(g, os.path.join(root, "sample-topologies", "karate-club.graphml"))


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    nx.write_graphml(nx.karate_club_graph(), os.path.join(here, "karate.graphml"))
    nx.write_graphml(campus_small(), os.path.join(here, "campus-small.graphml"))
    nx.write_gml(campus_small(), os.path.join(here, "campus-small.gml"))
    repo = os.path.normpath(os.path.join(here, "..", "..", "..", "..", ".."))
    os.makedirs(os.path.join(repo, "sample-topologies"), exist_ok=True)
    sample(repo)
