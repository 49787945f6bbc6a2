package org.edgeai.app.gui.doc;

import java.util.ArrayList;
import java.util.List;

import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.LinkKey;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.Topology;

/** Whole-content operations on a {@link Topology} that it does not offer itself. */
public final class TopologyContent {

    private TopologyContent() {
    }

    /**
     * Makes {@code t} hold exactly {@code nodes} and {@code links}, in that order, in O(n + m): links are
     * removed first so that removing a node never scans links.
     */
    public static void replace(Topology t, List<Node> nodes, List<Link> links) {
        for (Link l : new ArrayList<>(t.links())) {
            t.removeLink(l.source(), l.target());
        }
        for (Node n : new ArrayList<>(t.nodes())) {
            t.removeNode(n.id());
        }
        nodes.forEach(t::putNode);
        links.forEach(t::putLink);
    }

    /** Makes {@code target} hold the content of {@code source}, in its order. */
    public static void replace(Topology target, Topology source) {
        replace(target, new ArrayList<>(source.nodes()), new ArrayList<>(source.links()));
    }

    public static List<String> nodeIds(Topology t) {
        List<String> ids = new ArrayList<>(t.nodeCount());
        t.nodes().forEach(n -> ids.add(n.id()));
        return ids;
    }

    public static List<LinkKey> linkKeys(Topology t) {
        List<LinkKey> keys = new ArrayList<>(t.linkCount());
        t.links().forEach(l -> keys.add(l.key()));
        return keys;
    }
}
