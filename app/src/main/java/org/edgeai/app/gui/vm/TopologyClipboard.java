package org.edgeai.app.gui.vm;

import java.util.List;

import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Node;

/** The workbench's internal clipboard of nodes and the links among them, shared by all editors. */
public final class TopologyClipboard {

    private List<Node> nodes = List.of();
    private List<Link> links = List.of();

    public void put(List<Node> n, List<Link> l) {
        nodes = List.copyOf(n);
        links = List.copyOf(l);
    }

    public List<Node> nodes() {
        return nodes;
    }

    public List<Link> links() {
        return links;
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }
}
