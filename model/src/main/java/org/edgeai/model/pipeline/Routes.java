package org.edgeai.model.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Topology;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.jgrapht.alg.interfaces.ShortestPathAlgorithm.SingleSourcePaths;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.AsWeightedGraph;

/**
 * Least-latency paths (DESIGN.md "Network timing"): the path of least total latency, ties broken by hop
 * count, then by the node ids along the path (lexicographically smallest sequence). Latencies come from
 * JGraphT's Dijkstra on {@link Topology#graph()}; the tie-breaking walks the subgraph of tight edges.
 */
public final class Routes {

    private Routes() {
    }

    /**
     * The route from {@code from} to {@code to}, both included ({@code [from]} when they are equal).
     * O((n + m) log n).
     *
     * @throws IllegalArgumentException when a node is unknown (listing the ids) or {@code to} is unreachable
     */
    public static List<String> shortestPath(Topology topology, String from, String to) {
        requireNode(topology, from);
        requireNode(topology, to);
        if (from.equals(to)) {
            return List.of(from);
        }
        Graph<String, Link> g = topology.graph();
        Graph<String, Link> w = new AsWeightedGraph<>(g, Link::latencyMs, false, false);
        DijkstraShortestPath<String, Link> dijkstra = new DijkstraShortestPath<>(w);
        SingleSourcePaths<String, Link> fromSrc = dijkstra.getPaths(from);
        SingleSourcePaths<String, Link> toDst = dijkstra.getPaths(to);
        double total = fromSrc.getWeight(to);
        if (Double.isInfinite(total)) {
            throw new IllegalArgumentException("no path from node '" + from + "' to node '" + to + "'");
        }
        double eps = 1e-9 * Math.max(1.0, total);
        // hops to the target over tight edges (edges on some least-latency path), by BFS from the target
        Map<String, Integer> hops = new HashMap<>();
        hops.put(to, 0);
        ArrayDeque<String> queue = new ArrayDeque<>();
        queue.add(to);
        while (!queue.isEmpty()) {
            String v = queue.poll();
            for (Link l : g.edgesOf(v)) {
                String u = Graphs.getOppositeVertex(g, l, v);
                if (hops.containsKey(u)) {
                    continue;
                }
                // u -> v is tight when dist(from, u) + lat + dist(v, to) == total
                double du = fromSrc.getWeight(u);
                double dv = toDst.getWeight(v);
                if (Math.abs(du + l.latencyMs() + dv - total) <= eps) {
                    hops.put(u, hops.get(v) + 1);
                    queue.add(u);
                }
            }
        }
        List<String> path = new ArrayList<>();
        String cur = from;
        path.add(cur);
        while (!cur.equals(to)) {
            int h = hops.get(cur);
            String best = null;
            for (Link l : g.edgesOf(cur)) {
                String v = Graphs.getOppositeVertex(g, l, cur);
                Integer hv = hops.get(v);
                if (hv != null && hv == h - 1
                        && Math.abs(fromSrc.getWeight(cur) + l.latencyMs() + toDst.getWeight(v) - total) <= eps
                        && (best == null || v.compareTo(best) < 0)) {
                    best = v;
                }
            }
            cur = best;
            path.add(cur);
        }
        return Collections.unmodifiableList(path);
    }

    static void requireNode(Topology topology, String id) {
        if (!topology.hasNode(id)) {
            List<String> ids = new ArrayList<>();
            topology.nodes().forEach(n -> ids.add(n.id()));
            throw new IllegalArgumentException("unknown node '" + id + "'; the topology has " + String.join(", ", ids));
        }
    }
}
