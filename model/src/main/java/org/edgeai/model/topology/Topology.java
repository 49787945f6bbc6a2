package org.edgeai.model.topology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DefaultUndirectedGraph;
import org.jgrapht.graph.builder.GraphTypeBuilder;

/**
 * A network of nodes and undirected links, in insertion order (which is the order of files, of node
 * indices and of every deterministic iteration).
 *
 * <p>Mutable, single-threaded: the engine copies what it needs into its own arrays when a run starts, so
 * the editor may change a topology between runs. Updating a node or link keeps its position in the order.
 * Derived views ({@link #indexed()}, {@link #graph()}) are cached and rebuilt after a change.
 */
public final class Topology {

    private final LinkedHashMap<String, Node> nodes = new LinkedHashMap<>();
    private final LinkedHashMap<LinkKey, Link> links = new LinkedHashMap<>();
    private IndexedGraph indexed;
    private Graph<String, Link> graph;

    public Topology() {
    }

    /** A deep copy (nodes and links are immutable, so the copy shares them). */
    public Topology copy() {
        Topology t = new Topology();
        t.nodes.putAll(nodes);
        t.links.putAll(links);
        return t;
    }

    // ---------------------------------------------------------------- nodes

    /** Adds a node, or replaces the node with the same id keeping its place in the order. */
    public Topology putNode(Node node) {
        Node old = nodes.put(node.id(), node);
        if (old == null) {
            invalidate();
        } else if (old.kind() != node.kind()) {
            indexed = null; // kinds are part of the indexed view; structure is unchanged
        }
        return this;
    }

    /** Removes a node and every link that touches it; returns the removed links. */
    public List<Link> removeNode(String id) {
        if (nodes.remove(id) == null) {
            throw new IllegalArgumentException("no node '" + id + "'");
        }
        List<Link> removed = new ArrayList<>();
        links.values().removeIf(l -> {
            if (l.touches(id)) {
                removed.add(l);
                return true;
            }
            return false;
        });
        invalidate();
        return removed;
    }

    public Optional<Node> findNode(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    /** @throws IllegalArgumentException when there is no such node */
    public Node node(String id) {
        Node n = nodes.get(id);
        if (n == null) {
            throw new IllegalArgumentException("no node '" + id + "'");
        }
        return n;
    }

    public boolean hasNode(String id) {
        return nodes.containsKey(id);
    }

    public Collection<Node> nodes() {
        return Collections.unmodifiableCollection(nodes.values());
    }

    public int nodeCount() {
        return nodes.size();
    }

    /** Replaces every node by {@code f(node)}; ids must not change. */
    public void updateNodes(UnaryOperator<Node> f) {
        for (Map.Entry<String, Node> e : nodes.entrySet()) {
            Node n = f.apply(e.getValue());
            if (!n.id().equals(e.getKey())) {
                throw new IllegalArgumentException("updateNodes must not change ids: " + e.getKey() + " -> " + n.id());
            }
            e.setValue(n);
        }
        indexed = null;
    }

    // ---------------------------------------------------------------- links

    /**
     * Adds a link, or replaces the link between the same endpoints keeping its place in the order.
     *
     * @throws IllegalArgumentException when an endpoint is not a node of this topology
     */
    public Topology putLink(Link link) {
        if (!nodes.containsKey(link.source())) {
            throw new IllegalArgumentException("link " + link.key() + ": no node '" + link.source() + "'");
        }
        if (!nodes.containsKey(link.target())) {
            throw new IllegalArgumentException("link " + link.key() + ": no node '" + link.target() + "'");
        }
        Link old = links.put(link.key(), link);
        if (old == null) {
            invalidate();
        } else {
            indexed = null;
            graph = null;
        }
        return this;
    }

    public Link removeLink(String u, String v) {
        Link l = links.remove(LinkKey.of(u, v));
        if (l == null) {
            throw new IllegalArgumentException("no link " + LinkKey.of(u, v));
        }
        invalidate();
        return l;
    }

    public Optional<Link> findLink(String u, String v) {
        return Optional.ofNullable(links.get(LinkKey.of(u, v)));
    }

    public boolean hasLink(String u, String v) {
        return links.containsKey(LinkKey.of(u, v));
    }

    public Collection<Link> links() {
        return Collections.unmodifiableCollection(links.values());
    }

    public int linkCount() {
        return links.size();
    }

    /** Replaces every link by {@code f(link)}; endpoints must not change. */
    public void updateLinks(UnaryOperator<Link> f) {
        for (Map.Entry<LinkKey, Link> e : links.entrySet()) {
            Link l = f.apply(e.getValue());
            if (!l.key().equals(e.getKey())) {
                throw new IllegalArgumentException("updateLinks must not change endpoints: " + e.getKey() + " -> " + l.key());
            }
            e.setValue(l);
        }
        indexed = null;
        graph = null;
    }

    // ---------------------------------------------------------------- views

    /**
     * The compact, index-based view used by analysis and the engine: node i is the i-th node in order.
     * Built in O(n + m) and cached until the next change.
     */
    public IndexedGraph indexed() {
        if (indexed == null) {
            indexed = IndexedGraph.of(this);
        }
        return indexed;
    }

    /**
     * A read-only JGraphT view (vertices are node ids, edges the links) for JGraphT's algorithms and I/O.
     * Built in O(n + m) and cached until the next change.
     */
    public Graph<String, Link> graph() {
        if (graph == null) {
            Graph<String, Link> g = GraphTypeBuilder.<String, Link>undirected()
                    .allowingMultipleEdges(false).allowingSelfLoops(false).weighted(false)
                    .buildGraph();
            for (String id : nodes.keySet()) {
                g.addVertex(id);
            }
            for (Link l : links.values()) {
                g.addEdge(l.source(), l.target(), l);
            }
            graph = new AsUnmodifiableGraph<>(g);
        }
        return graph;
    }

    private void invalidate() {
        indexed = null;
        graph = null;
    }

    /** Structural and attribute equality, order included. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Topology t
                && new ArrayList<>(t.nodes.values()).equals(new ArrayList<>(nodes.values()))
                && new ArrayList<>(t.links.values()).equals(new ArrayList<>(links.values()));
    }

    @Override
    public int hashCode() {
        return new ArrayList<>(nodes.values()).hashCode() * 31 + new ArrayList<>(links.values()).hashCode();
    }

    @Override
    public String toString() {
        return "Topology(" + nodes.size() + " nodes, " + links.size() + " links)";
    }

    /** Kept for JGraphT callers that want a mutable copy. */
    public Graph<String, Link> mutableGraphCopy() {
        DefaultUndirectedGraph<String, Link> g = new DefaultUndirectedGraph<>(Link.class);
        nodes.keySet().forEach(g::addVertex);
        links.values().forEach(l -> g.addEdge(l.source(), l.target(), l));
        return g;
    }
}
